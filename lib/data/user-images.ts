// Browser only (window or worker): decodes with createImageBitmap and draws on an OffscreenCanvas,
// so it cannot run in Node tests; the packed format it stores is tested through image-set.ts.
import { del, get, set as idbSet } from 'idb-keyval';
import { encodeImageSet, parseImageSet, type ImageSet } from './image-set';

const STORE_KEY = 'ganvas:user-images';

/** The size every image is brought to. */
export interface ImageSize {
  width: number;
  height: number;
  channels: 1 | 3;
}

/**
 * Decodes, cover-crops (centred, to the target aspect), scales and converts each file to an
 * unlabelled image set. Files the browser cannot decode are skipped and named in `skipped`.
 */
export async function imagesFromFiles(files: File[], size: ImageSize): Promise<{ set: ImageSet; skipped: string[] }> {
  const { width, height, channels } = size;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw images off screen (no 2-D OffscreenCanvas).');
  ctx.imageSmoothingQuality = 'high';

  const pixels: Uint8Array[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      skipped.push(file.name);
      continue;
    }
    const scale = Math.max(width / bitmap.width, height / bitmap.height);
    const sw = width / scale;
    const sh = height / scale;
    // Transparent areas would otherwise read as black; white is how viewers show them.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, (bitmap.width - sw) / 2, (bitmap.height - sh) / 2, sw, sh, 0, 0, width, height);
    bitmap.close();
    pixels.push(fromRgba(ctx.getImageData(0, 0, width, height).data, channels));
  }

  const all = new Uint8Array(pixels.length * width * height * channels);
  pixels.forEach((p, i) => all.set(p, i * p.length));
  return { set: { count: pixels.length, shape: [height, width, channels], pixels: all, labels: null }, skipped };
}

/** RGBA → grey (ITU-R BT.601 luma, as PIL's "L" mode) or RGB. */
function fromRgba(rgba: Uint8ClampedArray, channels: 1 | 3): Uint8Array {
  const n = rgba.length / 4;
  const out = new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    const r = rgba[4 * i]!;
    const g = rgba[4 * i + 1]!;
    const b = rgba[4 * i + 2]!;
    if (channels === 1) out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else out.set([r, g, b], 3 * i);
  }
  return out;
}

/** Keeps the user's images in IndexedDB, packed as by `encodeImageSet`. */
export async function saveUserImages(set: ImageSet): Promise<void> {
  await idbSet(STORE_KEY, encodeImageSet(set));
}

/**
 * The images saved by `saveUserImages`, or null when there are none.
 * @throws Error from `parseImageSet` when the stored copy is damaged
 */
export async function loadUserImages(): Promise<ImageSet | null> {
  const stored = await get<ArrayBuffer>(STORE_KEY);
  return stored ? parseImageSet(stored) : null;
}

/** Forgets the saved images. */
export async function clearUserImages(): Promise<void> {
  await del(STORE_KEY);
}
