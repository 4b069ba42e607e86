import { DATASET_DEFAULTS } from '../../data/catalog';
import { CURRENT_VERSION, type GanProject } from '../schema';
import { chain, training } from './build';

/** The fully connected GAN of Goodfellow et al. (2014) on MNIST, scaled to train in a browser. */
export const mlpGanMnist: GanProject = {
  version: CURRENT_VERSION,
  name: 'MLP GAN on MNIST',
  generator: chain([
    ['z', 'noise', { dim: 64, distribution: 'normal' }],
    ['g1', 'dense', { units: 128 }],
    ['g1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['g2', 'dense', { units: 784 }],
    ['g2a', 'activation', { fn: 'tanh' }],
    ['img', 'reshape', { targetShape: [28, 28, 1] }],
    ['out', 'output'],
  ]),
  discriminator: chain([
    ['x', 'data'],
    ['flat', 'flatten'],
    ['d1', 'dense', { units: 128 }],
    ['d1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d2', 'dense', { units: 1 }],
    ['out', 'output'],
  ]),
  dataset: DATASET_DEFAULTS.mnist,
  training: training({ noise: { dim: 64, distribution: 'normal' } }),
};
