import type { Graph, GraphNode } from '../project/schema';
import { checkGanRules } from './gan-rules';
import { ancestors, nodesOnCycles, topoSort } from './graph';
import { layerSpec } from './layers';
import { fmt, product, type Analysis, type AnalyzeContext, type Diagnostic, type LayerSpec, type Params, type Shape } from './types';

/** A node whose kind is known, with its params parsed (null when they are invalid). */
export interface ResolvedNode {
  id: string;
  node: GraphNode;
  spec: LayerSpec;
  params: Params | null;
}

/** Everything `compile` needs beyond the public analysis. */
export interface Plan {
  analysis: Analysis;
  nodes: Map<string, ResolvedNode>;
  /** Source node ids feeding each node, in edge order. */
  inputsOf: Map<string, string[]>;
  /** The nodes that feed the output, each after its inputs. */
  order: string[];
  outputId?: string;
}

/** Above these a layer could not train in a browser tab; refusing early keeps compile from exhausting memory. */
const MAX_LAYER_PARAMS = 20_000_000;
const MAX_SAMPLE_VALUES = 4_000_000;

/**
 * Infers every node's shape and parameter count and finds everything wrong with the graph.
 * Never throws; allocates no tensors; fast enough to run on every edit.
 */
export function analyze(graph: Graph, ctx: AnalyzeContext): Analysis {
  return plan(graph, ctx).analysis;
}

export function plan(graph: Graph, ctx: AnalyzeContext): Plan {
  try {
    return planGraph(graph, ctx);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const diagnostics: Diagnostic[] = [
      { severity: 'error', code: 'internal', message: `GANvas could not analyse this graph (${reason.slice(0, 200)}). Please report this.` },
    ];
    return { analysis: { shapes: {}, params: {}, diagnostics, totalParams: 0 }, nodes: new Map(), inputsOf: new Map(), order: [] };
  }
}

function planGraph(graph: Graph, ctx: AnalyzeContext): Plan {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) =>
    diagnostics.push({ severity: 'error', ...d });

  const nodes = resolveNodes(graph, ctx, report);
  const inputsOf = connectEdges(graph, nodes, report);
  const ids = [...nodes.keys()];
  const { order, cyclic } = topoSort(ids, inputsOf);
  for (const component of nodesOnCycles(cyclic, inputsOf)) {
    const path = [...component, component[0]].map((id) => nameOf(nodes.get(id!))).join(' → ');
    for (const id of component) {
      report({ nodeId: id, code: 'cycle', message: `This layer is part of a cycle (${path}). GAN networks are feed-forward: remove one of these connections.` });
    }
  }
  checkArity(nodes, inputsOf, report);

  const shapes: Record<string, Shape> = {};
  const params: Record<string, number> = {};
  for (const id of order) inferNode(nodes.get(id)!, inputsOf.get(id) ?? [], shapes, params, ctx, report);

  const outputs = ids.filter((id) => nodes.get(id)!.spec.kind === 'output');
  const feeding = ancestors(outputs, inputsOf);
  if (outputs.length > 0) {
    for (const id of ids) {
      if (!feeding.has(id)) {
        const title = nodes.get(id)!.spec.title.en;
        report({ nodeId: id, severity: 'warning', code: 'unreachable', message: `${title} is not connected to the Output, so it has no effect on the ${ctx.role}. Connect it or delete it.` });
      }
    }
  }
  const outputId = outputs.length === 1 ? outputs[0] : undefined;
  checkGanRules({ nodes, inputsOf, shapes, outputs, ctx, report });

  const totalParams = [...feeding].reduce((sum, id) => sum + (params[id] ?? 0), 0);
  return {
    analysis: { shapes, params, diagnostics, totalParams },
    nodes,
    inputsOf,
    order: order.filter((id) => feeding.has(id)),
    outputId,
  };
}

type Report = (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void;

export function nameOf(node: ResolvedNode | undefined): string {
  if (!node) return '?';
  return node.node.label ? `"${node.node.label}"` : `${node.spec.title.en} (${node.id})`;
}

function resolveNodes(graph: Graph, ctx: AnalyzeContext, report: Report): Map<string, ResolvedNode> {
  const nodes = new Map<string, ResolvedNode>();
  const seen = new Set<string>();
  for (const node of Array.isArray(graph?.nodes) ? graph.nodes : []) {
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string') {
      report({ code: 'unknown-kind', message: 'The graph holds an entry that is not a node (no id). Delete it or reload the project.' });
      continue;
    }
    if (seen.has(node.id)) {
      report({ nodeId: node.id, code: 'duplicate-id', message: `Two nodes share the id "${node.id}". Delete one of them or give it a new id.` });
      continue;
    }
    seen.add(node.id);
    const spec = layerSpec(node.kind);
    if (!spec) {
      report({ nodeId: node.id, code: 'unknown-kind', message: `"${String(node.kind).slice(0, 40)}" is not a layer kind GANvas knows. Delete this node or replace it with a layer from the palette.` });
      continue;
    }
    if (spec.roles && !spec.roles.includes(ctx.role)) {
      const home = spec.roles[0];
      report({ nodeId: node.id, code: 'wrong-graph', message: `${spec.title.en} belongs in the ${home}, not the ${ctx.role}. Delete it here.` });
    }
    const parsed = spec.schema.safeParse(node.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const param = issue.path.length ? String(issue.path[0]) : undefined;
        report({ nodeId: node.id, param, code: 'invalid-param', message: `${spec.title.en}${param ? ` ${param}` : ''}: ${issue.message}. Enter a valid value in the inspector.` });
      }
    }
    nodes.set(node.id, { id: node.id, node, spec, params: parsed.success ? (parsed.data as Params) : null });
  }
  return nodes;
}

