import type { Graph, GraphEdge, GraphNode } from './schema';

/**
 * Pure, immutable edits of a graph. Each returns a new graph and leaves unchanged nodes and
 * edges as the same objects, so memoised views can tell what changed.
 */

export type Position = { x: number; y: number };

/** A fresh id from `prefix` that no node (or edge) in `taken` uses: `dense`, `dense2`, ... */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 48) || 'n';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export function addNode(graph: Graph, node: Omit<GraphNode, 'id'> & { id?: string }): { graph: Graph; id: string } {
  const id = freshId(node.id ?? node.kind, new Set(graph.nodes.map((n) => n.id)));
  return { graph: { ...graph, nodes: [...graph.nodes, { ...node, id }] }, id };
}

export function updateNode(graph: Graph, id: string, patch: Partial<Omit<GraphNode, 'id'>>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? withoutUndefinedLabel({ ...n, ...patch }) : n)) };
}

function withoutUndefinedLabel(node: GraphNode): GraphNode {
  if (node.label !== undefined && node.label !== '') return node;
  const { label: _label, ...rest } = node;
  return rest;
}

export function moveNodes(graph: Graph, positions: Readonly<Record<string, Position>>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...positions[n.id]! } } : n)) };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(graph: Graph, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): Graph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

export function addEdge(graph: Graph, edge: Omit<GraphEdge, 'id'>, replaceIds: readonly string[] = []): { graph: Graph; id: string } {
  const id = freshId(`${edge.source}-${edge.target}`, new Set(graph.edges.map((e) => e.id)));
  const kept = replaceIds.length ? graph.edges.filter((e) => !replaceIds.includes(e.id)) : graph.edges;
  return { graph: { ...graph, edges: [...kept, { ...edge, id }] }, id };
}

/** The selected nodes and the edges between them, as a self-contained clipboard graph. */
export function extractSubgraph(graph: Graph, nodeIds: Iterable<string>): Graph {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e })),
  };
}

/** Inserts a clipboard graph with fresh ids, shifted by `offset`; returns the new node ids. */
export function pasteSubgraph(graph: Graph, clip: Graph, offset: Position): { graph: Graph; nodeIds: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = freshId(n.kind, taken);
    taken.add(id);
    rename.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edges = clip.edges.flatMap((e) => {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (!source || !target) return [];
    const id = freshId(`${source}-${target}`, edgeIds);
    edgeIds.add(id);
    return [{ ...e, id, source, target }];
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
