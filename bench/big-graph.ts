import type { Graph, GraphNode } from '../lib/project/schema';

/**
 * A discriminator of about `size` nodes built from residual conv blocks
 * (conv → batchNorm → leakyRelu → dropout → add), the shape of a large real design.
 */
export function bigDiscriminator(size = 300): Graph {
  const nodes: GraphNode[] = [];
  const edges: Graph['edges'] = [];
  const add = (kind: GraphNode['kind'], params: GraphNode['params'] = {}) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, params, position: { x: (nodes.length % 6) * 200, y: Math.floor(nodes.length / 6) * 100 } });
    return id;
  };
  const link = (source: string, target: string) =>
    edges.push({ id: `e${edges.length}`, source, sourceHandle: 'out', target, targetHandle: 'in' });
  let last = add('data');
  const stem = add('conv2d', { filters: 16, kernelSize: 3, strides: 1, padding: 'same' });
  link(last, stem);
  last = stem;
  while (nodes.length < size - 4) {
    const conv = add('conv2d', { filters: 16, kernelSize: 3, strides: 1, padding: 'same' });
    const bn = add('batchNorm');
    const act = add('activation', { fn: 'leakyRelu', alpha: 0.2 });
    const drop = add('dropout', { rate: 0.1 });
    const sum = add('add');
    link(last, conv);
    link(conv, bn);
    link(bn, act);
    link(act, drop);
    link(drop, sum);
    link(last, sum);
    last = sum;
  }
  const flat = add('flatten');
  const dense = add('dense', { units: 1 });
  const out = add('output');
  link(last, flat);
  link(flat, dense);
  link(dense, out);
  return { nodes, edges };
}
