import type { ResolvedNode } from './analyze';
import { ACTIVATION_RANGE, type ActivationFn } from './layers/activation';
import { fmt, product, type AnalyzeContext, type Diagnostic, type Shape } from './types';

interface RuleInput {
  nodes: Map<string, ResolvedNode>;
  inputsOf: Map<string, string[]>;
  shapes: Record<string, Shape>;
  outputs: string[];
  ctx: AnalyzeContext;
  report: (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void;
}

/** Layers that pass values through unchanged in range, so the activation before them decides it. */
const RANGE_PRESERVING = new Set(['output', 'reshape', 'flatten', 'dropout']);

/** The rules that make a graph a usable G or D, beyond being a valid network. */
export function checkGanRules(input: RuleInput): void {
  checkOutputCount(input);
  checkSources(input);
  const [outputId] = input.outputs;
  if (input.outputs.length !== 1 || !outputId) return;
  const shape = input.shapes[outputId];
  if (!shape) return;
  if (input.ctx.role === 'generator') checkGeneratorOutput(input, outputId, shape);
  else checkDiscriminatorOutput(input, outputId, shape);
}

function checkOutputCount({ outputs, ctx, report }: RuleInput) {
  if (outputs.length === 0) {
    report({ code: 'no-output', message: `The ${ctx.role} has no Output node. Add one from the palette and connect the last layer to it.` });
  } else if (outputs.length > 1) {
    for (const id of outputs) {
      report({ nodeId: id, code: 'multiple-outputs', message: `The ${ctx.role} has ${outputs.length} Output nodes but a network has exactly one. Delete the extra ones.` });
    }
  }
}

function checkSources({ nodes, ctx, report }: RuleInput) {
  const byKind = (kind: string) => [...nodes.values()].filter((n) => n.spec.kind === kind);
  const main = ctx.role === 'generator' ? 'noise' : 'data';
  const mains = byKind(main);
  if (mains.length === 0) {
    const why = ctx.role === 'generator' ? 'G turns random vectors into samples' : 'D scores real and generated samples that arrive there';
    report({ code: 'missing-source', message: `The ${ctx.role} has no ${main === 'noise' ? 'Noise' : 'Data'} input. Add one from the palette: ${why}.` });
  }
  for (const kind of [main, 'label']) {
    const found = byKind(kind);
    if (found.length < 2) continue;
    for (const n of found) {
      report({ nodeId: n.id, code: 'duplicate-source', message: `The ${ctx.role} has ${found.length} ${n.spec.title.en} inputs; it takes one. Delete the extra ones and connect their layers to a single ${n.spec.title.en}.` });
    }
  }
  if (ctx.role === 'generator' && ctx.noise) {
    for (const n of mains) {
      const dim = n.params?.dim;
      const distribution = n.params?.distribution;
      if (typeof dim === 'number' && dim !== ctx.noise.dim) {
        report({ nodeId: n.id, param: 'dim', code: 'noise-mismatch', message: `Noise dim is ${dim} but training feeds ${ctx.noise.dim}-dimensional noise ([${ctx.noise.dim}]). Set both to the same value.` });
      }
      if (typeof distribution === 'string' && distribution !== ctx.noise.distribution) {
        report({ nodeId: n.id, param: 'distribution', severity: 'warning', code: 'noise-mismatch', message: `Noise says ${distribution} but training samples ${ctx.noise.distribution} noise. Set both to the same distribution.` });
      }
    }
  }
}

function checkGeneratorOutput(input: RuleInput, outputId: string, shape: Shape) {
  const { ctx, report } = input;
  const data = ctx.dataShape;
  if (fmt(shape) !== fmt(data)) {
    const hint =
      product(shape) === product(data)
        ? `Add a Reshape to ${fmt(data)} before the Output.`
        : `Make the last layer produce ${product(data)} values (e.g. Dense with ${product(data)} units), then Reshape to ${fmt(data)}.`;
    report({ nodeId: outputId, code: 'output-shape', message: `The generator outputs ${fmt(shape)} but the dataset's samples are ${fmt(data)}. ${hint}` });
    return;
  }
  if (!ctx.dataRange) return;
  const last = lastActivation(input, outputId);
  const [lo, hi] = ACTIVATION_RANGE[last.fn];
  const [dataLo, dataHi] = ctx.dataRange;
  const range = `[${round(dataLo)}, ${round(dataHi)}]`;
  const where = last.nodeId ?? outputId;
  if (lo > dataLo || hi < dataHi) {
    const fix = ctx.dataBounded ? 'End the generator with a tanh activation.' : 'End the generator without an activation (linear), or with one whose range covers the data.';
    report({ nodeId: where, severity: 'warning', code: 'output-range', message: `The generator's output ends in ${last.fn}, whose values lie in [${round(lo)}, ${round(hi)}], but the data lies in ${range}: G can never match it. ${fix}` });
  } else if (ctx.dataBounded && (lo === -Infinity || hi === Infinity)) {
    report({ nodeId: where, severity: 'warning', code: 'output-range', message: `The generator's output ends in ${last.fn}, which is unbounded, while the data is scaled into ${range}. A tanh activation before the Output matches the data range and trains faster.` });
  }
}

function checkDiscriminatorOutput(input: RuleInput, outputId: string, shape: Shape) {
  const { ctx, report } = input;
  if (fmt(shape) !== '[1]') {
    const hint = shape.length > 1 ? 'Add a Flatten, then a Dense with 1 unit, before the Output.' : 'End with a Dense layer of 1 unit.';
    report({ nodeId: outputId, code: 'output-shape', message: `The discriminator outputs ${fmt(shape)} but must give one score per sample, [1]. ${hint}` });
    return;
  }
  const last = lastActivation(input, outputId);
  if (last.fn === 'sigmoid' && last.nodeId) {
    const loss = ctx.loss ? `the ${ctx.loss} loss` : 'every GANvas loss';
    report({ nodeId: last.nodeId, severity: 'warning', code: 'sigmoid-logits', message: `The discriminator ends in sigmoid, but ${loss} takes D's raw score (a logit) and applies the sigmoid itself, in a numerically stable way. Delete this activation or set it to linear.` });
  }
}

/** Walks back from the output through range-preserving layers to the activation that bounds it. */
function lastActivation({ nodes, inputsOf }: RuleInput, outputId: string): { fn: ActivationFn; nodeId?: string } {
  let id: string | undefined = outputId;
  for (let guard = 0; id && guard < nodes.size; guard++) {
    const node = nodes.get(id);
    if (!node) break;
    if (node.spec.kind === 'activation') return { fn: (node.params?.fn as ActivationFn | undefined) ?? 'linear', nodeId: id };
    if (!RANGE_PRESERVING.has(node.spec.kind)) break;
    const sources: string[] = inputsOf.get(id) ?? [];
    id = sources.length === 1 ? sources[0] : undefined;
  }
  return { fn: 'linear' };
}

function round(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : x > 0 ? '∞' : '-∞';
}
