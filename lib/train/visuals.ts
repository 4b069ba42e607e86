import { datasetInfo } from '../data/catalog';
import type { Dataset } from '../data/dataset';
import { createRng, type Rng } from '../data/rng';
import { gaussian1dDensity } from '../data/synthetic';
import { emaDecay, packSize, takesLabel, type GanProject } from '../project/schema';
import { lineNoise, manifoldNoise, MANIFOLD_POINTS } from './latent';
import type { GanTrainer } from './trainer';
import type { Density1DData, SampleFrame, Scatter2DData } from './types';

export type Visual =
  { kind: 'images'; frame: SampleFrame } | { kind: 'scatter'; data: Scatter2DData } | { kind: 'density'; data: Density1DData };

const GRID = 48;
const POINTS = 512;
const ARROWS = 96;
const DENSITY_SAMPLES = 2000;
const CURVE = 200;

/** How many samples the grid shows: 64, or six of each class for a conditional G. */
export function gridCount(project: GanProject): number {
  const classes = takesLabel(project.generator) ? (datasetInfo(project.dataset).numClasses ?? 0) : 0;
  return classes ? classes * 6 : 64;
}

/**
 * The sample grid's fixed noise, `gridCount` vectors: the same for a whole run (and on the page,
 * which asks G about a grid sample through the latent explorer), so grids compare over time.
 */
export function gridNoise(project: GanProject, rng: Rng = createRng(project.training.seed ^ 0x5eed)): Float32Array {
  const { dim, distribution } = project.training.noise;
  return Float32Array.from({ length: gridCount(project) * dim }, () => (distribution === 'uniform' ? rng.next() * 2 - 1 : rng.normal()));
}

/**
 * Builds what the dashboard draws for a project's data: a fixed-noise sample grid for images,
 * points with D's heatmap and G's gradient arrows in 2-D, densities with D and D* in 1-D.
 * The fixed noise stays the same for a whole run so the grids are comparable over time.
 */
export function createVisualizer(project: GanProject, dataset: Dataset, seed: number) {
  const info = datasetInfo(project.dataset);
  // The grid's noise first, from the same stream as `gridNoise`: the page recomputes it.
  const rng: Rng = createRng(seed ^ 0x5eed);
  const dims = info.shape.length;
  const count = gridCount(project);
  const classes = takesLabel(project.generator) ? (info.numClasses ?? 0) : 0;
  const fixedNoise = gridNoise(project, rng);
  // Conditional grids: one column per class, so each row reads 0..9.
  const labels = classes ? Array.from({ length: count }, (_, i) => i % classes) : undefined;
  const [lo, hi] = info.range;
  const pad = (hi - lo) * 0.08;
  const decay = emaDecay(project.training);
  const averaged = decay > 0 ? { averaged: decay } : {};
  // G's manifold (2-D) or the line of z it maps onto 1-D data: the same noise for the whole run.
  const manifold = dims === 1 && info.shape[0] === 2 ? manifoldNoise(project) : null;
  const line = dims === 1 && info.shape[0] !== 2 ? lineNoise(project) : null;

  return async (trainer: GanTrainer, iteration: number): Promise<Visual> => {
    if (dims === 3) {
      const { data } = await trainer.sample(count, fixedNoise, labels);
      const [h, w, c] = info.shape as [number, number, number];
      return {
        kind: 'images',
        frame: { iteration, images: data, count, shape: [h, w, c], ...(classes && { columns: classes }), ...averaged },
      };
    }
    if (manifold) {
      const data = await scatter(trainer, dataset, rng, iteration, [lo - pad, hi + pad]);
      const xy = (await trainer.sample(manifold.lines * manifold.points, manifold.noise)).data;
      data.manifold = { lines: manifold.lines, points: manifold.points, xy };
      const pack = packSize(project.training);
      return { kind: 'scatter', data: { ...data, ...(pack > 1 && { pack }), ...averaged } };
    }
    const mapped = line ? (await trainer.sample(MANIFOLD_POINTS, line)).data : undefined;
    return {
      kind: 'density',
      data: { ...(await density(project, trainer, dataset, rng, iteration, [lo - pad, hi + pad])), ...(mapped && { mapped }), ...averaged },
    };
  };
}

async function scatter(
  trainer: GanTrainer,
  dataset: Dataset,
  rng: Rng,
  iteration: number,
  [lo, hi]: [number, number],
): Promise<Scatter2DData> {
  const real = dataset.realSamples(POINTS, rng);
  const fake = (await trainer.sample(POINTS)).data;
  const grid = new Float32Array(GRID * GRID * 2);
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      grid[(j * GRID + i) * 2] = lo + ((i + 0.5) / GRID) * (hi - lo);
      grid[(j * GRID + i) * 2 + 1] = lo + ((j + 0.5) / GRID) * (hi - lo);
    }
  }
  const scores = await trainer.scoreD(grid);
  const at = fake.slice(0, ARROWS * 2);
  const direction = await trainer.generatorGradients(at);
  return {
    iteration,
    real,
    fake,
    extent: [lo, hi, lo, hi],
    heatmap: { gx: GRID, gy: GRID, values: toUnit(scores) },
    arrows: { at, direction },
  };
}

async function density(
  project: GanProject,
  trainer: GanTrainer,
  dataset: Dataset,
  rng: Rng,
  iteration: number,
  extent: [number, number],
): Promise<Density1DData> {
  const real = dataset.realSamples(DENSITY_SAMPLES, rng);
  const fake = (await trainer.sample(DENSITY_SAMPLES)).data;
  const xs = Float32Array.from({ length: CURVE }, (_, i) => extent[0] + (i / (CURVE - 1)) * (extent[1] - extent[0]));
  const values = toUnit(await trainer.scoreD(xs));
  const ref = project.dataset;
  return {
    iteration,
    real,
    fake,
    extent,
    discriminator: { xs, values },
    ...(ref.id === 'gaussian-1d' && { dataDensity: gaussian1dDensity(ref, xs) }),
  };
}

/** Scores outside [0, 1] (critics of wasserstein and hinge losses) are squashed for colouring only. */
function toUnit(scores: Float32Array): Float32Array {
  const inUnit = scores.every((v) => v >= 0 && v <= 1);
  return inUnit ? scores : scores.map((v) => 1 / (1 + Math.exp(-v)));
}
