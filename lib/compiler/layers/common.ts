import { z } from 'zod';
import type * as TF from '@tensorflow/tfjs';
import { bi } from '../../i18n/bi';
import { fmt, type BuildContext, type InferResult, type Shape, type Tfjs, type BiText } from '../types';

type Title = BiText;

/** The inspector's names of the params that several kinds share, for the specs' `labels`. */
export const PARAM = {
  units: { en: 'units', zh: '单元数' },
  useBias: { en: 'use bias', zh: '使用偏置' },
  filters: { en: 'filters', zh: '滤波器数' },
  kernelSize: { en: 'kernel size', zh: '卷积核大小' },
  strides: { en: 'strides', zh: '步幅' },
  padding: { en: 'padding', zh: '填充' },
  poolSize: { en: 'pool size', zh: '池化窗口' },
  momentum: { en: 'momentum', zh: '动量' },
  epsilon: { en: 'epsilon', zh: 'ε（数值稳定项）' },
  axis: { en: 'axis', zh: '轴' },
} as const satisfies Record<string, BiText>;

/** A summary that reads the same in both languages (numbers, function names). */
export const same = (text: string): BiText => ({ en: text, zh: text });

/** Words of the summaries that name a param value, in Chinese. */
const VALUE_ZH: Record<string, string> = { normal: '正态', uniform: '均匀', nearest: '最近邻', bilinear: '双线性' };
export const valueZh = (value: unknown): string => VALUE_ZH[String(value)] ?? String(value);

/** Conv2D's and Conv2DTranspose's summary: "64 filters · 4×4 · s2 · same". */
export function convSummary(p: { filters: number; kernelSize: number; strides: number; padding: Padding }): BiText {
  const kernel = `${p.kernelSize}×${p.kernelSize}`;
  return {
    en: `${p.filters} filters · ${kernel} · s${p.strides} · ${p.padding}`,
    zh: `${p.filters} 个卷积核 · ${kernel} · 步长 ${p.strides} · ${p.padding}`,
  };
}

export const paddingSchema = z.enum(['same', 'valid']).default('same');
export type Padding = 'same' | 'valid';

/** An integer param in [min, max] with a default. */
export function int(min: number, max: number, fallback: number) {
  return z.number().int().min(min).max(max).default(fallback);
}

/** tfjs's `convOutputLength` (dilation 1): the length a conv or pool leaves along one axis. */
export function convLength(length: number, kernel: number, stride: number, padding: Padding): number {
  const span = padding === 'same' ? length : length - kernel + 1;
  return Math.floor((span + stride - 1) / stride);
}

/** tfjs's `deconvLength`: the length a transposed conv produces along one axis. */
export function deconvLength(length: number, kernel: number, stride: number, padding: Padding): number {
  return padding === 'same' ? length * stride : length * stride + Math.max(kernel - stride, 0);
}

/** Checks that a layer receives an image `[height, width, channels]`. */
export function needsImage(title: Title, input: Shape): InferResult | null {
  if (input.length === 3) return null;
  const guess = input.length === 1 ? fmt(squareGuess(input[0] ?? 0)) : null;
  return {
    error: bi(
      `${title.en} expects an image [height,width,channels] but receives ${fmt(input)}.${guess ? ` Add a Reshape before it, e.g. to ${guess}.` : ' Add a Reshape before it to make the input [height,width,channels].'}`,
      `${title.zh}需要图像输入 [高,宽,通道]，但收到 ${fmt(input)}。${guess ? `请在它前面加一个重塑层，例如重塑为 ${guess}。` : '请在它前面加一个重塑层，把输入变成 [高,宽,通道]。'}`,
    ),
  };
}

function squareGuess(n: number): Shape {
  for (const c of [1, 3, 64, 128, 256, 32, 16]) {
    const side = Math.sqrt(n / c);
    if (Number.isInteger(side) && side > 0) return [side, side, c];
  }
  return [n, 1, 1];
}

const WINDOW = { kernel: '卷积核', pool: '池化窗口' } as const;

/** Checks that a kernel or pool window fits a 'valid'-padded input. */
export function windowFits(title: Title, what: keyof typeof WINDOW, param: string, window: number, input: Shape): InferResult | null {
  const [h = 0, w = 0] = input;
  if (window <= h && window <= w) return null;
  const most = Math.min(h, w);
  return {
    error: bi(
      `${title.en} ${what} ${window}×${window} is larger than its input ${h}×${w} (from ${fmt(input)}) with 'valid' padding. Use a ${what} of at most ${most}, or padding 'same'.`,
      `${title.zh}的${WINDOW[what]} ${window}×${window} 比输入 ${h}×${w}（来自 ${fmt(input)}）还大，而填充方式是 'valid'。请把${WINDOW[what]}改为不超过 ${most}，或把填充改为 'same'。`,
    ),
    param,
  };
}

export function applyOne(layer: TF.layers.Layer, x: TF.SymbolicTensor): TF.SymbolicTensor {
  return layer.apply(x) as TF.SymbolicTensor;
}

/**
 * Glorot-uniform kernels seeded per layer when the build has a seed (reproducible runs and
 * tests), tfjs's default otherwise. The seed mixes the run seed with the layer name (FNV-1a).
 */
export function kernelInit(tf: Tfjs, ctx: BuildContext, name: string) {
  if (ctx.seed === undefined) return undefined;
  let h = 0x811c9dc5 ^ ctx.seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return tf.initializers.glorotUniform({ seed: (h >>> 0) % 2147483647 });
}
