import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createSyntheticDataset, type Dataset } from '@/lib/data/dataset';
import { createRng, deriveSeed } from '@/lib/data/rng';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import type { SyntheticRef } from '@/lib/data/synthetic';
import { createGanTrainer } from '@/lib/train/trainer';

/** The 2-D ring preset shrunk to a tiny, fast pair of MLPs. */
function tinyRing(overrides: Partial<GanProject['training']> = {}): GanProject {
  const p = presetProject('gan-2d-ring');
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && n.params.units !== 1 && n.params.units !== 2) n.params.units = 8;
  p.training = { ...p.training, batchSize: 16, ...overrides };
  return p;
}

/** Counts real batches drawn: one per D update. */
function counting(dataset: Dataset): Dataset & { draws: number } {
  const wrapped = {
    ...dataset,
    draws: 0,
    sample: (n: number, rng: Parameters<Dataset['sample']>[1]) => (wrapped.draws++, dataset.sample(n, rng)),
  };
  return wrapped;
}

const snapshot = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
const changed = (a: number[][], b: number[][]) => a.some((w, i) => w.some((v, j) => v !== b[i]![j]));

describe('createGanTrainer', () => {
  it('a D step changes only D (including BN stats it does not own: none here); a G step changes only G', async () => {
    const project = tinyRing();
    const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 1 });
    const { generator, discriminator } = trainer.models;
    let g0 = snapshot(generator);
    let d0 = snapshot(discriminator);
    await trainer.step(1, 'd');
    expect(changed(snapshot(discriminator), d0)).toBe(true);
    expect(changed(snapshot(generator), g0)).toBe(false);
    g0 = snapshot(generator);
    d0 = snapshot(discriminator);
    await trainer.step(1, 'g');
    expect(changed(snapshot(generator), g0)).toBe(true);
    expect(changed(snapshot(discriminator), d0)).toBe(false);
    trainer.dispose();
  });

  it('k = 3 makes three D updates, each on a fresh real batch, per G update', async () => {
    const project = tinyRing({ k: 3 });
    const dataset = counting(createSyntheticDataset(project.dataset as SyntheticRef));
    const trainer = createGanTrainer({ project, dataset, seed: 2 });
    await trainer.step(4);
    expect(dataset.draws).toBe(12);
    await trainer.step(1, 'g');
    expect(dataset.draws).toBe(12);
    await trainer.step(1, 'd');
    expect(dataset.draws).toBe(13);
    trainer.dispose();
  });

  it('is reproducible for a seed', async () => {
    const run = async () => {
      const project = tinyRing();
      const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 9 });
      const { metrics } = await trainer.step(5);
      trainer.dispose();
      return metrics;
    };
    expect(await run()).toEqual(await run());
  });

  it('trains the same weights from a seed however often the dashboard samples and scores', async () => {
    const run = async (look: boolean) => {
      const project = tinyRing();
      const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 9 });
      for (let i = 0; i < 4; i++) {
        await trainer.step(2);
        if (look) {
          await trainer.sample(50);
          await trainer.scoreD(new Float32Array(20));
          await trainer.generatorGradients(new Float32Array(20));
        }
      }
      const weights = [...snapshot(trainer.models.generator), ...snapshot(trainer.models.discriminator)];
      trainer.dispose();
      return weights;
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('reports per-iteration metrics that are finite and sane', async () => {
    const project = tinyRing();
    const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 3 });
    const { metrics, divergence } = await trainer.step(10);
    expect(divergence).toBeUndefined();
    expect(metrics.map((m) => m.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const m of metrics) {
      for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
      expect(m.dReal).toBeGreaterThan(0);
      expect(m.dReal).toBeLessThan(1);
      expect(m.gradNormD).toBeGreaterThan(0);
    }
    expect(trainer.metrics()).toMatchObject({ iteration: 10, last: metrics[9] });
    expect(trainer.metrics().iterationsPerSecond).toBeGreaterThan(0);
    trainer.dispose();
  });

  it("a D step's metrics are the loss, mean scores and gradient norm computed by hand on its batch", async () => {
    const project = tinyRing({ pack: 1 });
    const dataset = createSyntheticDataset(project.dataset as SyntheticRef);
    const trainer = createGanTrainer({ project, dataset, seed: 6 });
    const { generator, discriminator } = trainer.models;
    // The trainer's stream: a real batch, then noise seeded from the same generator.
    const rng = createRng(6);
    const n = project.training.batchSize;
    const expected = tf.tidy(() => {
      const real = dataset.sample(n, rng).x;
      const z = tf.randomNormal([n, project.training.noise.dim], 0, 1, 'float32', deriveSeed(rng));
      const fake = generator.apply(z, { training: true }) as tf.Tensor;
      const logits = () =>
        [discriminator.apply(real, { training: true }) as tf.Tensor, discriminator.apply(fake, { training: true }) as tf.Tensor] as const;
      const vars = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
      // -[log D(x) + log(1 - D(G(z)))] with log D = log σ(l), written out without the trainer's helpers.
      const { value, grads } = tf.variableGrads(() => {
        const [r, f] = logits();
        return tf.neg(tf.add(tf.mean(tf.log(tf.sigmoid(r))), tf.mean(tf.log(tf.sub(1, tf.sigmoid(f)))))) as tf.Scalar;
      }, vars);
      const [r, f] = logits();
      const norm = Math.sqrt(Object.values(grads).reduce((sum, g) => sum + tf.sum(tf.square(g)).dataSync()[0]!, 0));
      return {
        loss: value.dataSync()[0]!,
        dReal: tf.mean(tf.sigmoid(r)).dataSync()[0]!,
        dFake: tf.mean(tf.sigmoid(f)).dataSync()[0]!,
        norm,
      };
    });
    const [m] = (await trainer.step(1, 'd')).metrics;
    expect(m!.dLoss).toBeCloseTo(expected.loss, 5);
    expect(m!.dReal).toBeCloseTo(expected.dReal, 5);
    expect(m!.dFake).toBeCloseTo(expected.dFake, 5);
    expect(m!.gradNormD).toBeCloseTo(expected.norm, 4);
    expect(Number.isNaN(m!.gLoss) && Number.isNaN(m!.gradNormG)).toBe(true);
    trainer.dispose();
  });

  it('leaks no tensors: the count after iteration 2 equals the count after iteration 200', async () => {
    for (const [loss, ema] of [
      ['non-saturating', undefined],
      ['wasserstein-gp', undefined],
      ['non-saturating', 0.99],
    ] as const) {
      const project = tinyRing({ loss, k: 2, ema });
      const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 4 });
      await trainer.step(2);
      const after2 = tf.memory().numTensors;
      for (let i = 0; i < 22; i++) await trainer.step(9);
      expect(trainer.metrics().iteration).toBe(200);
      expect(tf.memory().numTensors, loss).toBe(after2);
      await trainer.sample(8);
      await trainer.scoreD(new Float32Array(8));
      await trainer.generatorGradients(new Float32Array(8));
      await trainer.getWeights();
      expect(tf.memory().numTensors, loss).toBe(after2);
      const before = after2;
      trainer.dispose();
      expect(tf.memory().numTensors).toBeLessThan(before);
    }
  });

  it('a NaN weight pauses training with an explanation and restores the last good weights', async () => {
    const project = tinyRing();
    const trainer = createGanTrainer({
      project,
      dataset: createSyntheticDataset(project.dataset as SyntheticRef),
      seed: 5,
      snapshotEveryMs: 0,
    });
    await trainer.step(3);
    const good = await trainer.getWeights();
    const kernel = trainer.models.discriminator.weights[0]!;
    kernel.write(tf.fill(kernel.shape as number[], Number.NaN));
    const result = await trainer.step(2);
    expect(result.divergence).toMatchObject({ iteration: 4, restoredIteration: 3 });
    expect(result.divergence!.what.en).toMatch(/NaN/);
    expect(result.divergence!.advice.en).toMatch(/lower the learning rates/);
    const restored = await trainer.getWeights();
    expect(restored.iteration).toBe(3);
    // Restored from the end of the last call that finished finite, not from the poisoned state.
    expect(restored.discriminator).toEqual(good.discriminator);
    expect(restored.generator).toEqual(good.generator);
    // Training can go on from there.
    const next = await trainer.step(2);
    expect(next.divergence).toBeUndefined();
    trainer.dispose();
  });

  it('with the default throttled restore point, a NaN goes back to the last snapshot, which is finite', async () => {
    const project = tinyRing();
    const trainer = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 8 });
    const initial = await trainer.getWeights();
    await trainer.step(3);
    const kernel = trainer.models.generator.weights[0]!;
    kernel.write(tf.fill(kernel.shape as number[], Number.POSITIVE_INFINITY));
    const result = await trainer.step(1);
    expect(result.divergence?.restoredIteration).toBe(0);
    expect(await trainer.getWeights()).toEqual(initial);
    trainer.dispose();
  });

  it('a NaN off the loss path (BatchNorm moving variance) is caught before it can become the restore point', async () => {
    const project = tinyRing();
    // D gets a BatchNorm after its first dense layer: in training its moving statistics are
    // updated but never used, so a NaN there leaves every loss and gradient finite.
    const d = project.discriminator;
    const edge = d.edges.find((e) => e.source === 'd1')!;
    d.nodes.push({ id: 'bn', kind: 'batchNorm', params: {}, position: { x: 0, y: 0 } });
    d.edges = [...d.edges.filter((e) => e !== edge), { ...edge, id: 'd1-bn', target: 'bn' }, { ...edge, id: 'bn-next', source: 'bn' }];
    for (const everyMs of [0, 60_000]) {
      const trainer = createGanTrainer({
        project,
        dataset: createSyntheticDataset(project.dataset as SyntheticRef),
        seed: 9,
        snapshotEveryMs: everyMs,
      });
      await trainer.step(2);
      const good = await trainer.getWeights();
      const variance = trainer.models.discriminator.weights.find((w) => w.name.includes('moving_variance'))!;
      variance.write(tf.fill(variance.shape as number[], Number.NaN));
      const result = await trainer.step(2);
      if (everyMs === 0) {
        // The restore point is due: the weights are checked, the poisoned state is refused.
        expect(result.divergence!.what.en).toMatch(/a weight became NaN or infinite/);
        expect((await trainer.getWeights()).discriminator).toEqual(good.discriminator);
      } else {
        // Not due: training goes on (the losses are finite); the restore point is still the start.
        expect(result.divergence).toBeUndefined();
        expect(result.metrics.every((m) => Number.isFinite(m.dLoss) && Number.isFinite(m.gradNormD))).toBe(true);
      }
      trainer.dispose();
    }
  });

  it('weights round-trip through getWeights/setWeights', async () => {
    const project = tinyRing();
    const a = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 6 });
    await a.step(5);
    const b = createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed: 7 });
    b.setWeights(await a.getWeights());
    const z = new Float32Array(16 * 16).map((_, i) => Math.sin(i));
    expect((await b.sample(16, z)).data).toEqual((await a.sample(16, z)).data);
    expect(b.metrics().iteration).toBe(5);
    a.dispose();
    b.dispose();
  });
});

