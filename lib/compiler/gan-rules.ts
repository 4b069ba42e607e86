import { bi } from '../i18n/bi';
import { ACTIVATION_RANGE, type ActivationFn } from './layers/activation';
import { fmt, product, ROLE_ZH, type AnalyzeContext, type Diagnostic, type ResolvedNode, type Shape } from './types';

interface RuleInput {
  nodes: Map<string, ResolvedNode>;
  inputsOf: Map<string, string[]>;
  shapes: Record<string, Shape>;
  outputs: string[];
  ctx: AnalyzeContext;
  report: (d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }) => void;
}

const DISTRIBUTION_ZH: Record<string, string> = { normal: '正态分布', uniform: '均匀分布' };

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
  const role = ROLE_ZH[ctx.role];
  if (outputs.length === 0) {
    report({
      code: 'no-output',
      ...bi(
        `The ${ctx.role} has no Output node. Add one from the palette and connect the last layer to it.`,
        `${role}没有输出节点。请从层面板添加一个，并把最后一层连到它。`,
      ),
    });
  } else if (outputs.length > 1) {
    for (const id of outputs) {
      report({
        nodeId: id,
        code: 'multiple-outputs',
        ...bi(
          `The ${ctx.role} has ${outputs.length} Output nodes but a network has exactly one. Delete the extra ones.`,
          `${role}有 ${outputs.length} 个输出节点，但一个网络只能有一个。请删除多余的。`,
        ),
      });
    }
  }
}

function checkSources({ nodes, ctx, report }: RuleInput) {
  const byKind = (kind: string) => [...nodes.values()].filter((n) => n.spec.kind === kind);
  const main = ctx.role === 'generator' ? 'noise' : 'data';
  const mains = byKind(main);
  const role = ROLE_ZH[ctx.role];
  if (mains.length === 0) {
    report({
      code: 'missing-source',
      ...(ctx.role === 'generator'
        ? bi(
            `The generator has no Noise input. Add one from the palette: G turns random vectors into samples.`,
            `${role}没有噪声输入。请从层面板添加一个：生成器把随机向量变成样本。`,
          )
        : bi(
            `The discriminator has no Data input. Add one from the palette: D scores real and generated samples that arrive there.`,
            `${role}没有数据输入。请从层面板添加一个：判别器为从这里进入的真实样本和生成样本打分。`,
          )),
    });
  }
  for (const kind of [main, 'label']) {
    const found = byKind(kind);
    if (found.length < 2) continue;
    for (const n of found) {
      const { title } = n.spec;
      report({
        nodeId: n.id,
        code: 'duplicate-source',
        ...bi(
          `The ${ctx.role} has ${found.length} ${title.en} inputs; it takes one. Delete the extra ones and connect their layers to a single ${title.en}.`,
          `${role}有 ${found.length} 个${title.zh}输入，但只能有一个。请删除多余的，并把它们连接的层都连到同一个${title.zh}上。`,
        ),
      });
    }
  }
  if (ctx.role === 'generator' && ctx.noise) {
    for (const n of mains) {
      const dim = n.params?.dim;
      const distribution = n.params?.distribution;
      if (typeof dim === 'number' && dim !== ctx.noise.dim) {
        const fed = ctx.noise.dim;
        report({
          nodeId: n.id,
          param: 'dim',
          code: 'noise-mismatch',
          ...bi(
            `Noise dim is ${dim} but training feeds ${fed}-dimensional noise ([${fed}]). Set both to the same value.`,
            `噪声的 dim 是 ${dim}，但训练输入的是 ${fed} 维噪声（[${fed}]）。请把两者设成相同的值。`,
          ),
        });
      }
      if (typeof distribution === 'string' && distribution !== ctx.noise.distribution) {
        const fed = ctx.noise.distribution;
        report({
          nodeId: n.id,
          param: 'distribution',
          severity: 'warning',
          code: 'noise-mismatch',
          ...bi(
            `Noise says ${distribution} but training samples ${fed} noise. Set both to the same distribution.`,
            `噪声节点设为 ${distribution}（${DISTRIBUTION_ZH[distribution] ?? distribution}），但训练采样的是 ${fed}（${DISTRIBUTION_ZH[fed]}）噪声。请把两者设成相同的分布。`,
          ),
        });
      }
    }
  }
}

