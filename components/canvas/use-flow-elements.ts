'use client';

import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Role } from '@/lib/project/kinds';
import type { GraphEdge, GraphNode } from '@/lib/project/schema';
import type { Position, Selection } from '@/lib/store/editor-store';
import type { GraphView } from '@/lib/store/analysis';
import type { LayerNodeData } from './layer-node';
import { formatShape } from './format';

type Cached = { src: GraphNode; selected: boolean; x: number; y: number; size: { width: number; height: number } | undefined; node: Node<LayerNodeData> };

const DATA: Record<Role, LayerNodeData> = { generator: { role: 'generator' }, discriminator: { role: 'discriminator' } };

/**
 * React Flow nodes for a graph. A node object is reused while its source node, selection, position
 * and measured size are unchanged, so dragging one node re-renders one node, not all of them.
 */
export function useFlowNodes(
  role: Role,
  nodes: readonly GraphNode[],
  selected: readonly string[],
  drag: Record<string, Position> | null,
  measured: Record<string, { width: number; height: number }>,
): Node<LayerNodeData>[] {
  const cache = useRef(new Map<string, Cached>());
  return useMemo(() => {
    const chosen = new Set(selected);
    const next = new Map<string, Cached>();
    const out = nodes.map((src) => {
      const { x, y } = drag?.[src.id] ?? src.position;
      const isSelected = chosen.has(src.id);
      const size = measured[src.id];
      const prev = cache.current.get(src.id);
      if (prev && prev.src === src && prev.selected === isSelected && prev.x === x && prev.y === y && prev.size === size) {
        next.set(src.id, prev);
        return prev.node;
      }
      const node: Node<LayerNodeData> = { id: src.id, type: 'layer', position: { x, y }, data: DATA[role], selected: isSelected, measured: size };
      next.set(src.id, { src, selected: isSelected, x, y, size, node });
      return node;
    });
    cache.current = next;
    return out;
  }, [role, nodes, selected, drag, measured]);
}

/** React Flow edges labelled with the shape that flows along them. */
export function useFlowEdges(edges: readonly GraphEdge[], view: GraphView, selected: Selection['edges']): Edge[] {
  return useMemo(() => {
    const chosen = new Set(selected);
    return edges.map((e) => {
      const shape = view.shapes[e.source];
      const problem = view.byEdge[e.id]?.length;
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        targetHandle: e.targetHandle,
        selected: chosen.has(e.id),
        label: shape ? formatShape(shape) : undefined,
        className: problem ? 'edge-error' : undefined,
        data: { shape: shape ? formatShape(shape) : '' },
      };
    });
  }, [edges, view, selected]);
}
