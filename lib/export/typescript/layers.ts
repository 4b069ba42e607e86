import { ACTIVATIONS } from '../../compiler/layers/activation';
import type { LayerKind } from '../../project/kinds';
import type { IrNode } from '../model-ir';
import { tsString } from './escape';

/**
 * One entry per layer kind: the tfjs expression that builds the node from its inputs' variables,
 * or null for a node that adds no layer (the Output, a Flatten of an already flat tensor).
 * `Record<LayerKind, …>`: a new kind fails type-checking until it can be exported.
 */
type Emit = (node: IrNode, inputs: string[]) => string | null;

const num = (value: unknown): string => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`a layer parameter is not a finite number: ${String(value)}`);
  return String(n);
};
const bool = (value: unknown): string => (value ? 'true' : 'false');
const shape = (dims: readonly number[]): string => `[${dims.map(num).join(', ')}]`;
const choice = <T extends string>(value: unknown, allowed: readonly T[]): string => {
  if (!allowed.includes(value as T)) throw new Error(`unexpected layer option ${String(value)}`);
  return `'${value as T}'`;
};

/** `apply(tf.layers.x({ …, name: "<id>" }), input)` with the id escaped. */
function layer(factory: string, args: string[], node: IrNode, inputs: string[]): string {
  const config = [...args, `name: ${tsString(node.id)}`].join(', ');
  const input = inputs.length === 1 ? inputs[0]! : `[${inputs.join(', ')}]`;
  return `apply(tf.layers.${factory}({ ${config} }), ${input})`;
}

const PADDINGS = ['same', 'valid'] as const;

export const TS_LAYERS: Record<LayerKind, Emit> = {
  noise: (n) => `tf.input({ shape: ${shape(n.shape)}, name: ${tsString(n.id)} })`,
  label: (n) => `tf.input({ shape: ${shape(n.shape)}, name: ${tsString(n.id)} })`,
  data: (n) => `tf.input({ shape: ${shape(n.shape)}, name: ${tsString(n.id)} })`,
  dense: (n, x) => layer('dense', [`units: ${num(n.params.units)}`, `useBias: ${bool(n.params.useBias)}`], n, x),
  conv2d: (n, x) =>
    layer(
      'conv2d',
      [
        `filters: ${num(n.params.filters)}`,
        `kernelSize: ${num(n.params.kernelSize)}`,
        `strides: ${num(n.params.strides)}`,
        `padding: ${choice(n.params.padding, PADDINGS)}`,
        `useBias: ${bool(n.params.useBias)}`,
      ],
      n,
      x,
    ),
  conv2dTranspose: (n, x) =>
    layer(
      'conv2dTranspose',
      [
        `filters: ${num(n.params.filters)}`,
        `kernelSize: ${num(n.params.kernelSize)}`,
        `strides: ${num(n.params.strides)}`,
        `padding: ${choice(n.params.padding, PADDINGS)}`,
        `useBias: ${bool(n.params.useBias)}`,
      ],
      n,
      x,
    ),
  upSampling2d: (n, x) =>
    layer(
      'upSampling2d',
      [
        `size: [${num(n.params.size)}, ${num(n.params.size)}]`,
        `interpolation: ${choice(n.params.interpolation, ['nearest', 'bilinear'] as const)}`,
      ],
      n,
      x,
    ),
  maxPooling2d: (n, x) => layer('maxPooling2d', poolArgs(n), n, x),
  averagePooling2d: (n, x) => layer('averagePooling2d', poolArgs(n), n, x),
  batchNorm: (n, x) =>
    layer(
      'batchNormalization',
      [
        `momentum: ${num(n.params.momentum)}`,
        `epsilon: ${num(n.params.epsilon)}`,
        `center: ${bool(n.params.center)}`,
        `scale: ${bool(n.params.scale)}`,
      ],
      n,
      x,
    ),
  layerNorm: (n, x) => layer('layerNormalization', [`epsilon: ${num(n.params.epsilon)}`], n, x),
  dropout: (n, x) => layer('dropout', [`rate: ${num(n.params.rate)}`], n, x),
  activation: (n, x) => {
    const fn = choice(n.params.fn, ACTIVATIONS);
    return fn === "'leakyRelu'"
      ? layer('leakyReLU', [`alpha: ${num(n.params.alpha)}`], n, x)
      : layer('activation', [`activation: ${fn}`], n, x);
  },
  rescale: (n, x) => layer('rescaling', [`scale: ${num(n.params.scale)}`, `offset: ${num(n.params.offset)}`], n, x),
  reshape: (n, x) => layer('reshape', [`targetShape: ${shape(n.params.targetShape as number[])}`], n, x),
  // tfjs's Flatten refuses a rank-1 input; the app passes it through, and so does the export.
  flatten: (n, x) => ((n.inputShapes[0]?.length ?? 0) <= 1 ? null : layer('flatten', [], n, x)),
  concatenate: (n, x) => {
    const rank = n.inputShapes[0]!.length;
    const axis = Number(n.params.axis);
    return layer('concatenate', [`axis: ${num((axis < 0 ? rank + axis : axis) + 1)}`], n, x);
  },
  add: (n, x) => layer('add', [], n, x),
  output: () => null,
};

function poolArgs(n: IrNode): string[] {
  const size = num(n.params.poolSize);
  const strides = n.params.strides === null || n.params.strides === undefined ? size : num(n.params.strides);
  return [`poolSize: ${size}`, `strides: ${strides}`, `padding: ${choice(n.params.padding, PADDINGS)}`];
}
