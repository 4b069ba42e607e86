import { DATASET_DEFAULTS } from '../data/catalog';
import { graph, training } from './presets/build';
import { CURRENT_VERSION, type GanProject } from './schema';

/** "New": a G with only its noise input and output, a D with only its data input and output. */
export function newProject(name = 'Untitled GAN'): GanProject {
  return {
    version: CURRENT_VERSION,
    name,
    generator: graph([['z', 'noise', { dim: 64, distribution: 'normal' }], ['out', 'output']], []),
    discriminator: graph([['x', 'data'], ['out', 'output']], []),
    dataset: DATASET_DEFAULTS.mnist,
    training: training(),
  };
}