describe("G's weight average (training.ema)", () => {
  const ringTrainer = (ema: number | undefined, seed: number, snapshotEveryMs?: number) => {
    const project = tinyRing({ ema });
    return createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed, snapshotEveryMs });
  };
  const flat = (weights: { values: Float32Array }[]) => weights.flatMap((w) => Array.from(w.values));

  it('is off by default: no average, samples come from G', async () => {
    const trainer = ringTrainer(undefined, 11);
    expect(trainer.models.averagedGenerator).toBeNull();
    await trainer.step(2);
    expect((await trainer.getWeights()).averagedGenerator).toBeUndefined();
    const z = new Float32Array(4 * 16).map((_, i) => Math.cos(i));
    const own = tf.tidy(() => Array.from((trainer.models.generator.predict(tf.tensor2d(z, [4, 16])) as tf.Tensor).dataSync()));
    expect(Array.from((await trainer.sample(4, z)).data)).toEqual(own);
    trainer.dispose();
  });

  it('starts as a copy of G, then follows a ← a + (1 − β_t)(w − a) after each G update, β_t = min(β, (1 + t)/(10 + t))', async () => {
    const beta = 0.999;
    const trainer = ringTrainer(beta, 12);
    const start = await trainer.getWeights();
    expect(flat(start.averagedGenerator!)).toEqual(flat(start.generator));
    // A D-only step leaves G and its average alone.
    await trainer.step(1, 'd');
    expect(flat((await trainer.getWeights()).averagedGenerator!)).toEqual(flat(start.generator));
    let previous = flat(start.generator);
    for (let t = 2; t <= 4; t++) {
      await trainer.step(1);
      const now = await trainer.getWeights();
      const rate = 1 - Math.min(beta, (1 + t) / (10 + t));
      const g = flat(now.generator);
      const want = previous.map((a, i) => a + (g[i]! - a) * rate);
      const got = flat(now.averagedGenerator!);
      expect(Math.max(...got.map((v, i) => Math.abs(v - want[i]!)))).toBeLessThan(1e-6);
      // The average lags G: it is not G.
      expect(got).not.toEqual(g);
      previous = got;
    }
    trainer.dispose();
  });

  it('is what sample() draws from, so the pictures and the quality figures show the average', async () => {
    const trainer = ringTrainer(0.99, 13);
    await trainer.step(20);
    const z = new Float32Array(8 * 16).map((_, i) => Math.sin(i * 0.7));
    const run = (m: tf.LayersModel) => tf.tidy(() => Array.from((m.predict(tf.tensor2d(z, [8, 16])) as tf.Tensor).dataSync()));
    const drawn = Array.from((await trainer.sample(8, z)).data);
    expect(drawn).toEqual(run(trainer.models.averagedGenerator!));
    expect(drawn).not.toEqual(run(trainer.models.generator));
    trainer.dispose();
  });

  it('a divergence restores the average with the networks', async () => {
    const trainer = ringTrainer(0.99, 14, 0);
    await trainer.step(3);
    const good = await trainer.getWeights();
    const kernel = trainer.models.generator.weights[0]!;
    kernel.write(tf.fill(kernel.shape as number[], Number.NaN));
    const result = await trainer.step(1);
    expect(result.divergence?.restoredIteration).toBe(3);
    const restored = await trainer.getWeights();
    expect(restored.averagedGenerator).toEqual(good.averagedGenerator);
    expect(flat(restored.averagedGenerator!).every(Number.isFinite)).toBe(true);
    trainer.dispose();
  });

  it('round-trips through getWeights/setWeights; weights saved without an average start it from G', async () => {
    const a = ringTrainer(0.99, 15);
    await a.step(6);
    const saved = await a.getWeights();
    const b = ringTrainer(0.99, 16);
    b.setWeights(saved);
    const loaded = await b.getWeights();
    expect(loaded.iteration).toBe(6);
    for (const part of ['generator', 'discriminator', 'averagedGenerator'] as const)
      expect(flat(loaded[part]!), part).toEqual(flat(saved[part]!));
    const { averagedGenerator: _dropped, ...plain } = saved;
    b.setWeights(plain);
    expect(flat((await b.getWeights()).averagedGenerator!)).toEqual(flat(saved.generator));
    a.dispose();
    b.dispose();
  });
});
