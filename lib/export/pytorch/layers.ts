import type { ActivationFn } from '../../compiler/layers/activation';
import type { LayerKind } from '../../project/kinds';
import type { IrNode } from '../model-ir';
import type { HelperName } from './helpers';
import { pyBool, pyNumber, pyString } from './python';

/** The tfjs layer kinds whose weights weights.py converts (its CONVERSIONS table has one entry each). */
export type WeightKind = 'dense' | 'conv2d' | 'conv2dTranspose' | 'batchNorm' | 'layerNorm';

/** What one node turns into. Lines carry no indentation; they hold no user text. */
export interface TorchLayer {
  /** Statements of `__init__` that build the node's module (`self.<name> = ...`). */
  init?: string[];
  /** Statements of `forward` that assign the node's variable. */
  forward: string[];
  helpers?: HelperName[];
  /** Set when the module holds tfjs weights to load. */
  weights?: WeightKind;
}

/** What an emitter knows of its node. */
export interface EmitContext {
  node: IrNode;
  /** The node's identifier: its `forward` variable and, when it has a module, `self.<name>`. */
  name: string;
  /** The identifiers of its inputs, in order. */
  inputs: string[];
}

type Emitter = (c: EmitContext) => TorchLayer;

/** Rank-3 sample shapes are images: tfjs holds them [h, w, c], torch [c, h, w]. */
export const isImage = (shape: readonly number[]): boolean => shape.length === 3;

const param = <T>(c: EmitContext, key: string): T => c.node.params[key] as T;
const first = (c: EmitContext): string => c.inputs[0]!;
const inShape = (c: EmitContext): number[] => c.node.inputShapes[0] ?? [];
const channels = (shape: readonly number[]): number => shape[shape.length - 1] ?? 0;
const source = (): TorchLayer => ({ forward: [] });

const ACTIVATIONS: Record<ActivationFn, (x: string, alpha: number) => string> = {
  relu: (x) => `torch.relu(${x})`,
  leakyRelu: (x, alpha) => `F.leaky_relu(${x}, ${pyNumber(alpha)})`,
  tanh: (x) => `torch.tanh(${x})`,
  sigmoid: (x) => `torch.sigmoid(${x})`,
  elu: (x) => `F.elu(${x})`,
  selu: (x) => `F.selu(${x})`,
  softplus: (x) => `F.softplus(${x})`,
  linear: (x) => x,
};

function pool(fn: 'max_pool_tf' | 'avg_pool_tf', helper: HelperName): Emitter {
  return (c) => {
    const size = param<number>(c, 'poolSize');
    const stride = param<number | null>(c, 'strides') ?? size;
    return { forward: [`${c.name} = ${fn}(${first(c)}, ${size}, ${stride}, ${pyString(param(c, 'padding'))})`], helpers: [helper] };
  };
}

/** The shape's values in tfjs order: images go NCHW -> NHWC first. */
const tfOrder = (x: string, shape: readonly number[]): string => (isImage(shape) ? `${x}.permute(0, 2, 3, 1)` : x);

/** Maps a tfjs sample axis (negative allowed) to the torch dim of the same data. */
export function torchAxis(axis: number, shape: readonly number[]): number {
  const a = axis < 0 ? shape.length + axis : axis;
  return isImage(shape) ? [2, 3, 1][a]! : a + 1;
}

