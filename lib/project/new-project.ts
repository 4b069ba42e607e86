import { DATASET_DEFAULTS } from './dataset-defaults';
import { graph, training } from './presets/build';
import { CURRENT_VERSION, type GanProject, type Graph } from './schema';

/** Input at the top, output well below: room to build the network between them. */
function stacked(g: Graph): Graph {
  return { ...g, nodes: g.nodes.map((n, i) => ({ ...n, position: { x: 80, y: 40 + i * 520 } })) };
}

/** "New": a G with only its noise input and output, a D with only its data input and output. */
export function newProject(name = 'Untitled GAN'): GanProject {
  return {
    version: CURRENT_VERSION,
    name,
    generator: stacked(
      graph(
        [
          ['z', 'noise', { dim: 64, distribution: 'normal' }],
          ['out', 'output'],
        ],
        [],
      ),
    ),
    discriminator: stacked(
      graph(
        [
          ['x', 'data'],
          ['out', 'output'],
        ],
        [],
      ),
    ),
    dataset: DATASET_DEFAULTS.mnist,
    training: training(),
  };
}
