import { DATASET_DEFAULTS } from '../lib/data/catalog';
import { createSyntheticDataset } from '../lib/data/dataset';
import { modeQuality, nearestModes } from '../lib/data/quality';
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
  /** Where the samples are, by distance to their nearest mode in std: [≤ 3, 3–6, 6–10, > 10]. */
  distance: [number, number, number, number];
  /** Root-mean-square distance of the high-quality samples to their mode, in std (√2 ≈ 1.41 for a perfect fit). */
  highQualityRms: number;
}

/** Shares of samples by distance to their nearest mode, in std, and the spread of the high-quality ones. */
export function distanceProfile(samples: Float32Array, modes: number[][], std: number): Pick<QualityRun, 'distance' | 'highQualityRms'> {
  const { squaredDistance } = nearestModes(samples, modes);
  const buckets: [number, number, number, number] = [0, 0, 0, 0];
  let hqSquares = 0;
  for (const d of squaredDistance) {
    const r = Math.sqrt(d) / std;
    buckets[r <= 3 ? 0 : r <= 6 ? 1 : r <= 10 ? 2 : 3]++;
    if (r <= 3) hqSquares += r * r;
  }
  const n = squaredDistance.length;
  return {
    distance: buckets.map((b) => b / n) as QualityRun['distance'],
    highQualityRms: buckets[0] ? Math.sqrt(hqSquares / buckets[0]) : 0,
  };
}

/**
 * The designs the quality figures are for. Ring: the `gan-2d-ring` preset as it ships. Grid: the
 * same networks working in unit scale through Rescale layers (×4 after G, ×¼ before D): on the raw
 * ±4 grid, Adam's per-step moves of about lr are too small for the weights to reach the data's scale.
 * The grid's samples come from G's weight average (decay 0.999): G's own clusters keep widening and
 * narrowing as D chases them, and the average sits through that oscillation.
 */
export function qualityProject(data: 'ring-8' | 'grid-25'): GanProject {
  const project = presetProject('gan-2d-ring');
  if (data === 'ring-8') return project;
  const scale = DATASET_DEFAULTS['grid-25'].options.spacing * 2;
  const withRescale = (graph: GanProject['generator'], after: string, id: string, factor: number) => {
    const edge = graph.edges.find((e) => e.source === after)!;
    graph.nodes.push({ id, kind: 'rescale', params: { scale: factor, offset: 0 }, position: { x: 0, y: 0 } });
    graph.edges = [
      ...graph.edges.filter((e) => e !== edge),
      { ...edge, id: `${after}-${id}`, target: id },
      { ...edge, id: `${id}-${edge.target}`, source: id },
    ];
  };
  withRescale(project.generator, 'g3', 'gs', scale);
  withRescale(project.discriminator, 'x', 'ds', 1 / scale);
  return {
    ...project,
    name: '2-D grid of 25 Gaussians',
    dataset: DATASET_DEFAULTS['grid-25'],
    training: { ...project.training, ema: 0.999 },
  };
}

/**
 * Trains the preset with one seed and scores 2,500 samples with the protocol of the mode-collapse
 * literature: high quality within 3 std of the nearest mode; a mode is captured when it is the
 * nearest of at least one high-quality sample.
 */
export async function qualityRun(
  project: GanProject,
  seed: number,
  iterations: number,
  onProgress?: (r: QualityRun) => void,
  every = 0,
): Promise<QualityRun> {
  const ref = project.dataset as SyntheticRef;
  const dataset = createSyntheticDataset(ref);
  const trainer = createGanTrainer({ project, dataset, seed });
  const start = performance.now();
  const score = async (): Promise<QualityRun> => {
    const { data } = await trainer.sample(2500);
    const modes = syntheticModes(ref);
    const std = syntheticStd(ref);
    const q = modeQuality(data, modes, std);
    return {
      seed,
      iterations: trainer.metrics().iteration,
      seconds: (performance.now() - start) / 1000,
      ...q,
      ...distanceProfile(data, modes, std),
    };
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