/** One emitter per layer kind: adding a kind to `LayerKind` fails type-checking until it has one. */
export const TORCH_LAYERS: Record<LayerKind, Emitter> = {
  noise: source,
  label: source,
  data: source,
  output: () => ({ forward: [] }),
  dense: (c) => ({
    init: [`self.${c.name} = nn.Linear(${inShape(c)[0]}, ${param<number>(c, 'units')}, bias=${pyBool(param(c, 'useBias'))})`],
    forward: [`${c.name} = self.${c.name}(${first(c)})`],
    weights: 'dense',
  }),
  conv2d: (c) => {
    const k = param<number>(c, 'kernelSize');
    const s = param<number>(c, 'strides');
    const x = param<string>(c, 'padding') === 'same' ? `pad_same(${first(c)}, ${k}, ${s})` : first(c);
    return {
      init: [
        `self.${c.name} = nn.Conv2d(${channels(inShape(c))}, ${param<number>(c, 'filters')}, ${k}, stride=${s}, bias=${pyBool(param(c, 'useBias'))})`,
      ],
      forward: [`${c.name} = self.${c.name}(${x})`],
      helpers: param<string>(c, 'padding') === 'same' ? ['samePadding'] : [],
      weights: 'conv2d',
    };
  },
  conv2dTranspose: (c) => ({
    init: [
      `self.${c.name} = TfConvTranspose2d(${channels(inShape(c))}, ${param<number>(c, 'filters')}, ${param<number>(c, 'kernelSize')}, ` +
        `stride=${param<number>(c, 'strides')}, padding=${pyString(param(c, 'padding'))}, bias=${pyBool(param(c, 'useBias'))})`,
    ],
    forward: [`${c.name} = self.${c.name}(${first(c)})`],
    helpers: ['convTranspose'],
    weights: 'conv2dTranspose',
  }),
  upSampling2d: (c) => ({
    forward: [`${c.name} = upsample_tf(${first(c)}, ${param<number>(c, 'size')}, ${pyString(param(c, 'interpolation'))})`],
    helpers: ['upsample'],
  }),
  maxPooling2d: pool('max_pool_tf', 'maxPool'),
  averagePooling2d: pool('avg_pool_tf', 'avgPool'),
  batchNorm: (c) => {
    const shape = inShape(c);
    // tfjs normalises the last axis: the channels, which torch holds on axis 1 for images.
    const axis = isImage(shape) ? 1 : shape.length;
    return {
      init: [
        `self.${c.name} = TfBatchNorm(${channels(shape)}, axis=${axis}, momentum=1 - ${pyNumber(param(c, 'momentum'))}, ` +
          `eps=${pyNumber(param(c, 'epsilon'))}, center=${pyBool(param(c, 'center'))}, scale=${pyBool(param(c, 'scale'))})`,
      ],
      forward: [`${c.name} = self.${c.name}(${first(c)})`],
      helpers: ['batchNorm'],
      weights: 'batchNorm',
    };
  },
  layerNorm: (c) => {
    const shape = inShape(c);
    const call = isImage(shape)
      ? [`${c.name} = self.${c.name}(${first(c)}.permute(0, 2, 3, 1))`, `${c.name} = ${c.name}.permute(0, 3, 1, 2)`]
      : [`${c.name} = self.${c.name}(${first(c)})`];
    return {
      init: [`self.${c.name} = nn.LayerNorm(${channels(shape)}, eps=${pyNumber(param(c, 'epsilon'))})`],
      forward: call,
      weights: 'layerNorm',
    };
  },
  dropout: (c) => ({
    init: [`self.${c.name} = nn.Dropout(${pyNumber(param(c, 'rate'))})`],
    forward: [`${c.name} = self.${c.name}(${first(c)})`],
  }),
  rescale: (c) => ({ forward: [`${c.name} = ${first(c)} * ${pyNumber(param(c, 'scale'))} + ${pyNumber(param(c, 'offset'))}`] }),
  activation: (c) => ({ forward: [`${c.name} = ${ACTIVATIONS[param<ActivationFn>(c, 'fn')](first(c), param(c, 'alpha'))}`] }),
  reshape: (c) => {
    const target = param<number[]>(c, 'targetShape');
    const x = first(c);
    const lines = [`${c.name} = ${tfOrder(x, inShape(c))}.reshape(${x}.shape[0], ${target.join(', ')})`];
    if (isImage(target)) lines.push(`${c.name} = ${c.name}.permute(0, 3, 1, 2)`);
    return { forward: lines };
  },
  flatten: (c) => {
    const shape = inShape(c);
    const x = first(c);
    // tfjs's Flatten of an already-flat tensor passes it through.
    if (shape.length <= 1) return { forward: [`${c.name} = ${x}`] };
    return { forward: [`${c.name} = ${tfOrder(x, shape)}.reshape(${x}.shape[0], -1)`] };
  },
  concatenate: (c) => ({ forward: [`${c.name} = torch.cat([${c.inputs.join(', ')}], dim=${torchAxis(param(c, 'axis'), inShape(c))})`] }),
  add: (c) => ({ forward: [`${c.name} = ${c.inputs.join(' + ')}`] }),
};