function checkGeneratorOutput(input: RuleInput, outputId: string, shape: Shape) {
  const { ctx, report } = input;
  const data = ctx.dataShape;
  if (fmt(shape) !== fmt(data)) {
    const values = product(data);
    const hint =
      product(shape) === values
        ? bi(`Add a Reshape to ${fmt(data)} before the Output.`, `请在输出节点前加一个重塑层，重塑为 ${fmt(data)}。`)
        : bi(
            `Make the last layer produce ${values} values (e.g. Dense with ${values} units), then Reshape to ${fmt(data)}.`,
            `请让最后一层产生 ${values} 个值（例如 ${values} 个单元的全连接层），再重塑为 ${fmt(data)}。`,
          );
    report({
      nodeId: outputId,
      code: 'output-shape',
      ...bi(
        `The generator outputs ${fmt(shape)} but the dataset's samples are ${fmt(data)}. ${hint.en}`,
        `生成器输出 ${fmt(shape)}，但数据集的样本是 ${fmt(data)}。${hint.zh}`,
      ),
    });
    return;
  }
  if (!ctx.dataRange) return;
  const last = lastActivation(input, outputId);
  const [lo, hi] = ACTIVATION_RANGE[last.fn];
  const [dataLo, dataHi] = ctx.dataRange;
  const range = `[${round(dataLo)}, ${round(dataHi)}]`;
  const where = last.nodeId ?? outputId;
  if (lo > dataLo || hi < dataHi) {
    const fix = ctx.dataBounded
      ? bi('End the generator with a tanh activation.', '请用 tanh 激活函数作为生成器的最后一层。')
      : bi(
          'End the generator without an activation (linear), or with one whose range covers the data.',
          '请让生成器不带激活函数（linear）结尾，或换一个值域覆盖数据的激活函数。',
        );
    const values = `[${round(lo)}, ${round(hi)}]`;
    report({
      nodeId: where,
      severity: 'warning',
      code: 'output-range',
      ...bi(
        `The generator's output ends in ${last.fn}, whose values lie in ${values}, but the data lies in ${range}: G can never match it. ${fix.en}`,
        `生成器的输出以 ${last.fn} 结尾，其取值在 ${values} 内，而数据在 ${range} 内：生成器永远无法匹配数据。${fix.zh}`,
      ),
    });
  } else if (ctx.dataBounded && (lo === -Infinity || hi === Infinity)) {
    report({
      nodeId: where,
      severity: 'warning',
      code: 'output-range',
      ...bi(
        `The generator's output ends in ${last.fn}, which is unbounded, while the data is scaled into ${range}. A tanh activation before the Output matches the data range and trains faster.`,
        `生成器的输出以 ${last.fn} 结尾，其值域无界，而数据被缩放到 ${range} 内。在输出节点前加一个 tanh 激活函数可以匹配数据范围，训练也更快。`,
      ),
    });
  }
}

function checkDiscriminatorOutput(input: RuleInput, outputId: string, shape: Shape) {
  const { ctx, report } = input;
  if (fmt(shape) !== '[1]') {
    const hint =
      shape.length > 1
        ? bi('Add a Flatten, then a Dense with 1 unit, before the Output.', '请在输出节点前加一个展平层，再加一个 1 个单元的全连接层。')
        : bi('End with a Dense layer of 1 unit.', '请以 1 个单元的全连接层结尾。');
    report({
      nodeId: outputId,
      code: 'output-shape',
      ...bi(
        `The discriminator outputs ${fmt(shape)} but must give one score per sample, [1]. ${hint.en}`,
        `判别器输出 ${fmt(shape)}，但它必须为每个样本给出一个分数，即 [1]。${hint.zh}`,
      ),
    });
    return;
  }
  const last = lastActivation(input, outputId);
  if (last.fn === 'sigmoid' && last.nodeId) {
    const loss = ctx.loss ? bi(`the ${ctx.loss} loss`, `${ctx.loss} 损失`) : bi('every GANvas loss', 'GANvas 的每种损失');
    report({
      nodeId: last.nodeId,
      severity: 'warning',
      code: 'sigmoid-logits',
      ...bi(
        `The discriminator ends in sigmoid, but ${loss.en} takes D's raw score (a logit) and applies the sigmoid itself, in a numerically stable way. Delete this activation or set it to linear.`,
        `判别器以 sigmoid 结尾，但${loss.zh}接收的是判别器的原始分数（logit），并以数值稳定的方式自行施加 sigmoid。请删除这个激活函数，或把它设为 linear。`,
      ),
    });
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
