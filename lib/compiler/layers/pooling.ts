import { z } from 'zod';
import type * as TF from '@tensorflow/tfjs';
import type { LayerKind } from '../../project/kinds';
import { defineLayer, type BiText, type LayerSpec, type Tfjs } from '../types';
import { applyOne, convLength, int, needsImage, PARAM, windowFits } from './common';

const schema = z.object({
  poolSize: int(1, 8, 2),
  /** Defaults to the pool size, as in tfjs and Keras. */
  strides: z.number().int().min(1).max(8).nullable().default(null),
  padding: z.enum(['valid', 'same']).default('valid'),
});
type PoolParams = z.infer<typeof schema>;
type PoolLayer = (args: Parameters<typeof TF.layers.maxPooling2d>[0]) => TF.layers.Layer;

/** Max and average pooling share everything but the tfjs constructor. */
export function poolingLayer(
  kind: Extract<LayerKind, 'maxPooling2d' | 'averagePooling2d'>,
  title: BiText,
  ctor: (tf: Tfjs) => PoolLayer,
  doc: BiText,
): LayerSpec {
  return defineLayer<PoolParams>({
    kind,
    title,
    category: 'Convolution',
    schema,
    labels: { poolSize: PARAM.poolSize, strides: PARAM.strides, padding: PARAM.padding },
    summary: (p) => {
      const window = `${p.poolSize}×${p.poolSize}`;
      const strides = p.strides ?? p.poolSize;
      return { en: `${window} · s${strides}`, zh: `${window} · 步长 ${strides}` };
    },
    arity: 'one',
    infer: ([input = []], p) => {
      const bad = needsImage(title, input) ?? (p.padding === 'valid' ? windowFits(title, 'pool', 'poolSize', p.poolSize, input) : null);
      if (bad) return bad;
      const [h = 0, w = 0, c = 0] = input;
      const s = p.strides ?? p.poolSize;
      return { shape: [convLength(h, p.poolSize, s, p.padding), convLength(w, p.poolSize, s, p.padding), c], params: 0 };
    },
    build: (tf, [x], p, name) =>
      applyOne(ctor(tf)({ poolSize: p.poolSize, strides: p.strides ?? p.poolSize, padding: p.padding, name }), x!),
    doc,
  });
}
