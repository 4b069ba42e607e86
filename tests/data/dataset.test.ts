import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DATASET_DEFAULTS } from '@/lib/data/catalog';
import { createDataset, createImageDataset, createSyntheticDataset } from '@/lib/data/dataset';
import { parseImageSet, type ImageSet } from '@/lib/data/image-set';
import { createRng } from '@/lib/data/rng';
import { sampleSynthetic } from '@/lib/data/synthetic';

/** 20 labelled 4×3 grey images; image i is filled with the value 10·i, labelled i mod 4. */
const tiny: ImageSet = {
  count: 20,
  shape: [4, 3, 1],
  pixels: Uint8Array.from({ length: 20 * 12 }, (_, j) => 10 * Math.floor(j / 12)),
  labels: Uint8Array.from({ length: 20 }, (_, i) => i % 4),
  numClasses: 4,
};

describe('createSyntheticDataset', () => {
  it('draws [batch, dim] batches equal to sampleSynthetic with the same seed, holding no tensors', async () => {
    const before = tf.memory().numTensors;
    const ds = createSyntheticDataset(DATASET_DEFAULTS['ring-8']);
    expect(ds.shape).toEqual([2]);
    expect(ds.numClasses).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
    const { x, labels } = ds.sample(16, createRng(3));
    expect(x.shape).toEqual([16, 2]);
    expect(x.dtype).toBe('float32');
    expect(labels).toBeUndefined();
    expect(await x.data()).toEqual(sampleSynthetic(DATASET_DEFAULTS['ring-8'], 16, createRng(3)));
    x.dispose();
    expect(ds.realSamples(5, createRng(3))).toEqual(sampleSynthetic(DATASET_DEFAULTS['ring-8'], 5, createRng(3)));
    ds.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the 1-D Gaussian shape [1]', () => {
    const ds = createSyntheticDataset(DATASET_DEFAULTS['gaussian-1d']);
    const { x } = ds.sample(8, createRng(1));
    expect(ds.shape).toEqual([1]);
    expect(x.shape).toEqual([8, 1]);
    x.dispose();
  });
});

describe('createImageDataset', () => {
  it('keeps exactly one persistent tensor and frees it on dispose', () => {
    const before = tf.memory().numTensors;
    const ds = createImageDataset(tiny);
    expect(tf.memory().numTensors).toBe(before + 1);
    ds.dispose();
    ds.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => ds.sample(2, createRng(1))).toThrow(/disposed/);
  });

  it('samples images in [-1, 1] with one-hot labels that match them', async () => {
    const ds = createImageDataset(tiny);
    expect(ds.shape).toEqual([4, 3, 1]);
    expect(ds.numClasses).toBe(4);
    const { x, labels } = ds.sample(32, createRng(5));
    expect(x.shape).toEqual([32, 4, 3, 1]);
    expect(x.dtype).toBe('float32');
    expect(labels!.shape).toEqual([32, 4]);
    expect(labels!.dtype).toBe('float32');
    const xs = await x.data();
    const ls = await labels!.data();
    for (let b = 0; b < 32; b++) {
      const image = xs.subarray(b * 12, (b + 1) * 12);
      // Every pixel of an image holds 10·i mapped to [-1, 1]; recover i from it.
      const i = Math.round(((image[0]! + 1) * 127.5) / 10);
      expect(image.every((v) => v === image[0] && v >= -1 && v <= 1)).toBe(true);
      expect(Array.from(ls.subarray(b * 4, (b + 1) * 4))).toEqual([0, 1, 2, 3].map((c) => (c === i % 4 ? 1 : 0)));
    }
    tf.dispose([x, labels!]);
    ds.dispose();
  });

  it('is deterministic for a seed, on the backend and in realSamples', async () => {
    const ds = createImageDataset(tiny);
    const a = ds.sample(10, createRng(8));
    const b = ds.sample(10, createRng(8));
    expect(await a.x.data()).toEqual(await b.x.data());
    tf.dispose([a.x, a.labels!, b.x, b.labels!]);
    const real = ds.realSamples(10, createRng(8));
    const c = ds.sample(10, createRng(8));
    // realSamples picks the same images as sample for the same seed, without tensors.
    expect(real).toEqual(await c.x.data());
    tf.dispose([c.x, c.labels!]);
    ds.dispose();
  });

  it('omits labels for unlabelled sets', () => {
    const ds = createImageDataset({ ...tiny, labels: null, numClasses: undefined });
    const { x, labels } = ds.sample(3, createRng(1));
    expect(ds.numClasses).toBeUndefined();
    expect(labels).toBeUndefined();
    x.dispose();
    ds.dispose();
  });

  it('leaks no tensors across many draws', () => {
    const before = tf.memory().numTensors;
    const ds = createImageDataset(tiny);
    const rng = createRng(2);
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      const { x, labels } = ds.sample(8, rng);
      tf.dispose([x, labels!]);
      ds.realSamples(4, rng);
    }
    expect(tf.memory().numTensors).toBe(baseline);
    ds.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an empty set', () => {
    expect(() => createImageDataset({ count: 0, shape: [2, 2, 1], pixels: new Uint8Array(0), labels: null })).toThrow(/empty/);
  });
});

describe('createDataset', () => {
  it('dispatches on the reference and checks the loaded images against it', () => {
    const synthetic = createDataset(DATASET_DEFAULTS['grid-25']);
    expect(synthetic.shape).toEqual([2]);
    expect(() => createDataset(DATASET_DEFAULTS.mnist)).toThrow(/must be loaded/);
    expect(() => createDataset(DATASET_DEFAULTS.mnist, tiny)).toThrow(/4×3×1 but the project expects 28×28×1/);
    const ds = createDataset({ id: 'images', options: { width: 3, height: 4, channels: 1 } }, tiny);
    expect(ds.shape).toEqual([4, 3, 1]);
    ds.dispose();
  });
});

describe('MNIST as a dataset', () => {
  it('samples [64, 28, 28, 1] batches in [-1, 1] with one-hot digit labels', async () => {
    // Idempotent: builds public/data in a fresh checkout, otherwise returns at once.
    execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
    const before = tf.memory().numTensors;
    const ds = createDataset(DATASET_DEFAULTS.mnist, parseImageSet(new Uint8Array(readFileSync('public/data/mnist.bin'))));
    expect(ds.numClasses).toBe(10);
    const { x, labels } = ds.sample(64, createRng(1));
    expect(x.shape).toEqual([64, 28, 28, 1]);
    expect(labels!.shape).toEqual([64, 10]);
    const xs = await x.data();
    expect(Math.min(...xs)).toBe(-1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    const rows = (await labels!.array()) as number[][];
    for (const row of rows) expect([row.reduce((a, b) => a + b, 0), Math.max(...row)]).toEqual([1, 1]);
    tf.dispose([x, labels!]);
    ds.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
