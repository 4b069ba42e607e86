import type { z } from 'zod';
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

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
  null: 'null',
  undefined: '空缺',
  nan: 'NaN',
  bigint: '大整数',
  function: '函数',
  symbol: 'symbol',
  date: '日期',
};

/** A type's Chinese name, set off by a space when it is a Latin word ("null") that follows Chinese. */
function typeName(type: string): string {
  const name = TYPE_ZH[type] ?? type;
  return /^[A-Za-z]/.test(name) ? ` ${name}` : name;
}

/** What zod calls the type of a value, in Chinese. */
function typeOf(value: unknown): string {
  return typeName(
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' && Number.isNaN(value) ? 'nan' : typeof value,
  );
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * One zod issue in both languages: zod's English message as it is, and Chinese written from the
 * issue's own fields (the limits, the allowed values), so numbers agree. Give the parse
 * `reportInput: true` so that an invalid type can name what it received.
 */
export function issueText(issue: Issue): BiText {
  return bi(issue.message, zhOf(issue));
}

function zhOf(issue: Issue): string {
  const custom = CUSTOM.get(issue.message);
  if (custom !== undefined) return custom;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      return 'input' in issue ? `类型不对：应为${expected}，收到的是${typeOf(issue.input)}` : `类型不对：应为${expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `值不对：应为 ${quote(issue.values[0])}`
        : `值不对：应为以下之一 ${issue.values.map(quote).join('|')}`;
    case 'too_big': {
      const at = `${issue.inclusive ? '≤' : '<'} ${issue.maximum.toString()}`;
      if (issue.origin === 'string') return `太长：最多 ${issue.maximum.toString()} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `太多：最多 ${issue.maximum.toString()} 项`;
      return `太大：应 ${at}`;
    }
    case 'too_small': {
      const at = `${issue.inclusive ? '≥' : '>'} ${issue.minimum.toString()}`;
      if (issue.origin === 'string') return `太短：至少 ${issue.minimum.toString()} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `太少：至少 ${issue.minimum.toString()} 项`;
      return `太小：应 ${at}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern ? `格式不对：应符合 ${issue.pattern}` : `格式不对（${issue.format}）`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor.toString()} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的键：${issue.keys.map(quote).join(', ')}`;
    case 'invalid_union': {
      const noMatch = issue as { discriminator?: string; options?: unknown[] };
      if (noMatch.discriminator !== undefined && noMatch.options) {
        return `${noMatch.discriminator} 的值不对：应为 ${noMatch.options.map((o) => `'${String(o)}'`).join(' | ')}`;
      }
      return '值不对：不符合任何允许的形式';
    }
    case 'invalid_key':
      return `${issue.origin === 'map' ? '映射' : '记录'}里有不合规的键`;
    case 'invalid_element':
      return `${issue.origin === 'map' ? '映射' : '集合'}里有不合规的值`;
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return typeof zh === 'string' ? zh : `值不对（${issue.message}）`;
    }
    default:
      return '值不对';
  }
}
