import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne, convSummary, deconvLength, int, kernelInit, needsImage, paddingSchema, PARAM } from './common';

const title = { en: 'Conv2DTranspose', zh: '转置卷积' };

export default defineLayer({
  kind: 'conv2dTranspose',
  title,
  category: 'Convolution',
  schema: z.object({
    filters: int(1, 4096, 64),
    kernelSize: int(1, 15, 4),
    strides: int(1, 8, 2),
    padding: paddingSchema,
    useBias: z.boolean().default(true),
  }),
  labels: { filters: PARAM.filters, kernelSize: PARAM.kernelSize, strides: PARAM.strides, padding: PARAM.padding, useBias: PARAM.useBias },
  summary: convSummary,
  arity: 'one',
  infer: ([input = []], p) => {
    const bad = needsImage(title, input);
    if (bad) return bad;
    const [h = 0, w = 0, c = 0] = input;
    return {
      shape: [deconvLength(h, p.kernelSize, p.strides, p.padding), deconvLength(w, p.kernelSize, p.strides, p.padding), p.filters],
      params: p.kernelSize * p.kernelSize * c * p.filters + (p.useBias ? p.filters : 0),
    };
  },
  build: (tf, [x], p, name, ctx) =>
    applyOne(
      tf.layers.conv2dTranspose({
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
    en: 'A learned upsampling: with strides 2 and padding same it doubles height and width. The DCGAN generator’s workhorse.',
    zh: '可学习的上采样：步长 2、same 填充时高宽各翻倍。DCGAN 生成器的主力层。',
  },
});
