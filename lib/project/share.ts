import { bi, type BiText } from '../i18n/bi';
import { MAX_PROJECT_BYTES, parseProjectText, type ParseResult } from './parse';
import type { GanProject } from './schema';

/** The URL-hash key under which a shared project travels: `#p=<deflate-raw, base64url>`. */
export const SHARE_PARAM = 'p';
const MAX_LINK_CHARS = 2_000_000;

/** Compresses a project into a URL-safe string for the hash. */
export async function encodeShare(project: GanProject): Promise<string> {
  return packLinkText(JSON.stringify(project));
}

/** Compresses any text (deflate-raw) into base64url: the body of every GANvas link. */
export async function packLinkText(text: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Infinity);
  return toBase64Url(packed);
}

export type UnpackResult = { ok: true; text: string } | ({ ok: false } & BiText);

/**
 * Reverses {@link packLinkText}. Never throws: an over-long link, bad base64url, bad deflate data,
 * bad UTF-8 and output past `limit` bytes (a decompression bomb is cut off, not inflated) all come
 * back as `{ ok: false, en, zh }`.
 */
export async function unpackLinkText(encoded: string, limit: number): Promise<UnpackResult> {
  try {
    if (encoded.length > MAX_LINK_CHARS)
      return { ok: false, ...bi('the link is too long to be a GANvas link', '链接太长，不可能是 GANvas 链接') };
    const bytes = fromBase64Url(encoded);
    if (!bytes) {
      return {
        ok: false,
        ...bi(
          'the link is damaged: it is not valid base64url text (was it cut short or changed when copied?)',
          '链接已损坏：它不是有效的 base64url 文本（复制时是否被截断或改动了？）',
        ),
      };
    }
    try {
      const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), limit);
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
    } catch (err) {
      if (err instanceof TooLarge) return { ok: false, ...err.text };
      return {
        ok: false,
        ...bi(
          'the link is damaged: its data does not decompress (was it cut short when copied?)',
          '链接已损坏：其中的数据无法解压（复制时是否被截断了？）',
        ),
      };
    }
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 120) : 'unknown error';
    return { ok: false, ...bi(`the link could not be read (${why})`, `无法读取链接（${why}）`) };
  }
}

/**
 * Reads a project back from a share string. Never throws: bad base64, bad deflate data, a
 * decompression bomb (capped at the project size limit) and an invalid project all come back as
 * `{ ok: false, errors }`.
 */
export async function decodeShare(encoded: string): Promise<ParseResult> {
  const unpacked = await unpackLinkText(encoded, MAX_PROJECT_BYTES);
  return unpacked.ok ? parseProjectText(unpacked.text) : { ok: false, errors: [{ path: '', en: unpacked.en, zh: unpacked.zh }] };
}

/** Finds the share string in a location hash such as `#p=...`. */
export function shareFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

class TooLarge extends Error {
  readonly text: BiText;
  constructor(text: BiText) {
    super(text.en);
    this.text = text;
  }
}

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
      const most = Math.round(limit / 2 ** 20);
      throw new TooLarge(
        bi(`the link unpacks to more than ${most} MB, more than any project`, `链接解压后超过 ${most} MB，比任何项目都大`),
      );
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
