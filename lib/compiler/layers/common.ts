import { z } from 'zod';
import type * as TF from '@tensorflow/tfjs';
import { fmt, type BuildContext, type InferResult, type Shape, type Tfjs } from '../types';

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
export function needsImage(title: string, input: Shape): InferResult | null {
  if (input.length === 3) return null;
  const hint =
    input.length === 1
      ? ` Add a Reshape before it, e.g. to ${fmt(squareGuess(input[0] ?? 0))}.`
      : ' Add a Reshape before it to make the input [height,width,channels].';
  return { error: `${title} expects an image [height,width,channels] but receives ${fmt(input)}.${hint}` };
}

function squareGuess(n: number): Shape {
  for (const c of [1, 3, 64, 128, 256, 32, 16]) {
    const side = Math.sqrt(n / c);
    if (Number.isInteger(side) && side > 0) return [side, side, c];
  }
  return [n, 1, 1];
}

/** Checks that a kernel or pool window fits a 'valid'-padded input. */
export function windowFits(title: string, what: string, param: string, window: number, input: Shape): InferResult | null {
  const [h = 0, w = 0] = input;
  if (window <= h && window <= w) return null;
  return {
    error: `${title} ${what} ${window}×${window} is larger than its input ${h}×${w} (from ${fmt(input)}) with 'valid' padding. Use a ${what} of at most ${Math.min(h, w)}, or padding 'same'.`,
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
