/**
 * The packed image-set format, shared by `scripts/pack-datasets.mjs` (MNIST, Fashion-MNIST) and the
 * user's own images in IndexedDB. All integers little-endian:
 *
 * | offset | type      | field                                          |
 * |--------|-----------|------------------------------------------------|
 * | 0      | 4 × ASCII | magic "GANV"                                   |
 * | 4      | uint16    | version, 1                                     |
 * | 6      | uint8     | channels (1 grey, 3 RGB; 1..4 accepted)        |
 * | 7      | uint8     | numClasses (0: no labels)                      |
 * | 8      | uint32    | count                                          |
 * | 12     | uint16    | height                                         |
 * | 14     | uint16    | width                                          |
 * | 16     | uint8[]   | count × height × width × channels pixels 0..255, channels-last, rows top to bottom |
 * | …      | uint8[]   | count labels in 0..numClasses-1, only when numClasses > 0 |
 *
 * The file is exactly that long; anything shorter or longer is rejected.
 */
export const IMAGE_SET_MAGIC = 'GANV';
export const IMAGE_SET_VERSION = 1;
export const IMAGE_SET_HEADER_BYTES = 16;

/** A set of same-sized uint8 images, optionally labelled. */
export interface ImageSet {
  count: number;
  /** One image's shape: [height, width, channels]. */
  shape: [number, number, number];
  /** count × h × w × c values, 0..255, channels-last. */
  pixels: Uint8Array;
  /** One class index per image, or null when unlabelled. */
  labels: Uint8Array | null;
  /** Present exactly when `labels` is. */
  numClasses?: number;
}

const fail = (message: string): never => {
  throw new Error(`Invalid image set: ${message}`);
};

function checkLabels(labels: Uint8Array, numClasses: number): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= numClasses) fail(`label ${labels[i]} of image ${i} is not below numClasses ${numClasses}`);
  }
}

/**
 * Reads a packed image set. Pixels and labels are views into `buffer` (no copy).
 * @throws Error naming what is wrong (magic, version, header field, or length) when the buffer is not a valid set
 */
export function parseImageSet(buffer: ArrayBuffer | Uint8Array): ImageSet {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.byteLength < IMAGE_SET_HEADER_BYTES) {
    fail(`${bytes.byteLength} bytes is too short for the ${IMAGE_SET_HEADER_BYTES}-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== IMAGE_SET_MAGIC)
    fail(`expected magic "${IMAGE_SET_MAGIC}" but found ${JSON.stringify(magic)}; this is not a GANvas image set`);
  const version = view.getUint16(4, true);
  if (version !== IMAGE_SET_VERSION) fail(`version ${version} is not supported (this build reads version ${IMAGE_SET_VERSION})`);
  const channels = view.getUint8(6);
  const numClasses = view.getUint8(7);
  const count = view.getUint32(8, true);
  const height = view.getUint16(12, true);
  const width = view.getUint16(14, true);
  if (channels < 1 || channels > 4) fail(`channels is ${channels}; expected 1 to 4`);
  if (height === 0 || width === 0) fail(`image size ${height}×${width} is empty`);
  const pixelBytes = count * height * width * channels;
  const labelBytes = numClasses > 0 ? count : 0;
  const expected = IMAGE_SET_HEADER_BYTES + pixelBytes + labelBytes;
  const shape = `${count} images of ${height}×${width}×${channels}${numClasses > 0 ? ' with labels' : ''}`;
  if (bytes.byteLength < expected) fail(`truncated: ${shape} need ${expected} bytes but there are ${bytes.byteLength}`);
  if (bytes.byteLength > expected) fail(`${bytes.byteLength - expected} unexpected trailing bytes after ${shape}`);

  const pixels = bytes.subarray(IMAGE_SET_HEADER_BYTES, IMAGE_SET_HEADER_BYTES + pixelBytes);
  const set: ImageSet = { count, shape: [height, width, channels], pixels, labels: null };
  if (numClasses > 0) {
    const labels = bytes.subarray(IMAGE_SET_HEADER_BYTES + pixelBytes, expected);
    checkLabels(labels, numClasses);
    set.labels = labels;
    set.numClasses = numClasses;
  }
  return set;
}

/**
 * Packs an image set into the format `parseImageSet` reads.
 * @throws Error when the set's fields disagree or do not fit the header's integer widths
 */
export function encodeImageSet(set: ImageSet): ArrayBuffer {
  const { count, labels, numClasses } = set;
  const [height, width, channels] = set.shape;
  const intIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!intIn(count, 0, 0xffffffff)) fail(`count ${count} is not an integer in 0..2^32-1`);
  if (!intIn(height, 1, 0xffff) || !intIn(width, 1, 0xffff)) fail(`image size ${height}×${width} must be 1..65535 on each side`);
  if (!intIn(channels, 1, 4)) fail(`channels is ${channels}; expected 1 to 4`);
  const pixelBytes = count * height * width * channels;
  if (set.pixels.length !== pixelBytes)
    fail(`${set.pixels.length} pixels given but ${count}×${height}×${width}×${channels} = ${pixelBytes} expected`);
  if ((labels === null) !== (numClasses === undefined)) fail('labels and numClasses must be given together');
  if (labels !== null) {
    if (!intIn(numClasses!, 1, 255)) fail(`numClasses ${numClasses} must be 1..255`);
    if (labels.length !== count) fail(`${labels.length} labels given for ${count} images`);
    checkLabels(labels, numClasses!);
  }

  const out = new Uint8Array(IMAGE_SET_HEADER_BYTES + pixelBytes + (labels ? count : 0));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = IMAGE_SET_MAGIC.charCodeAt(i);
  view.setUint16(4, IMAGE_SET_VERSION, true);
  view.setUint8(6, channels);
  view.setUint8(7, numClasses ?? 0);
  view.setUint32(8, count, true);
  view.setUint16(12, height, true);
  view.setUint16(14, width, true);
  out.set(set.pixels, IMAGE_SET_HEADER_BYTES);
  if (labels) out.set(labels, IMAGE_SET_HEADER_BYTES + pixelBytes);
  return out.buffer;
}

// One division per possible byte instead of one per pixel.
const UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 127.5 - 1);

/** Maps uint8 pixels 0..255 linearly onto [-1, 1] (0 → -1, 255 → 1), the range a tanh generator produces. */
export function toUnitRange(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = UNIT[pixels[i]!]!;
  return out;
}
