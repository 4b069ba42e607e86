import { DATASET_DEFAULTS } from '../dataset-defaults';
import { CURRENT_VERSION, type GanProject } from '../schema';
import { adam, chain, training } from './build';

/**
 * Goodfellow et al. (2014), Figure 1: G maps uniform noise onto a 1-D Gaussian (mean 4, std 0.5).
 * D first centres and scales its input, (x − 4) / 2, so its units' kinks start where the data
 * is: fed raw values near 4, a fresh D is linear over the data, sees only the mean, and goes
 * flat at 1/2 while p_g is still too wide. D learns 5× faster than G (lr 1e-3 against 2e-4), which
 * keeps D close to D* as the lesson's picture assumes.
 */
export const gan1dGaussian: GanProject = {
  version: CURRENT_VERSION,
  name: '1-D Gaussian',
  generator: chain([
    ['z', 'noise', { dim: 1, distribution: 'uniform' }],
    ['g1', 'dense', { units: 16 }],
    ['g1a', 'activation', { fn: 'relu' }],
    ['g2', 'dense', { units: 16 }],
    ['g2a', 'activation', { fn: 'relu' }],
    ['g3', 'dense', { units: 1 }],
    ['out', 'output'],
  ]),
  discriminator: chain([
    ['x', 'data'],
    ['xs', 'rescale', { scale: 0.5, offset: -2 }],
    ['d1', 'dense', { units: 32 }],
    ['d1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d2', 'dense', { units: 32 }],
    ['d2a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d3', 'dense', { units: 1 }],
    ['out', 'output'],
  ]),
  dataset: DATASET_DEFAULTS['gaussian-1d'],
  training: training({
    batchSize: 128,
    noise: { dim: 1, distribution: 'uniform' },
    optimizers: { generator: adam({ lr: 2e-4 }), discriminator: adam({ lr: 1e-3 }) },
  }),
};
