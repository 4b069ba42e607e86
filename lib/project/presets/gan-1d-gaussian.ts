import { DATASET_DEFAULTS } from '../../data/catalog';
import { CURRENT_VERSION, type GanProject } from '../schema';
import { adam, chain, training } from './build';

/** Goodfellow et al. (2014), Figure 1: G maps uniform noise onto a 1-D Gaussian. */
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
    optimizers: { generator: adam({ lr: 1e-3 }), discriminator: adam({ lr: 1e-3 }) },
  }),
};
