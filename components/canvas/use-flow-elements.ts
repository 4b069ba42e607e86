'use client';

import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Role } from '@/lib/project/kinds';
import type { GraphEdge, GraphNode } from '@/lib/project/schema';
import type { Position, Selection } from '@/lib/store/editor-store';
import type { LayerNodeData } from './layer-node';
import type { ShapeEdgeData } from './shape-edge';

type Cached = { selected: boolean; x: number; y: number; size: { width: number; height: number } | undefined; node: Node<LayerNodeData> };

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
  const previous = useRef<Node<LayerNodeData>[]>([]);
  return useMemo(() => {
    const chosen = new Set(selected);
    const next = new Map<string, Cached>();
    const out = nodes.map((src) => {
      const { x, y } = drag?.[src.id] ?? src.position;
      const isSelected = chosen.has(src.id);
      const size = measured[src.id];
      const prev = cache.current.get(src.id);
      // What a node shows (kind, params, shape) is read from the store by the node itself, so only
      // placement, selection and size decide whether React Flow gets a new object.
      if (prev && prev.selected === isSelected && prev.x === x && prev.y === y && prev.size === size) {
        next.set(src.id, prev);
        return prev.node;
      }
      const node: Node<LayerNodeData> = {
        id: src.id,
        type: 'layer',
        position: { x, y },
        data: DATA[role],
        selected: isSelected,
        measured: size,
      };
      next.set(src.id, { selected: isSelected, x, y, size, node });
      return node;
    });
    cache.current = next;
    return sameItems(previous.current, out) ? previous.current : (previous.current = out);
  }, [role, nodes, selected, drag, measured]);
}

type CachedEdge = { src: GraphEdge; selected: boolean; edge: Edge<ShapeEdgeData> };

const EDGE_DATA: Record<Role, ShapeEdgeData> = { generator: { role: 'generator' }, discriminator: { role: 'discriminator' } };

/**
 * React Flow edges. Their labels (shapes) and problem marks are read from the store by the edge
 * component, so only connecting, deleting and selecting change what React Flow receives.
 */
export function useFlowEdges(role: Role, edges: readonly GraphEdge[], selected: Selection['edges']): Edge<ShapeEdgeData>[] {
  const cache = useRef(new Map<string, CachedEdge>());
  const previous = useRef<Edge<ShapeEdgeData>[]>([]);
  return useMemo(() => {
    const chosen = new Set(selected);
    const next = new Map<string, CachedEdge>();
    const out = edges.map((src) => {
      const isSelected = chosen.has(src.id);
      const prev = cache.current.get(src.id);
      if (prev && prev.src === src && prev.selected === isSelected) {
        next.set(src.id, prev);
        return prev.edge;
      }
      const edge: Edge<ShapeEdgeData> = {
        id: src.id,
        type: 'shape',
        source: src.source,
        target: src.target,
        sourceHandle: src.sourceHandle,
        targetHandle: src.targetHandle,
        selected: isSelected,
        data: EDGE_DATA[role],
      };
      next.set(src.id, { src, selected: isSelected, edge });
      return edge;
    });
    cache.current = next;
    return sameItems(previous.current, out) ? previous.current : (previous.current = out);
  }, [role, edges, selected]);
}

/** True when both arrays hold the same objects in the same order: React Flow need not diff. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
