/**
 * User text (node ids, labels, project names) enters generated TypeScript only through these
 * helpers: as an ASCII-only string literal, or as a generated identifier. Nothing a user types can
 * end a string, a comment or a line.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await as async from of type declare namespace module any ' +
    'boolean number string symbol never unknown object undefined NaN Infinity arguments eval ' +
    // Names gan.ts itself declares or uses inside the builders: a node must not shadow them.
    'tf apply main NUM_CLASSES DATA_SHAPE NOISE_DIM buildGenerator buildDiscriminator'
  ).split(' '),
);

/** A double-quoted literal holding exactly `text`, ASCII only (every other char as \uXXXX). */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Gives each name a distinct, valid, non-reserved identifier: `g1` stays `g1`, `my-node` becomes
 * `my_node`, `class` becomes `class_`, and a clash gets a numeric suffix.
 */
export function identifiers(names: readonly string[], prefix = 'n'): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+|_+$/g, '') || prefix;
    if (/^[0-9]/.test(base)) base = `${prefix}${base}`;
    if (RESERVED.has(base)) base = `${base}_`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    out.set(name, id);
  }
  return out;
}

/** Text for inside a `//` comment: a quoted literal, so it cannot hold a line break. */
export function commentText(text: string): string {
  return tsString(text);
}