function connectEdges(graph: Graph, nodes: Map<string, ResolvedNode>, report: Report): Map<string, string[]> {
  const inputsOf = new Map<string, string[]>([...nodes.keys()].map((id) => [id, []]));
  const seen = new Set<string>();
  for (const edge of Array.isArray(graph?.edges) ? graph.edges : []) {
    if (typeof edge !== 'object' || edge === null) continue;
    const edgeId = String(edge.id);
    if (seen.has(edgeId)) {
      report({ edgeId, code: 'duplicate-id', message: `Two connections share the id "${edgeId}". Delete one of them.` });
      continue;
    }
    seen.add(edgeId);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      const known = (graph.nodes ?? []).some((n) => n?.id === missing);
      // An edge onto a node that is itself invalid is reported on that node, not twice.
      if (!known) report({ edgeId, code: 'dangling-edge', message: `This connection points to a node that does not exist ("${String(missing).slice(0, 64)}"). Delete the connection.` });
      continue;
    }
    if (source.spec.kind === 'output') {
      report({ edgeId, nodeId: source.id, code: 'bad-handle', message: 'Output has no outgoing port: nothing can follow it. Connect from the layer before the Output instead.' });
      continue;
    }
    if (target.spec.arity === 'source') {
      report({ edgeId, nodeId: target.id, code: 'input-into-source', message: `${target.spec.title.en} is an input and takes no connections. Connect ${source.spec.title.en} into a layer instead.` });
      continue;
    }
    if (edge.sourceHandle !== 'out' || edge.targetHandle !== 'in') {
      report({ edgeId, code: 'bad-handle', message: `Connections go from a node's "out" port to another node's "in" port; this one uses "${String(edge.sourceHandle).slice(0, 32)}" → "${String(edge.targetHandle).slice(0, 32)}". Reconnect it.` });
      continue;
    }
    inputsOf.get(target.id)!.push(source.id);
  }
  return inputsOf;
}

function checkArity(nodes: Map<string, ResolvedNode>, inputsOf: Map<string, string[]>, report: Report) {
  for (const { id, spec } of nodes.values()) {
    const n = inputsOf.get(id)?.length ?? 0;
    if (spec.arity === 'one' && n === 0) {
      report({ nodeId: id, code: 'missing-input', message: `${spec.title.en} has no input. Connect a layer's output to its "in" port.` });
    } else if (spec.arity === 'one' && n > 1) {
      report({ nodeId: id, code: 'too-many-inputs', message: `${spec.title.en} takes one input but ${n} are connected. Keep one, or merge them first with Concatenate or Add.` });
    } else if (spec.arity === 'many' && n < 2) {
      report({ nodeId: id, code: 'missing-input', message: `${spec.title.en} needs at least two inputs but ${n} ${n === 1 ? 'is' : 'are'} connected. Connect another layer to its "in" port.` });
    } else if (spec.arity === 'many') {
      // tfjs's executor frees a tensor too early when one layer consumes it twice and another layer uses it too.
      const sources = inputsOf.get(id) ?? [];
      const twice = sources.find((s, i) => sources.indexOf(s) !== i);
      if (twice !== undefined) {
        report({ nodeId: id, code: 'duplicate-input', message: `${spec.title.en} receives ${nameOf(nodes.get(twice))} more than once, which tfjs cannot run. Remove the repeated connection or route one copy through another layer.` });
      }
    }
  }
}

function arityHolds(spec: LayerSpec, n: number): boolean {
  return spec.arity === 'source' ? n === 0 : spec.arity === 'one' ? n === 1 : n >= 2;
}

function inferNode(
  node: ResolvedNode,
  sources: string[],
  shapes: Record<string, Shape>,
  params: Record<string, number>,
  ctx: AnalyzeContext,
  report: Report,
) {
  if (!node.params || !arityHolds(node.spec, sources.length)) return;
  const inputs = sources.map((s) => shapes[s]);
  if (inputs.some((s) => s === undefined)) return; // an upstream problem is already reported there
  const result = node.spec.infer(inputs as Shape[], node.params, ctx);
  if ('error' in result) {
    report({ nodeId: node.id, param: result.param, code: result.code ?? 'shape', message: result.error });
    return;
  }
  const title = node.spec.title.en;
  if (result.shape.some((d) => !Number.isInteger(d) || d < 1)) {
    report({ nodeId: node.id, code: 'shape', message: `${title} would output ${fmt(result.shape)}, which has an empty or fractional size. Change its params or the input shape ${fmt(inputs[0] ?? [])}.` });
    return;
  }
  if (result.params > MAX_LAYER_PARAMS || product(result.shape) > MAX_SAMPLE_VALUES) {
    report({ nodeId: node.id, code: 'shape', message: `${title} would output ${fmt(result.shape)} with ${result.params.toLocaleString('en')} parameters, too large to train in a browser. Use fewer units or filters, or shrink the input first.` });
    return;
  }
  shapes[node.id] = result.shape;
  params[node.id] = result.params;
  if (result.warning) report({ nodeId: node.id, severity: 'warning', code: 'shape', message: result.warning });
}
