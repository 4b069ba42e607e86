import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createImageDataset, createSyntheticDataset } from '@/lib/data/dataset';
import type { ImageSet } from '@/lib/data/image-set';
import type { SyntheticRef } from '@/lib/data/synthetic';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { SHOWN_IMAGES, SHOWN_POINTS } from '@/lib/train/trace';
import { createGanTrainer, type GanTrainer } from '@/lib/train/trainer';

/** A preset with its hidden Dense layers shrunk to 8 units and no packing, so the cpu backend is quick. */
function tiny(preset: 'gan-2d-ring' | 'gan-1d-gaussian', overrides: Partial<GanProject['training']> = {}): GanProject {
  const p = presetProject(preset);
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && n.params.units !== 1 && n.params.units !== 2) n.params.units = 8;
  p.training = { ...p.training, batchSize: 16, pack: 1, ...overrides };
  return p;
}

const trainerFor = (project: GanProject, seed: number) =>
  createGanTrainer({ project, dataset: createSyntheticDataset(project.dataset as SyntheticRef), seed });
/** Weight values in order; names differ between two models in one process (tfjs adds _1). */
const values = async (t: GanTrainer) => {
  const w = await t.getWeights();
  return { iteration: w.iteration, generator: w.generator.map((x) => x.values), discriminator: w.discriminator.map((x) => x.values) };
};
const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
const flatWeights = (w: Awaited<ReturnType<GanTrainer['getWeights']>>['generator']) =>
  w.flatMap((x) => (x.name.includes('kernel') || x.name.includes('bias') ? Array.from(x.values) : []));

