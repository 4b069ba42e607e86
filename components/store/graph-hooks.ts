'use client';

import { useMemo } from 'react';
import type { Severity } from '@/lib/compiler/types';
import type { BiText } from '@/lib/i18n/locale';
import type { Role } from '@/lib/project/kinds';
import type { Graph, GraphNode } from '@/lib/project/schema';
import { graphView, type GraphView } from '@/lib/store/analysis';
import { useEditor } from './editor';

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

/** What a node shows of the analysis, as primitives so unchanged nodes skip re-rendering. */
export interface NodeFacts {
  shape: string | null;
  params: number | null;
  status: 'ok' | 'warning' | 'error';
  issues: ({ severity: Severity } & BiText)[];
}

export function useNodeFacts(role: Role, id: string): NodeFacts {
  const shape = useEditor((s) => graphView(s.project, role).shapeText[id] ?? null);
  const params = useEditor((s) => graphView(s.project, role).params[id] ?? null);
  // A string, so that a re-analysis that leaves this node's findings alone is no change here.
  const key = useEditor((s) => graphView(s.project, role).issueKey[id] ?? '[]');
  const issues = useMemo(
    () => (JSON.parse(key) as [Severity, string, string][]).map(([severity, en, zh]) => ({ severity, en, zh })),
    [key],
  );
  const status = issues.some((d) => d.severity === 'error') ? 'error' : issues.length ? 'warning' : 'ok';
  return { shape, params, status, issues };
}

/** The single selected node of a network, if exactly one is selected. */
export function useSelectedNode(role: Role): GraphNode | undefined {
  return useEditor((s) => {
    const ids = s.selection[role].nodes;
    return ids.length === 1 ? nodeIndex(s.project[role]).get(ids[0]!) : undefined;
  });
}
