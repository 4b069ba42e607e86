import type { z } from 'zod';
import { bi, type BiText } from '../i18n/bi';
import { issueText } from '../i18n/zod-issue';
import { migrate } from './migrations';
import { projectSchema, type GanProject } from './schema';

/** What is wrong at `path`: `en` in English, `zh` in Chinese. */
export interface ParseError extends BiText {
  /** Dotted path into the document, e.g. `generator.nodes.3.kind`; empty for the whole file. */
  path: string;
}
export type ParseResult = { ok: true; project: GanProject } | { ok: false; errors: ParseError[] };

/** Files larger than this are refused before parsing. A real project is a few hundred KB. */
export const MAX_PROJECT_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 20;

/**
 * Validates anything claimed to be a project. Never throws: wrong types, unknown kinds, huge
 * strings, cyclic objects and `__proto__` keys all come back as `{ ok: false, errors }`.
 */
export function parseProject(json: unknown): ParseResult {
  try {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return fail(
        '',
        bi(
          'a GANvas project is a JSON object with version, name, generator, discriminator, dataset and training',
          'GANvas 项目是一个 JSON 对象，包含 version、name、generator、discriminator、dataset 和 training',
        ),
      );
    }
    const unsafe = findUnsafeKey(json);
    if (unsafe) {
      const key = unsafe.split('.').pop();
      return fail(
        unsafe,
        bi(
          `the key "${key}" is not allowed in a project (it could alter objects it is copied into)`,
          `项目中不允许出现键 "${key}"（它可能篡改被复制到的对象）`,
        ),
      );
    }
    const migrated = migrate(json as Record<string, unknown>);
    if (!migrated.ok) return fail('version', migrated);
    // The input is reported so that a wrong type can say what it got; errors keep only text.
    const result = projectSchema.safeParse(migrated.doc, { reportInput: true });
    if (!result.success) return { ok: false, errors: toErrors(result.error) };
    return { ok: true, project: result.data };
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
    return fail('', bi(`the project could not be read (${why})`, `无法读取项目（${why}）`));
  }
}

/** Parses the text of a `.ganvas.json` file. */
export function parseProjectText(text: string): ParseResult {
  if (typeof text !== 'string') return fail('', bi('expected the text of a .ganvas.json file', '需要 .ganvas.json 文件的文本'));
  if (text.length > MAX_PROJECT_BYTES) return fail('', tooLarge(text.length));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 200) : 'parse error';
    return fail('', bi(`the file is not valid JSON (${why})`, `文件不是有效的 JSON（${why}）`));
  }
  return parseProject(json);
}

/** The canonical text form; `parseProjectText(serializeProject(p))` gives back `p`. */
export function serializeProject(project: GanProject): string {
  return JSON.stringify(project, null, 2);
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_SCAN = 200_000;

/** Path of the first prototype-polluting key, searched breadth-first, cycles and huge inputs bounded. */
function findUnsafeKey(root: object): string | null {
  const queue: [object, string][] = [[root, '']];
  const seen = new Set<object>([root]);
  for (let i = 0; i < queue.length && i < MAX_SCAN; i++) {
    const [value, path] = queue[i]!;
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (UNSAFE_KEYS.has(key)) return here;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null && !seen.has(child)) {
        seen.add(child);
        queue.push([child, here]);
      }
    }
  }
  return null;
}

/** Why a file of `bytes` is refused for its size. */
export function tooLarge(bytes: number): BiText {
  const size = (bytes / 2 ** 20).toFixed(1);
  const most = MAX_PROJECT_BYTES / 2 ** 20;
  return bi(`the file is ${size} MB; a project is at most ${most} MB`, `文件大小为 ${size} MB；项目最大为 ${most} MB`);
}

function fail(path: string, text: BiText): ParseResult {
  return { ok: false, errors: [{ path, en: text.en, zh: text.zh }] };
}

function toErrors(error: z.ZodError): ParseError[] {
  return error.issues.slice(0, MAX_ERRORS).map((issue) => ({ path: issue.path.map(String).join('.'), ...issueText(issue) }));
}
