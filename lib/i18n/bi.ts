import type { BiText } from './locale';

export type { BiText } from './locale';

/**
 * Both texts of one message, written side by side at the place that knows the values, so the
 * numbers and shapes in the two cannot drift apart.
 */
export function bi(en: string, zh: string): BiText {
  return { en, zh };
}

/** Joins messages as the English and Chinese lists are joined ("; " and "；"). */
export function biJoin(texts: readonly BiText[]): BiText {
  return bi(texts.map((t) => t.en).join('; '), texts.map((t) => t.zh).join('；'));
}

/**
 * An Error that carries its Chinese text too (`zh`), e.g. across the training worker's boundary.
 * Its `message` is the English, as every Error's is.
 */
export class BiError extends Error {
  readonly zh: string;
  constructor(text: BiText) {
    super(text.en);
    this.name = 'BiError';
    this.zh = text.zh;
  }
}

/**
 * The text of anything thrown, in both languages: an error's own `zh` when it carries one (a
 * `BiError`, also after comlink copied it), else its message behind a Chinese lead-in, since a
 * foreign message (from tfjs or the browser) has no translation.
 */
export function errorText(err: unknown): BiText {
  const en = err instanceof Error ? err.message : String(err);
  const zh =
    typeof err === 'object' && err !== null && typeof (err as { zh?: unknown }).zh === 'string' ? (err as { zh: string }).zh : null;
  return bi(en, zh ?? `出错了：${en}`);
}
