import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { bi, type BiText } from './bi';

type Issue = z.core.$ZodIssue;

/** Chinese for zod's own custom messages (regexes, limits), keyed by the English the schema carries. */
const CUSTOM = new Map<string, string>();

/**
 * A custom zod message with its Chinese: returns the English for the schema and remembers the
 * Chinese for {@link issueText}. For `refine` and `addIssue`, pass `params: { zh }` instead.
 */
export function zodMessage(en: string, zh: string): string {
  CUSTOM.set(en, zh);
  return en;
}

/** zod's own zh-CN messages, asked per issue: the global config (and so the English) stays as it is. */
const zodZh = zhCN().localeError as (issue: Issue) => string | { message: string } | null | undefined;

/** Type names in Chinese (zod's zh-CN leaves them in English); a Latin one ("null") is set off by a space. */
const TYPE_ZH: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
  undefined: '空缺',
  nan: 'NaN',
  bigint: '大整数',
  function: '函数',
  date: '日期',
};
function typeName(type: string): string {
  const name = TYPE_ZH[type] ?? type;
  return /^[A-Za-z]/.test(name) ? ` ${name}` : name;
}
const typeOf = (v: unknown): string =>
  typeName(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isNaN(v) ? 'nan' : typeof v);

/**
 * One zod issue in both languages: zod's English message as it is, and its Chinese from the
 * issue's own fields (the limits, the allowed values), so numbers agree. Give the parse
 * `reportInput: true` so that an invalid type can name what it received.
 */
export function issueText(issue: Issue): BiText {
  return bi(issue.message, zhOf(issue));
}

/** The schema's own Chinese, else ours where zod's zh-CN would leave English in (types, sizes), else zod's. */
function zhOf(issue: Issue): string {
  const custom = CUSTOM.get(issue.message);
  if (custom !== undefined) return custom;
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对：应为${typeName(issue.expected)}${'input' in issue ? `，收到的是${typeOf(issue.input)}` : ''}`;
    case 'too_big': {
      const max = issue.maximum.toString();
      if (issue.origin === 'string') return `太长：最多 ${max} 个字符`;
      return issue.origin === 'array' || issue.origin === 'set' ? `太多：最多 ${max} 项` : `太大：应 ${issue.inclusive ? '≤' : '<'} ${max}`;
    }
    case 'too_small': {
      const min = issue.minimum.toString();
      if (issue.origin === 'string') return `太短：至少 ${min} 个字符`;
      return issue.origin === 'array' || issue.origin === 'set' ? `太少：至少 ${min} 项` : `太小：应 ${issue.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'invalid_union': {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator !== undefined && options)
        return `${discriminator} 的值不对：应为 ${options.map((o) => `'${String(o)}'`).join(' | ')}`;
      break;
    }
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return typeof zh === 'string' ? zh : `值不对（${issue.message}）`;
    }
  }
  const text = zodZh(issue);
  return (typeof text === 'string' ? text : text?.message) ?? '无效输入';
}
