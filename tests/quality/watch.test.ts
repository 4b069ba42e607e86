import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDataset } from '@/lib/data/dataset';
import { parseImageSet } from '@/lib/data/image-set';
import { presetProject } from '@/lib/project/presets';
import { QUALITY_EVERY_MS, watchQuality } from '@/lib/quality/watch';
import { createGanTrainer } from '@/lib/train/trainer';
import { shippedJudge } from '../helpers/judge-files';

const loadJudge = () => shippedJudge('mnist');

async function firstReading(watch: ReturnType<typeof watchQuality>, trainer: ReturnType<typeof createGanTrainer>) {
  for (let i = 0; i < 400; i++) {
    const update = await watch.due(trainer, 0, true);
    if (update) return update;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no reading in 20 s');
}

describe('the quality meter in a run', () => {
  it('measures G on fixed noise every few seconds, conditional G by label, and leaks no tensors', async () => {
    const images = parseImageSet(new Uint8Array(readFileSync('public/data/mnist.bin')));
    for (const id of ['mlp-gan-mnist', 'cgan-mnist'] as const) {
      const project = presetProject(id);
      const dataset = createDataset(project.dataset, images);
      const trainer = createGanTrainer({ project, dataset });
      await trainer.step(2);
      const watch = watchQuality(project, async () => images, loadJudge);
      const first = await firstReading(watch, trainer);
      expect(first.reading.iteration).toBe(2);
      expect(first.reference.classes).toBe(10);
      expect(first.judgeAccuracy).toBeGreaterThan(0.95);
      // An untrained G is far from the digits.
      expect(first.reading.fid).toBeGreaterThan(50 * first.reference.fid);
      expect(first.reading.labelAccuracy === undefined).toBe(id === 'mlp-gan-mnist');
      const tensors = tf.memory().numTensors;
      // Not due again right away; forced, the same weights and noise give the same figures.
      expect(await watch.due(trainer, performance.now())).toBeNull();
      expect(await watch.due(trainer, performance.now() + QUALITY_EVERY_MS / 2)).toBeNull();
      const again = await watch.due(trainer, 0, true);
      expect(again?.reading.fid).toBeCloseTo(first.reading.fid, 6);
      expect(tf.memory().numTensors).toBe(tensors);
      watch.dispose();
      trainer.dispose();
      dataset.dispose();
    }
  }, 60_000);

  it('stays silent on data without a judge', async () => {
    const project = presetProject('gan-2d-ring');
    const watch = watchQuality(
      project,
      async () => {
        throw new Error('no images');
      },
      loadJudge,
    );
    const dataset = createDataset(project.dataset);
    const trainer = createGanTrainer({ project, dataset });
    expect(await watch.due(trainer, 0, true)).toBeNull();
    trainer.dispose();
    dataset.dispose();
  });
});
