import { bi } from '../i18n/bi';
import { issueText } from '../i18n/zod-issue';
import type { Graph } from '../project/schema';
import { checkGanRules } from './gan-rules';
import { ancestors, nodesOnCycles, topoSort } from './graph';
import { layerSpec } from './layers';
import {
  fmt,
  product,
  ROLE_ZH,
  type Analysis,
  type AnalyzeContext,
  type Diagnostic,
  type LayerSpec,
  type Params,
  type ResolvedNode,
  type Shape,
} from './types';

export type { ResolvedNode } from './types';

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
      {
        severity: 'error',
        code: 'internal',
        ...bi(
          `GANvas could not analyse this graph (${reason.slice(0, 200)}). Please report this.`,
          `GANvas 无法分析这张图（${reason.slice(0, 200)}）。请报告这个问题。`,
        ),
      },
    ];
    return { analysis: { shapes: {}, params: {}, diagnostics, totalParams: 0 }, nodes: new Map(), inputsOf: new Map(), order: [] };
  }
}

function planGraph(graph: Graph, ctx: AnalyzeContext): Plan {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => diagnostics.push({ severity: 'error', ...d });

  const nodes = resolveNodes(graph, ctx, report);
  const inputsOf = connectEdges(graph, nodes, report);
  const ids = [...nodes.keys()];
  const { order, cyclic } = topoSort(ids, inputsOf);
  for (const component of nodesOnCycles(cyclic, inputsOf)) {
    const ring = [...component, component[0]].map((id) => nodes.get(id!));
    const path = ring.map(nameOf).join(' → ');
    const pathZh = ring.map(nameZh).join(' → ');
    for (const id of component) {
      report({
        nodeId: id,
        code: 'cycle',
        ...bi(
          `This layer is part of a cycle (${path}). GAN networks are feed-forward: remove one of these connections.`,
          `这一层处在一个环中（${pathZh}）。GAN 网络是前馈的：请删除其中一条连接。`,
        ),
      });
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
        const { title } = nodes.get(id)!.spec;
        report({
          nodeId: id,
          severity: 'warning',
          code: 'unreachable',
          ...bi(
            `${title.en} is not connected to the Output, so it has no effect on the ${ctx.role}. Connect it or delete it.`,
            `${title.zh}没有连到输出节点，因此对${ROLE_ZH[ctx.role]}不起作用。请把它连上或删除。`,
          ),
        });
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

/** {@link nameOf} in Chinese: the label, else the kind's Chinese title and the id. */
export function nameZh(node: ResolvedNode | undefined): string {
  if (!node) return '?';
  return node.node.label ? `“${node.node.label}”` : `${node.spec.title.zh}（${node.id}）`;
}

function resolveNodes(graph: Graph, ctx: AnalyzeContext, report: Report): Map<string, ResolvedNode> {
  const nodes = new Map<string, ResolvedNode>();
  const seen = new Set<string>();
  for (const node of Array.isArray(graph?.nodes) ? graph.nodes : []) {
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string') {
      report({
        code: 'unknown-kind',
        ...bi(
          'The graph holds an entry that is not a node (no id). Delete it or reload the project.',
          '图中有一项不是节点（没有 id）。请删除它或重新载入项目。',
        ),
      });
      continue;
    }
    if (seen.has(node.id)) {
      report({
        nodeId: node.id,
        code: 'duplicate-id',
        ...bi(
          `Two nodes share the id "${node.id}". Delete one of them or give it a new id.`,
          `有两个节点的 id 都是 "${node.id}"。请删除其中一个，或给它换一个新 id。`,
        ),
      });
      continue;
    }
    seen.add(node.id);
    const spec = layerSpec(node.kind);
    if (!spec) {
      const kind = String(node.kind).slice(0, 40);
      report({
        nodeId: node.id,
        code: 'unknown-kind',
        ...bi(
          `"${kind}" is not a layer kind GANvas knows. Delete this node or replace it with a layer from the palette.`,
          `"${kind}" 不是 GANvas 认识的层类型。请删除这个节点，或换成层面板中的一层。`,
        ),
      });
      continue;
    }
    if (spec.roles && !spec.roles.includes(ctx.role)) {
      const [home = ctx.role === 'generator' ? 'discriminator' : 'generator'] = spec.roles;
      report({
        nodeId: node.id,
        code: 'wrong-graph',
        ...bi(
          `${spec.title.en} belongs in the ${home}, not the ${ctx.role}. Delete it here.`,
          `${spec.title.zh}属于${ROLE_ZH[home]}，不属于${ROLE_ZH[ctx.role]}。请在这里删除它。`,
        ),
      });
    }
    // The input is reported so that a wrong type can say what it got; it never leaves this loop.
    const parsed = spec.schema.safeParse(node.params ?? {}, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const param = issue.path.length ? String(issue.path[0]) : undefined;
        const why = issueText(issue);
        report({
          nodeId: node.id,
          param,
          code: 'invalid-param',
          ...bi(
            `${spec.title.en}${param ? ` ${param}` : ''}: ${why.en}. Enter a valid value in the inspector.`,
            `${spec.title.zh}${param ? `的 ${param}` : ''}：${why.zh}。请在检查器中输入有效的值。`,
          ),
        });
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
      report({
        edgeId,
        code: 'duplicate-id',
        ...bi(`Two connections share the id "${edgeId}". Delete one of them.`, `有两条连接的 id 都是 "${edgeId}"。请删除其中一条。`),
      });
      continue;
    }
    seen.add(edgeId);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = String(!source ? edge.source : edge.target).slice(0, 64);
      const known = (graph.nodes ?? []).some((n) => n?.id === (!source ? edge.source : edge.target));
      // An edge onto a node that is itself invalid is reported on that node, not twice.
      if (!known) {
        report({
          edgeId,
          code: 'dangling-edge',
          ...bi(
            `This connection points to a node that does not exist ("${missing}"). Delete the connection.`,
            `这条连接指向一个不存在的节点（"${missing}"）。请删除这条连接。`,
          ),
        });
      }
      continue;
    }
    if (source.spec.kind === 'output') {
      report({
        edgeId,
        nodeId: source.id,
        code: 'bad-handle',
        ...bi(
          'Output has no outgoing port: nothing can follow it. Connect from the layer before the Output instead.',
          '输出节点没有输出端口，后面不能再接任何层。请改从输出节点前面的那一层连出。',
        ),
      });
      continue;
    }
    if (target.spec.arity === 'source') {
      report({
        edgeId,
        nodeId: target.id,
        code: 'input-into-source',
        ...bi(
          `${target.spec.title.en} is an input and takes no connections. Connect ${source.spec.title.en} into a layer instead.`,
          `${target.spec.title.zh}是输入节点，不接受任何连接。请把${source.spec.title.zh}连到某个层上。`,
        ),
      });
      continue;
    }
    if (edge.sourceHandle !== 'out' || edge.targetHandle !== 'in') {
      const ports = `"${String(edge.sourceHandle).slice(0, 32)}" → "${String(edge.targetHandle).slice(0, 32)}"`;
      report({
        edgeId,
        code: 'bad-handle',
        ...bi(
          `Connections go from a node's "out" port to another node's "in" port; this one uses ${ports}. Reconnect it.`,
          `连接应从一个节点的 “out” 端口连到另一个节点的 “in” 端口；这条连接用的是 ${ports}。请重新连接。`,
        ),
      });
      continue;
    }
    inputsOf.get(target.id)!.push(source.id);
  }
  return inputsOf;
}

function checkArity(nodes: Map<string, ResolvedNode>, inputsOf: Map<string, string[]>, report: Report) {
  for (const { id, spec } of nodes.values()) {
    const n = inputsOf.get(id)?.length ?? 0;
    const { title } = spec;
    if (spec.arity === 'one' && n === 0) {
      report({
        nodeId: id,
        code: 'missing-input',
        ...bi(
          `${title.en} has no input. Connect a layer's output to its "in" port.`,
          `${title.zh}没有输入。请把某一层的输出连到它的 “in” 端口。`,
        ),
      });
    } else if (spec.arity === 'one' && n > 1) {
      report({
        nodeId: id,
        code: 'too-many-inputs',
        ...bi(
          `${title.en} takes one input but ${n} are connected. Keep one, or merge them first with Concatenate or Add.`,
          `${title.zh}只接受一个输入，但连了 ${n} 个。请只保留一个，或先用拼接层或相加层把它们合并。`,
        ),
      });
    } else if (spec.arity === 'many' && n < 2) {
      report({
        nodeId: id,
        code: 'missing-input',
        ...bi(
          `${title.en} needs at least two inputs but ${n} ${n === 1 ? 'is' : 'are'} connected. Connect another layer to its "in" port.`,
          `${title.zh}至少需要两个输入，但只连了 ${n} 个。请再把一层连到它的 “in” 端口。`,
        ),
      });
    } else if (spec.arity === 'many') {
      // tfjs's executor frees a tensor too early when one layer consumes it twice and another layer uses it too.
      const sources = inputsOf.get(id) ?? [];
      const twice = sources.find((s, i) => sources.indexOf(s) !== i);
      if (twice !== undefined) {
        report({
          nodeId: id,
          code: 'duplicate-input',
          ...bi(
            `${title.en} receives ${nameOf(nodes.get(twice))} more than once, which tfjs cannot run. Remove the repeated connection or route one copy through another layer.`,
            `${title.zh}多次接收${nameZh(nodes.get(twice))}，tfjs 无法运行这种结构。请删除重复的连接，或让其中一份先经过另一层。`,
          ),
        });
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
    report({ nodeId: node.id, param: result.param, code: result.code ?? 'shape', ...result.error });
    return;
  }
  const { title } = node.spec;
  const shape = fmt(result.shape);
  if (result.shape.some((d) => !Number.isInteger(d) || d < 1)) {
    const input = fmt(inputs[0] ?? []);
    report({
      nodeId: node.id,
      code: 'shape',
      ...bi(
        `${title.en} would output ${shape}, which has an empty or fractional size. Change its params or the input shape ${input}.`,
        `${title.zh}会输出 ${shape}，其中有为空或非整数的维度。请修改它的参数或输入形状 ${input}。`,
      ),
    });
    return;
  }
  if (result.params > MAX_LAYER_PARAMS || product(result.shape) > MAX_SAMPLE_VALUES) {
    const count = result.params.toLocaleString('en');
    report({
      nodeId: node.id,
      code: 'shape',
      ...bi(
        `${title.en} would output ${shape} with ${count} parameters, too large to train in a browser. Use fewer units or filters, or shrink the input first.`,
        `${title.zh}会输出 ${shape}，有 ${count} 个参数，太大了，无法在浏览器中训练。请减少单元数或卷积核数，或先缩小输入。`,
      ),
    });
    return;
  }
  shapes[node.id] = result.shape;
  params[node.id] = result.params;
  if (result.warning) report({ nodeId: node.id, severity: 'warning', code: 'shape', ...result.warning });
}
