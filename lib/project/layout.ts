import dagre from '@dagrejs/dagre';
import type { Graph } from './schema';

export const NODE_SIZE = { width: 190, height: 84 } as const;

/** Lays the graph out top to bottom with dagre; returns the graph with new positions only. */
export function autoLayout(graph: Graph, size: { width: number; height: number } = NODE_SIZE): Graph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: size.width, height: size.height });
  for (const edge of graph.edges) if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const p = g.node(node.id);
      // dagre gives centres; React Flow positions are top-left corners.
      return p ? { ...node, position: { x: Math.round(p.x - size.width / 2), y: Math.round(p.y - size.height / 2) } } : node;
    }),
  };
}
