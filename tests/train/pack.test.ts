import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '@/lib/compiler/context';
import { packedShape } from '@/lib/compiler/pack';
import { createSyntheticDataset, type Dataset } from '@/lib/data/dataset';
import type { SyntheticRef } from '@/lib/data/synthetic';
import { presetProject } from '@/lib/project/presets';
import { packBatch, selfPack, spreadPackScores } from '@/lib/train/pack';
import { createGanTrainer } from '@/lib/train/trainer';

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('packing (PacGAN)', () => {
  it('puts consecutive points side by side', () => {
    tf.tidy(() => {
      const x = tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [9, 10],
        [11, 12],
      ]);
      expect(packBatch(x, 2).arraySync()).toEqual([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
      ]);
      expect(packBatch(x, 3).arraySync()).toEqual([
        [1, 2, 3, 4, 5, 6],
        [7, 8, 9, 10, 11, 12],
      ]);
      expect(packBatch(x, 1)).toBe(x);
    });
  });

  it("stacks images along their channels: pack channel j·c + ch is sample j's channel ch", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (n, m, c, hw) => {
          tf.tidy(() => {
            const x = tf.range(0, n * m * hw * hw * c).reshape([n * m, hw, hw, c]);
            const packed = packBatch(x, m);
            expect(packed.shape).toEqual([n, hw, hw, m * c]);
            const a = x.arraySync() as number[][][][];
            const p = packed.arraySync() as number[][][][];
            for (let i = 0; i < n; i++)
              for (let h = 0; h < hw; h++)
                for (let w = 0; w < hw; w++)
                  for (let j = 0; j < m; j++)
                    for (let ch = 0; ch < c; ch++) expect(p[i]![h]![w]![j * c + ch]).toBe(a[i * m + j]![h]![w]![ch]);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a point packed with copies of itself is the pack of m equal samples; scores spread to every sample of a pack', () => {
    tf.tidy(() => {
      const x = tf.tensor4d(
        Array.from({ length: 2 * 2 * 2 * 3 }, (_, i) => i),
        [2, 2, 2, 3],
      );
      const repeated = tf.reshape(tf.tile(tf.expandDims(x, 1), [1, 3, 1, 1, 1]), [6, 2, 2, 3]);
      expect(values(selfPack(x, 3))).toEqual(values(packBatch(repeated, 3)));
      expect(spreadPackScores(tf.tensor2d([[1], [9]]), 3).arraySync()).toEqual([[1], [1], [1], [9], [9], [9]]);
    });
    expect(packedShape([2], 4)).toEqual([8]);
    expect(packedShape([28, 28, 1], 2)).toEqual([28, 28, 2]);
    expect(packedShape([28, 28, 1], 1)).toEqual([28, 28, 1]);
  });

  it("D's data and label inputs take packs; G is unchanged", () => {
    const ring = presetProject('gan-2d-ring');
    ring.training.pack = 3;
    const a = analyzeProject(ring);
    expect(a.discriminator.shapes.x).toEqual([6]);
    expect(a.generator.shapes.out ?? a.generator.shapes.g3).toEqual([2]);
    expect(a.discriminator.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const cgan = presetProject('cgan-mnist');
    cgan.training.pack = 2;
    const c = analyzeProject(cgan);
    expect(c.discriminator.shapes.x).toEqual([28, 28, 2]);
    expect(c.discriminator.shapes.y).toEqual([20]);
    expect(c.discriminator.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a D update judges batchSize packs of m fresh samples each; heatmap scores and arrows take single points; no leak', async () => {
    const project = presetProject('gan-2d-ring');
    for (const g of [project.generator, project.discriminator])
      for (const n of g.nodes) if (n.kind === 'dense' && n.params.units === 128) n.params.units = 8;
    project.training = { ...project.training, batchSize: 8, pack: 2, k: 2 };
    const base = createSyntheticDataset(project.dataset as SyntheticRef);
    const drawn: number[] = [];
    const dataset: Dataset = { ...base, sample: (n, rng) => (drawn.push(n), base.sample(n, rng)) };
    const trainer = createGanTrainer({ project, dataset, seed: 3 });
    expect(trainer.models.discriminator.inputs[0]!.shape).toEqual([null, 4]);
    const first = await trainer.step(2);
    expect(drawn).toEqual([16, 16, 16, 16]);
    expect(first.metrics.every((m) => Number.isFinite(m.dLoss) && m.dReal > 0 && m.dReal < 1)).toBe(true);
    const after = tf.memory().numTensors;
    await trainer.step(20);
    const scores = await trainer.scoreD(new Float32Array([0, 1, 1, 0, 0.5, 0.5]));
    expect(scores).toHaveLength(3);
    expect(await trainer.generatorGradients(new Float32Array([0, 1, 1, 0]))).toHaveLength(4);
    expect((await trainer.sample(5)).shape).toEqual([5, 2]);
    const traced = await trainer.traceIteration();
    expect(traced.trace.d[0]!.real.count).toBe(16);
    expect(traced.trace.d[0]!.scores.real.length).toBe(traced.trace.d[0]!.real.values.length);
    expect(tf.memory().numTensors).toBe(after);
    trainer.dispose();
  });
});
