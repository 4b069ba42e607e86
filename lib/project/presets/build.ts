import type { LayerKind } from '../kinds';
import type { AdamConfig, Graph, GraphNode, ParamValue, TrainingConfig } from '../schema';

type NodeDef = [id: string, kind: LayerKind, params?: Record<string, ParamValue>, label?: string];

/**
 * A graph from node definitions and `[source, target]` pairs, laid out top to bottom by depth
 * so presets open tidy without a layout pass.
 */
export function graph(defs: NodeDef[], links: [string, string][]): Graph {
  const depth = new Map<string, number>(defs.map(([id]) => [id, 0]));
  // Longest-path depth; presets are small DAGs, so repeated relaxation is plenty.
  for (let pass = 0; pass < defs.length; pass++) {
    for (const [s, t] of links) depth.set(t, Math.max(depth.get(t) ?? 0, (depth.get(s) ?? 0) + 1));
  }
  const column = new Map<number, number>();
  const nodes: GraphNode[] = defs.map(([id, kind, params = {}, label]) => {
    const d = depth.get(id) ?? 0;
    const col = column.get(d) ?? 0;
    column.set(d, col + 1);
    const node: GraphNode = { id, kind, params, position: { x: 80 + col * 240, y: 40 + d * 120 } };
    if (label !== undefined) node.label = label;
    return node;
  });
  const edges = links.map(([source, target]) => ({ id: `${source}-${target}`, source, sourceHandle: 'out', target, targetHandle: 'in' }));
  return { nodes, edges };
}

/** A straight chain: each node feeds the next. */
export function chain(defs: NodeDef[]): Graph {
  const links: [string, string][] = defs.slice(1).map(([id], i) => [defs[i]![0], id]);
  return graph(defs, links);
}

/** Adam with the DCGAN defaults (lr 2e-4, beta1 0.5) unless told otherwise. */
export function adam(overrides: Partial<AdamConfig> = {}): AdamConfig {
  return { lr: 2e-4, beta1: 0.5, beta2: 0.999, ...overrides };
}

export function training(overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    batchSize: 64,
    k: 1,
    loss: 'non-saturating',
    labelSmoothing: 0,
    gradientPenalty: 10,
    optimizers: { generator: adam(), discriminator: adam() },
    noise: { dim: 64, distribution: 'normal' },
    seed: 42,
    ...overrides,
  };
}
