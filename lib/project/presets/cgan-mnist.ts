import { DATASET_DEFAULTS } from '../../data/catalog';
import { CURRENT_VERSION, type GanProject } from '../schema';
import { graph, training } from './build';

/** Mirza and Osindero (2014): G sees noise and the class, D sees the sample and the class. */
export const cganMnist: GanProject = {
  version: CURRENT_VERSION,
  name: 'Conditional GAN on MNIST',
  generator: graph(
    [
      ['z', 'noise', { dim: 100, distribution: 'normal' }],
      ['y', 'label'],
      ['zy', 'concatenate', { axis: -1 }],
      ['g1', 'dense', { units: 256 }],
      ['g1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
      ['g2', 'dense', { units: 784 }],
      ['g2a', 'activation', { fn: 'tanh' }],
      ['img', 'reshape', { targetShape: [28, 28, 1] }],
      ['out', 'output'],
    ],
    [
      ['z', 'zy'],
      ['y', 'zy'],
      ['zy', 'g1'],
      ['g1', 'g1a'],
      ['g1a', 'g2'],
      ['g2', 'g2a'],
      ['g2a', 'img'],
      ['img', 'out'],
    ],
  ),
  discriminator: graph(
    [
      ['x', 'data'],
      ['y', 'label'],
      ['flat', 'flatten'],
      ['xy', 'concatenate', { axis: -1 }],
      ['d1', 'dense', { units: 256 }],
      ['d1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
      ['d1d', 'dropout', { rate: 0.3 }],
      ['d2', 'dense', { units: 1 }],
      ['out', 'output'],
    ],
    [
      ['x', 'flat'],
      ['flat', 'xy'],
      ['y', 'xy'],
      ['xy', 'd1'],
      ['d1', 'd1a'],
      ['d1a', 'd1d'],
      ['d1d', 'd2'],
      ['d2', 'out'],
    ],
  ),
  dataset: DATASET_DEFAULTS.mnist,
  training: training({ noise: { dim: 100, distribution: 'normal' } }),
};
