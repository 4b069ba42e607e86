import { bi, type BiText } from '../i18n/bi';
import type { Graph } from '../project/schema';
import { layerSpec } from './layers';

export interface ConnectionRequest {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** A refusal says why in both languages (`reason`), made from the same names. */
export type ConnectionCheck = { ok: true; replace: string[] } | { ok: false; reason: BiText };

function refuse(en: string, zh: string): ConnectionCheck {
  return { ok: false, reason: bi(en, zh) };
}

/**
 * Whether a new edge may be drawn, and which edges it replaces: a one-input layer that already has
 * an input swaps it for the new one, as in most node editors. Refusals say why.
 */
export function checkConnection(graph: Graph, conn: ConnectionRequest): ConnectionCheck {
  const source = graph.nodes.find((n) => n.id === conn.source);
  const target = graph.nodes.find((n) => n.id === conn.target);
  if (!source || !target) return refuse('One end of the connection is not a node.', '连接的一端不是节点。');
  const sourceSpec = layerSpec(source.kind);
  const targetSpec = layerSpec(target.kind);
  if (!sourceSpec || !targetSpec) return refuse('One end of the connection is a node of an unknown kind.', '连接的一端是未知类型的节点。');
  if ((conn.sourceHandle ?? 'out') !== 'out' || (conn.targetHandle ?? 'in') !== 'in') {
    return refuse(
      'Connect a node’s output (bottom) to another node’s input (top).',
      '请把一个节点的输出（底部）连到另一个节点的输入（顶部）。',
    );
  }
  if (source.id === target.id)
    return refuse(`${sourceSpec.title.en} cannot feed itself: that would be a cycle.`, `${sourceSpec.title.zh}不能连到自己：那会形成环。`);
  if (sourceSpec.kind === 'output')
    return refuse('Output is the end of the network: nothing can follow it.', '输出节点是网络的终点，后面不能再接任何层。');
  if (targetSpec.arity === 'source') {
    return refuse(
      `${targetSpec.title.en} is an input: it takes no connections. Connect into a layer instead.`,
      `${targetSpec.title.zh}是输入节点，不接受任何连接。请连到某个层上。`,
    );
  }
  const path = pathBetween(graph, target.id, source.id);
  if (path) {
    const names = [...path, target.id].join(' → ');
    return refuse(`That would make a cycle (${names}). GAN networks are feed-forward.`, `这样会形成环（${names}）。GAN 网络是前馈的。`);
  }
  const existing = graph.edges.filter((e) => e.target === target.id);
  if (existing.some((e) => e.source === source.id)) {
    return refuse(
      `${sourceSpec.title.en} (${source.id}) already feeds ${targetSpec.title.en} (${target.id}).`,
      `${sourceSpec.title.zh}（${source.id}）已经连到${targetSpec.title.zh}（${target.id}）了。`,
    );
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