describe('traceIteration', () => {
  it('is exactly one step(1): same weights, same metrics, and the runs stay identical afterwards', async () => {
    for (const overrides of [{ k: 2 }, { loss: 'wasserstein-gp' as const }, { loss: 'least-squares' as const, labelSmoothing: 0.1 }]) {
      const project = tiny('gan-2d-ring', overrides);
      const a = trainerFor(project, 11);
      const b = trainerFor(project, 11);
      await a.step(3);
      await b.step(3);
      const traced = await a.traceIteration();
      const stepped = await b.step(1);
      expect(traced.metrics, JSON.stringify(overrides)).toEqual(stepped.metrics);
      expect(traced.trace.metrics).toEqual(stepped.metrics[0]);
      expect(await values(a)).toEqual(await values(b));
      expect(a.metrics().iteration).toBe(4);
      expect(traced.trace.iteration).toBe(4);
      // The random streams moved on identically: later steps agree too.
      const [later, reference] = [await a.step(2), await b.step(2)];
      expect(later.metrics).toEqual(reference.metrics);
      expect(await values(a)).toEqual(await values(b));
      a.dispose();
      b.dispose();
    }
  });

  it("records k D updates and the G update, consistent with the step's metrics", async () => {
    const project = tiny('gan-2d-ring', { k: 3 });
    const trainer = trainerFor(project, 12);
    await trainer.step(1);
    const { trace, metrics } = await trainer.traceIteration();
    const m = metrics[0]!;
    expect(trace.d).toHaveLength(3);
    expect(trace).toMatchObject({ loss: 'non-saturating', k: 3, batchSize: 16, probabilities: true });
    const last = trace.d[2]!;
    // The step reports the last D update's figures; the trace read them from the same tensors.
    expect(last.loss).toBeCloseTo(m.dLoss, 6);
    expect(last.scores.meanReal).toBeCloseTo(m.dReal, 6);
    expect(last.scores.meanFake).toBeCloseTo(m.dFake, 6);
    expect(last.gradNorm).toBeCloseTo(m.gradNormD, 6);
    expect(trace.g.loss).toBeCloseTo(m.gLoss, 6);
    expect(trace.g.gradNorm).toBeCloseTo(m.gradNormG, 6);
    for (const d of trace.d) {
      // A batch of 16 is shown whole: 16 points of [2] each.
      expect(d.real.values).toHaveLength(16);
      expect(d.real.values[0]).toHaveLength(2);
      expect(d.fake.values).toHaveLength(16);
      expect(d.z.shown).toHaveLength(16);
      expect(d.z.shown[0]).toHaveLength(Math.min(4, project.training.noise.dim));
      expect(d.scores.real).toHaveLength(16);
      for (const s of [...d.scores.real, ...d.scores.fake]) expect(s > 0 && s < 1).toBe(true);
      // Non-saturating D loss from the shown (= all) scores, by hand.
      const byHand = -mean(d.scores.real.map(Math.log)) - mean(d.scores.fake.map((s) => Math.log(1 - s)));
      expect(d.loss).toBeCloseTo(byHand, 4);
      expect(d.scores.meanReal).toBeCloseTo(mean(d.scores.real), 5);
      expect(d.update.delta).toBeGreaterThan(0);
      expect(d.penalty).toBeNull();
    }
    expect(trace.g.loss).toBeCloseTo(-mean(trace.g.scores.fake.map(Math.log)), 4);
    trainer.dispose();
  });

  it("shows G(z) of the shown z and D's scores before its update, and measures the update", async () => {
    const project = tiny('gan-1d-gaussian');
    const a = trainerFor(project, 13);
    const b = trainerFor(project, 13);
    await a.step(2);
    await b.step(2);
    const before = await a.getWeights();
    const { trace } = await a.traceIteration();
    const after = await a.getWeights();
    const d = trace.d[0]!;
    // dim 1: the shown values are the whole z, so b (still before the update) can redo G(z) and D.
    expect(d.z.dim).toBe(1);
    const z = Float32Array.from(d.z.shown.flat());
    const fake = await b.sample(z.length, z);
    expect(Array.from(fake.data)).toEqual(d.fake.values.flat());
    expect(Array.from(await b.scoreD(Float32Array.from(d.real.values.flat())))).toEqual(d.scores.real.map((v) => Math.fround(v)));
    expect(d.z.norms).toEqual(d.z.shown.map((row) => Math.fround(norm(row))));
    // ‖Δ‖ of D's update: D changed by exactly that much (between the D and G updates nothing else moves D).
    const dDelta = norm(flatWeights(after.discriminator).map((v, i) => v - flatWeights(before.discriminator)[i]!));
    expect(d.update.delta).toBeCloseTo(dDelta, 5);
    expect(d.update.weights).toBeCloseTo(norm(flatWeights(before.discriminator)), 4);
    const gDelta = norm(flatWeights(after.generator).map((v, i) => v - flatWeights(before.generator)[i]!));
    expect(trace.g.update.delta).toBeCloseTo(gDelta, 5);
    a.dispose();
    b.dispose();
  });

  it('reports the WGAN-GP penalty as part of the D loss', async () => {
    const project = tiny('gan-2d-ring', { loss: 'wasserstein-gp' });
    const trainer = trainerFor(project, 14);
    const { trace } = await trainer.traceIteration();
    const d = trace.d[0]!;
    expect(d.penalty).not.toBeNull();
    expect(d.penalty!).toBeGreaterThanOrEqual(0);
    expect(d.loss).toBeCloseTo(mean(d.scores.fake) - mean(d.scores.real) + d.penalty!, 4);
    expect(trace.probabilities).toBe(false);
    trainer.dispose();
  });

  it('for every loss, the recorded losses follow from the recorded scores by the formula shown', async () => {
    const relu = (v: number) => Math.max(0, v);
    const byHand = {
      minimax: (r: number[], f: number[], s: number) => ({
        d: mean(r.map((x) => -(1 - s) * Math.log(x) - s * Math.log(1 - x))) - mean(f.map((x) => Math.log(1 - x))),
      }),
      'non-saturating': (r: number[], f: number[], s: number) => ({
        d: mean(r.map((x) => -(1 - s) * Math.log(x) - s * Math.log(1 - x))) - mean(f.map((x) => Math.log(1 - x))),
      }),
      'least-squares': (r: number[], f: number[], s: number) => ({
        d: 0.5 * mean(r.map((x) => (x - (1 - s)) ** 2)) + 0.5 * mean(f.map((x) => x * x)),
      }),
      'wasserstein-gp': (r: number[], f: number[]) => ({ d: mean(f) - mean(r) }),
      hinge: (r: number[], f: number[]) => ({ d: mean(r.map((x) => relu(1 - x))) + mean(f.map((x) => relu(1 + x))) }),
    };
    const gByHand = {
      minimax: (f: number[]) => mean(f.map((x) => Math.log(1 - x))),
      'non-saturating': (f: number[]) => -mean(f.map(Math.log)),
      'least-squares': (f: number[]) => 0.5 * mean(f.map((x) => (x - 1) ** 2)),
      'wasserstein-gp': (f: number[]) => -mean(f),
      hinge: (f: number[]) => -mean(f),
    };
    for (const loss of ['minimax', 'non-saturating', 'least-squares', 'wasserstein-gp', 'hinge'] as const) {
      const labelSmoothing = loss === 'wasserstein-gp' || loss === 'hinge' ? 0 : 0.1;
      const trainer = trainerFor(tiny('gan-2d-ring', { loss, labelSmoothing }), 18);
      await trainer.step(2);
      const { trace } = await trainer.traceIteration();
      const d = trace.d[0]!;
      expect(d.loss, loss).toBeCloseTo(byHand[loss](d.scores.real, d.scores.fake, labelSmoothing).d + (d.penalty ?? 0), 4);
      expect(trace.g.loss, loss).toBeCloseTo(gByHand[loss](trace.g.scores.fake), 4);
      trainer.dispose();
    }
  });

  it('leaks no tensors across traced iterations, for points and for conditional images', async () => {
    const images: ImageSet = {
      count: 20,
      shape: [28, 28, 1],
      pixels: Uint8Array.from({ length: 20 * 784 }, (_, j) => j % 251),
      labels: Uint8Array.from({ length: 20 }, (_, i) => i % 10),
      numClasses: 10,
    };
    const cgan = presetProject('cgan-mnist');
    for (const g of [cgan.generator, cgan.discriminator])
      for (const n of g.nodes) if (n.kind === 'dense' && n.params.units !== 1 && n.params.units !== 784) n.params.units = 8;
    cgan.training = { ...cgan.training, batchSize: 8, noise: { ...cgan.training.noise, dim: 6 } };
    cgan.generator.nodes.find((n) => n.kind === 'noise')!.params.dim = 6;
    const cases: [string, GanTrainer][] = [
      ['ring k=2', trainerFor(tiny('gan-2d-ring', { k: 2 }), 15)],
      ['ring wgan-gp', trainerFor(tiny('gan-2d-ring', { loss: 'wasserstein-gp' }), 16)],
      ['cgan images', createGanTrainer({ project: cgan, dataset: createImageDataset(images), seed: 17 })],
    ];
    for (const [name, trainer] of cases) {
      // Adam makes its slot variables on the first update of each network.
      await trainer.step(1);
      const baseline = tf.memory().numTensors;
      for (let i = 0; i < 4; i++) await trainer.traceIteration();
      expect(tf.memory().numTensors, name).toBe(baseline);
      await trainer.step(2);
      const { trace } = await trainer.traceIteration();
      expect(tf.memory().numTensors, name).toBe(baseline);
      expect(trainer.metrics().iteration, name).toBe(8);
      const shown = name === 'cgan images' ? SHOWN_IMAGES : Math.min(SHOWN_POINTS, 16);
      expect(trace.g.fake.values, name).toHaveLength(shown);
      if (name === 'cgan images') {
        expect(trace.d[0]!.real.shape).toEqual([28, 28, 1]);
        expect(trace.d[0]!.real.values[0]).toHaveLength(784);
      }
      trainer.dispose();
    }
  });
});

function mean(v: number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}
