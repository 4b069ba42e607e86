import { DATASET_DEFAULTS } from '../dataset-defaults';
import { CURRENT_VERSION, type GanProject } from '../schema';
import { adam, chain, training } from './build';

/**
 * The mode-collapse benchmark of Metz et al. (2017): 8 Gaussians on a ring, MLP G and D. D learns
 * twice as fast as G (the two time-scale rule): with equal rates some seeds drop modes for good.
 * D judges packs of 2 samples (PacGAN2): without packing, modes end up unevenly fed and some
 * seeds starve one of them.
 */
export const gan2dRing: GanProject = {
  version: CURRENT_VERSION,
  name: '2-D ring of 8 Gaussians',
  generator: chain([
    ['z', 'noise', { dim: 16, distribution: 'normal' }],
    ['g1', 'dense', { units: 128 }],
    ['g1a', 'activation', { fn: 'relu' }],
    ['g2', 'dense', { units: 128 }],
    ['g2a', 'activation', { fn: 'relu' }],
    ['g3', 'dense', { units: 2 }],
    ['out', 'output'],
  ]),
  discriminator: chain([
    ['x', 'data'],
    ['d1', 'dense', { units: 128 }],
    ['d1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d2', 'dense', { units: 128 }],
    ['d2a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d3', 'dense', { units: 1 }],
    ['out', 'output'],
  ]),
  dataset: DATASET_DEFAULTS['ring-8'],
  training: training({
    batchSize: 128,
    noise: { dim: 16, distribution: 'normal' },
    optimizers: { generator: adam({ lr: 2e-4 }), discriminator: adam({ lr: 4e-4 }) },
    pack: 2,
  }),
};
