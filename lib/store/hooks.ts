'use client';

import type { Role } from '../project/kinds';
import type { Graph, GraphNode } from '../project/schema';
import { graphView, type GraphView } from './analysis';
import { useEditor } from './provider';

const index = new WeakMap<Graph, Map<string, GraphNode>>();

function nodeIndex(graph: Graph): Map<string, GraphNode> {
  let map = index.get(graph);
  if (!map) {
    map = new Map(graph.nodes.map((n) => [n.id, n]));
    index.set(graph, map);
  }
  return map;
}

/** The analysis of one network (memoised by graph identity). */
export function useGraphView(role: Role): GraphView {
  return useEditor((s) => graphView(s.project, role));
}

/** One node of a network, by id. */
export function useGraphNode(role: Role, id: string): GraphNode | undefined {
  return useEditor((s) => nodeIndex(s.project[role]).get(id));
}

/** The single selected node of a network, if exactly one is selected. */
export function useSelectedNode(role: Role): GraphNode | undefined {
  return useEditor((s) => {
    const ids = s.selection[role].nodes;
    return ids.length === 1 ? nodeIndex(s.project[role]).get(ids[0]!) : undefined;
  });
}
