import { MAX_PROJECT_BYTES, parseProjectText, type ParseResult } from './parse';
import type { GanProject } from './schema';

/** The URL-hash key under which a shared project travels: `#p=<deflate-raw, base64url>`. */
export const SHARE_PARAM = 'p';
const MAX_LINK_CHARS = 2_000_000;

/** Compresses a project into a URL-safe string for the hash. */
export async function encodeShare(project: GanProject): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(project));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  return toBase64Url(packed);
}

/**
 * Reads a project back from a share string. Never throws: bad base64, bad deflate data, a
 * decompression bomb (capped at the project size limit) and an invalid project all come back as
 * `{ ok: false, errors }`.
 */
export async function decodeShare(encoded: string): Promise<ParseResult> {
  try {
    if (encoded.length > MAX_LINK_CHARS) return fail('the link is too long to be a GANvas project');
    const bytes = fromBase64Url(encoded);
    if (!bytes) return fail('the link is damaged: it is not valid base64url text');
    let text: string;
    try {
      const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_PROJECT_BYTES);
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch (err) {
      return fail(err instanceof TooLarge ? err.message : 'the link is damaged: its data does not decompress (was it cut short when copied?)');
    }
    return parseProjectText(text);
  } catch (err) {
    return fail(`the link could not be read (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'})`);
  }
}

/** Finds the share string in a location hash such as `#p=...`. */
export function shareFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}


class TooLarge extends Error {}

async function pipe(bytes: Uint8Array, transform: GenericTransformStream, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = (transform.readable as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(`the link unpacks to more than ${Math.round(limit / 2 ** 20)} MB, more than any project`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function fail(message: string): ParseResult {
  return { ok: false, errors: [{ path: '', message }] };
}
