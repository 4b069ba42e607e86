import type { AnalyzeContext } from '@/lib/compiler/types';
import type { Graph } from '@/lib/project/schema';

export { chain, graph } from '@/lib/project/presets/build';

export const G_CTX: AnalyzeContext = {
  role: 'generator',
  dataShape: [28, 28, 1],
  numClasses: 10,
  dataRange: [-1, 1],
  dataBounded: true,
  loss: 'non-saturating',
  noise: { dim: 8, distribution: 'normal' },
};
export const D_CTX: AnalyzeContext = { ...G_CTX, role: 'discriminator' };

/** Adds a raw edge, bypassing the helpers' tidy ids and handles. */
export function withEdge(g: Graph, edge: Partial<Graph['edges'][number]> & { source: string; target: string }): Graph {
  return { ...g, edges: [...g.edges, { id: `e${g.edges.length}x`, sourceHandle: 'out', targetHandle: 'in', ...edge }] };
}
