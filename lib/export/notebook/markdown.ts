/**
 * User text (the project name, node labels and ids) enters the notebook's markdown cells and its
 * picture only through these helpers: in markdown as inert text, in the SVG as XML character data.
 */

/**
 * Markdown that renders as exactly `text`, on one line: control characters and line or paragraph
 * separators become spaces, `&`, `<` and `>` become entities (no HTML, so no `<script>`), and every
 * other ASCII punctuation character that markdown or Jupyter's LaTeX could read (backticks,
 * emphasis, links, headings, lists, tables, `$`) is backslash-escaped.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~$"'=:^]/g, '\\$&');
}

/** Text as XML character data or an attribute value. Drops characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** UTF-8 text as base64, in the browser and in Node alike. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
