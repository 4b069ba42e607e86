import { parseImageSet, type ImageSet } from './image-set';

/**
 * Where the packed built-in image sets are served from (written by `scripts/pack-datasets.mjs`):
 * gzipped, so they travel small even from a server that does not compress binary files.
 */
export const IMAGE_SET_URLS = {
  mnist: '/data/mnist.bin.gz',
  'fashion-mnist': '/data/fashion-mnist.bin.gz',
} as const;

/** Whether bytes start with the gzip magic number (RFC 1952: 1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The bytes as they were before gzip, or the bytes themselves when they are not gzipped (a server
 * may already have decoded a `Content-Encoding: gzip` response). Uses the platform's
 * DecompressionStream (browsers, workers, Node 18+).
 * @throws Error when gzipped bytes are corrupt or truncated
 */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes.slice().buffer as ArrayBuffer]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Fetches a packed image set's bytes, un-gzipped (browser or worker).
 * @throws Error naming the URL when the request fails or the gzip stream is corrupt
 */
export async function fetchImageSetBytes(url: string, init?: { signal?: AbortSignal }): Promise<Uint8Array> {
  const response = await fetch(url, { signal: init?.signal });
  if (!response.ok) {
    throw new Error(
      `Could not load ${url}: HTTP ${response.status}. Built-in datasets are packed by "node scripts/pack-datasets.mjs" at build time.`,
    );
  }
  try {
    return await gunzipIfNeeded(new Uint8Array(await response.arrayBuffer()));
  } catch (err) {
    throw new Error(`${url}: the gzipped data is corrupt (${(err as Error).message})`);
  }
}

/**
 * Fetches and parses a packed image set (browser or worker), gzipped or not.
 * @throws Error naming the URL when the request fails or the file is not a valid image set
 */
export async function loadImageSet(url: string, init?: { signal?: AbortSignal }): Promise<ImageSet> {
  const bytes = await fetchImageSetBytes(url, init);
  try {
    return parseImageSet(bytes);
  } catch (err) {
    throw new Error(`${url}: ${(err as Error).message}`);
  }
}
