import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne, convLength, convSummary, int, kernelInit, needsImage, paddingSchema, PARAM, windowFits } from './common';

const title = { en: 'Conv2D', zh: '二维卷积' };

export default defineLayer({
  kind: 'conv2d',
  title,
  category: 'Convolution',
  schema: z.object({
    filters: int(1, 4096, 64),
    kernelSize: int(1, 15, 3),
    strides: int(1, 8, 1),
    padding: paddingSchema,
    useBias: z.boolean().default(true),
  }),
  labels: { filters: PARAM.filters, kernelSize: PARAM.kernelSize, strides: PARAM.strides, padding: PARAM.padding, useBias: PARAM.useBias },
  summary: convSummary,
  arity: 'one',
  infer: ([input = []], p) => {
    const bad = needsImage(title, input) ?? (p.padding === 'valid' ? windowFits(title, 'kernel', 'kernelSize', p.kernelSize, input) : null);
    if (bad) return bad;
    const [h = 0, w = 0, c = 0] = input;
    return {
      shape: [convLength(h, p.kernelSize, p.strides, p.padding), convLength(w, p.kernelSize, p.strides, p.padding), p.filters],
      params: p.kernelSize * p.kernelSize * c * p.filters + (p.useBias ? p.filters : 0),
    };
  },
  build: (tf, [x], p, name, ctx) =>
    applyOne(
      tf.layers.conv2d({
        filters: p.filters,
        kernelSize: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        useBias: p.useBias,
        name,
        kernelInitializer: kernelInit(tf, ctx, name),
      }),
      x!,
    ),
  doc: {
    en: 'Slides learned filters over the image; strides above 1 shrink it. The discriminator’s workhorse.',
    zh: '在图像上滑动可学习的卷积核；步长大于 1 时会缩小图像。判别器的主力层。',
  },
});
