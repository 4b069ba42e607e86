import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImageSet, toUnitRange, type ImageSet } from '@/lib/data/image-set';
import { createRng } from '@/lib/data/rng';
import { judgeFolder, type Judge } from '@/lib/quality/judge';
import { createQualityMeter, type QualityMeter } from '@/lib/quality/meter';
import { shippedJudge } from '../helpers/judge-files';

const SAMPLES = 500;

describe.each(['mnist', 'fashion-mnist'] as const)('the quality meter on %s', (set) => {
  let images: ImageSet;
  let judge: Judge;
  let meter: QualityMeter;

  beforeAll(async () => {
    // Idempotent: builds public/data in a fresh checkout, otherwise returns at once.
    execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
    images = parseImageSet(new Uint8Array(readFileSync(`public/data/${set}.bin`)));
    judge = await shippedJudge(set);
    meter = await createQualityMeter(judge, images, SAMPLES);
  }, 120_000);

  it('ships a small judge that reads held-out images well', () => {
    expect(readFileSync(`public${judgeFolder(set)}weights.bin`).byteLength).toBeLessThan(1024 * 1024);
    expect(judge.card.heldOutAccuracy).toBeGreaterThan(set === 'mnist' ? 0.95 : 0.8);
    // The meter's own reading of the held-out images agrees with the training script's.
    expect(meter.reference.labelAccuracy).toBeCloseTo(judge.card.heldOutAccuracy, 6);
  });

  it('finds real images like real images: FID near 0, all ten classes, the score near its ceiling', async () => {
    const { fid, classes, score } = meter.reference;
    expect(classes).toBe(10);
    expect(score).toBeGreaterThan(set === 'mnist' ? 8.5 : 6);
    expect(score).toBeLessThanOrEqual(10);
    // Near 0 on the features' own scale: a hundredth of what uniform noise gets (what is left is
    // mostly the bias of 500 samples in 64 dimensions).
    const rng = createRng(5);
    const noise = await meter.measure(
      Float32Array.from({ length: SAMPLES * 784 }, () => rng.next() * 2 - 1),
      SAMPLES,
    );
    expect(fid).toBeGreaterThanOrEqual(0);
    expect(fid).toBeLessThan(0.01 * noise.fid);
  });

  it('scores a collapsed generator (one image repeated) and noise badly, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const one = toUnitRange(images.pixels.subarray(0, 784));
    const collapsed = new Float32Array(SAMPLES * 784);
    for (let i = 0; i < SAMPLES; i++) collapsed.set(one, i * 784);
    const rng = createRng(3);
    const noise = Float32Array.from({ length: SAMPLES * 784 }, () => rng.next() * 2 - 1);
    const real = meter.reference;
    for (const bad of [await meter.measure(collapsed, SAMPLES), await meter.measure(noise, SAMPLES)]) {
      expect(bad.fid).toBeGreaterThan(100 * real.fid);
      expect(bad.score).toBeLessThan(real.score / 2);
    }
    const c = await meter.measure(collapsed, SAMPLES);
    expect(c.classes).toBe(1);
    expect(c.score).toBeCloseTo(1, 6);
    // Asked for ten classes and given one image: right about a tenth of the time.
    const asked = Array.from({ length: SAMPLES }, (_, i) => i % 10);
    expect((await meter.measure(collapsed, SAMPLES, asked)).labelAccuracy).toBeCloseTo(0.1, 6);
    expect(tf.memory().numTensors).toBe(before);
  });
});
