import { readFileSync } from 'node:fs';
import { parseImageSet } from '../lib/data/image-set';
import { IMAGE_SET_URLS } from '../lib/data/load-image-set';
export async function loadImageSetFromDisk() {
  return parseImageSet(new Uint8Array(readFileSync(`public${IMAGE_SET_URLS.mnist.replace(/\.gz$/, '')}`)));
}
