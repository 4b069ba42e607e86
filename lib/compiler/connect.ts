import type { Graph } from '../project/schema';
import { layerSpec } from './layers';

export interface ConnectionRequest {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type ConnectionCheck = { ok: true; replace: string[] } | { ok: false; reason: string };

/**
 * Whether a new edge may be drawn, and which edges it replaces: a one-input layer that already has
 * an input swaps it for the new one, as in most node editors. Refusals say why.
 */
export function checkConnection(graph: Graph, conn: ConnectionRequest): ConnectionCheck {
  const source = graph.nodes.find((n) => n.id === conn.source);
  const target = graph.nodes.find((n) => n.id === conn.target);
  if (!source || !target) return { ok: false, reason: 'One end of the connection is not a node.' };
  const sourceSpec = layerSpec(source.kind);
  const targetSpec = layerSpec(target.kind);
  if (!sourceSpec || !targetSpec) return { ok: false, reason: 'One end of the connection is a node of an unknown kind.' };
  if ((conn.sourceHandle ?? 'out') !== 'out' || (conn.targetHandle ?? 'in') !== 'in') {
    return { ok: false, reason: 'Connect a node’s output (bottom) to another node’s input (top).' };
  }
  if (source.id === target.id) return { ok: false, reason: `${sourceSpec.title.en} cannot feed itself: that would be a cycle.` };
  if (sourceSpec.kind === 'output') return { ok: false, reason: 'Output is the end of the network: nothing can follow it.' };
  if (targetSpec.arity === 'source') {
    return { ok: false, reason: `${targetSpec.title.en} is an input: it takes no connections. Connect into a layer instead.` };
  }
  const path = pathBetween(graph, target.id, source.id);
  if (path) {
    const names = [...path, target.id].map((id) => id).join(' → ');
    return { ok: false, reason: `That would make a cycle (${names}). GAN networks are feed-forward.` };
  }
  const existing = graph.edges.filter((e) => e.target === target.id);
  if (existing.some((e) => e.source === source.id)) {
    return { ok: false, reason: `${sourceSpec.title.en} (${source.id}) already feeds ${targetSpec.title.en} (${target.id}).` };
  }
  return { ok: true, replace: targetSpec.arity === 'one' ? existing.map((e) => e.id) : [] };
}

/** A path of node ids from `from` to `to` along edges, or null. */
function pathBetween(graph: Graph, from: string, to: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const parent = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === to) {
      const path = [id];
      for (let p = parent.get(id); p !== undefined; p = parent.get(p)) path.unshift(p);
      return path;
    }
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        parent.set(n, id);
        queue.push(n);
      }
    }
  }
  return null;
}
