import { presetProject } from '../lib/project/presets';
import type { GanProject } from '../lib/project/schema';
import { bigDiscriminator } from './big-graph';

/** The MLP GAN with a 300-node residual discriminator: the editor's stress case. */
export function bigProject(size = 300): GanProject {
  const project = presetProject('mlp-gan-mnist');
  return { ...project, name: `${size}-node stress test`, discriminator: bigDiscriminator(size) };
}
