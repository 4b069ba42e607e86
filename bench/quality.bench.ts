import { DATASET_DEFAULTS } from '../lib/data/catalog';
import { createSyntheticDataset } from '../lib/data/dataset';
import { modeQuality } from '../lib/data/quality';
import { syntheticModes, syntheticStd, type SyntheticRef } from '../lib/data/synthetic';
import { presetProject } from '../lib/project/presets';
import type { GanProject } from '../lib/project/schema';
import { createGanTrainer } from '../lib/train/trainer';

export interface QualityRun {
  seed: number;
  iterations: number;
  seconds: number;
  modesCaptured: number;
  totalModes: number;
  highQualityFraction: number;
}

/** The 2-D preset on ring-8 or grid-25 (the grid swaps in its dataset; the networks are the same). */
export function qualityProject(data: 'ring-8' | 'grid-25'): GanProject {
  const project = presetProject('gan-2d-ring');
  return data === 'ring-8' ? project : { ...project, name: '2-D grid of 25 Gaussians', dataset: DATASET_DEFAULTS['grid-25'] };
}

/**
 * Trains the preset with one seed and scores 2,500 samples with the protocol of the mode-collapse
 * literature: high quality within 3 std of the nearest mode; a mode is captured when it is the
 * nearest of at least one high-quality sample.
 */
export async function qualityRun(project: GanProject, seed: number, iterations: number, onProgress?: (r: QualityRun) => void, every = 0): Promise<QualityRun> {
  const ref = project.dataset as SyntheticRef;
  const dataset = createSyntheticDataset(ref);
  const trainer = createGanTrainer({ project, dataset, seed });
  const start = performance.now();
  const score = async (): Promise<QualityRun> => {
    const { data } = await trainer.sample(2500);
    const q = modeQuality(data, syntheticModes(ref), syntheticStd(ref));
    return { seed, iterations: trainer.metrics().iteration, seconds: (performance.now() - start) / 1000, ...q };
  };
  try {
    const chunk = 100;
    while (trainer.metrics().iteration < iterations) {
      const result = await trainer.step(Math.min(chunk, iterations - trainer.metrics().iteration));
      if (result.divergence) throw new Error(`seed ${seed} diverged: ${result.divergence.what}`);
      if (every && onProgress && trainer.metrics().iteration % every === 0) onProgress(await score());
    }
    return await score();
  } finally {
    trainer.dispose();
    dataset.dispose();
  }
}
