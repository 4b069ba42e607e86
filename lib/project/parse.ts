import type { z } from 'zod';
import { migrate } from './migrations';
import { projectSchema, type GanProject } from './schema';

export interface ParseError {
  /** Dotted path into the document, e.g. `generator.nodes.3.kind`; empty for the whole file. */
  path: string;
  message: string;
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
      return fail('', 'a GANvas project is a JSON object with version, name, generator, discriminator, dataset and training');
    }
    const unsafe = findUnsafeKey(json);
    if (unsafe) return fail(unsafe, `the key "${unsafe.split('.').pop()}" is not allowed in a project (it could alter objects it is copied into)`);
    const migrated = migrate(json as Record<string, unknown>);
    if (!migrated.ok) return fail('version', migrated.message);
    const result = projectSchema.safeParse(migrated.doc, { reportInput: false });
    if (!result.success) return { ok: false, errors: toErrors(result.error) };
    return { ok: true, project: result.data };
  } catch (err) {
    return fail('', `the project could not be read (${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'})`);
  }
}

/** Parses the text of a `.ganvas.json` file. */
export function parseProjectText(text: string): ParseResult {
  if (typeof text !== 'string') return fail('', 'expected the text of a .ganvas.json file');
  if (text.length > MAX_PROJECT_BYTES) {
    return fail('', `the file is ${(text.length / 2 ** 20).toFixed(1)} MB; a project is at most ${MAX_PROJECT_BYTES / 2 ** 20} MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail('', `the file is not valid JSON (${err instanceof Error ? err.message.slice(0, 200) : 'parse error'})`);
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

function fail(path: string, message: string): ParseResult {
  return { ok: false, errors: [{ path, message }] };
}

function toErrors(error: z.ZodError): ParseError[] {
  return error.issues.slice(0, MAX_ERRORS).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
