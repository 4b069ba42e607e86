import { parseImageSet, type ImageSet } from './image-set';

/** Where the packed built-in image sets are served from (written by `scripts/pack-datasets.mjs`). */
export const IMAGE_SET_URLS = {
  mnist: '/data/mnist.bin',
  'fashion-mnist': '/data/fashion-mnist.bin',
} as const;

/**
 * Fetches and parses a packed image set (browser or worker).
 * @throws Error naming the URL when the request fails or the file is not a valid image set
 */
export async function loadImageSet(url: string, init?: { signal?: AbortSignal }): Promise<ImageSet> {
  const response = await fetch(url, { signal: init?.signal });
  if (!response.ok) {
    throw new Error(`Could not load ${url}: HTTP ${response.status}. Built-in datasets are packed by "node scripts/pack-datasets.mjs" at build time.`);
  }
  const buffer = await response.arrayBuffer();
  try {
    return parseImageSet(buffer);
  } catch (err) {
    throw new Error(`${url}: ${(err as Error).message}`);
  }
}
