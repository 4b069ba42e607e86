import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt } from '../types';
import { applyOne, PARAM, same } from './common';

export default defineLayer({
  kind: 'batchNorm',
  title: { en: 'BatchNorm', zh: '批归一化' },
  category: 'Normalization',
  schema: z.object({
    momentum: z.number().min(0).lt(1).default(0.99),
    epsilon: z.number().positive().max(1).default(1e-3),
    center: z.boolean().default(true),
    scale: z.boolean().default(true),
  }),
  labels: {
    momentum: PARAM.momentum,
    epsilon: PARAM.epsilon,
    center: { en: 'center', zh: '中心化 (β)' },
    scale: { en: 'scale', zh: '缩放 (γ)' },
  },
  summary: () => same(''),
  arity: 'one',
  infer: ([input = []], p) => {
    // tfjs cannot take the gradient of a BatchNorm without beta or gamma (tfjs issue 2868).
    if (!p.center) {
      return {
        error: bi(
          'BatchNorm must keep center (beta): tfjs cannot train a BatchNorm without it. Turn center back on.',
          '批归一化必须保留 center（beta）：没有它，tfjs 无法训练批归一化。请重新打开 center。',
        ),
        param: 'center',
      };
    }
    if (!p.scale) {
      return {
        error: bi(
          'BatchNorm must keep scale (gamma): tfjs cannot train a BatchNorm without it. Turn scale back on.',
          '批归一化必须保留 scale（gamma）：没有它，tfjs 无法训练批归一化。请重新打开 scale。',
        ),
        param: 'scale',
      };
    }
    if (input.length === 0)
      return {
        error: bi(
          `BatchNorm needs an input with a channel axis but receives ${fmt(input)}.`,
          `批归一化需要带通道维的输入，但收到 ${fmt(input)}。`,
        ),
      };
    const channels = input[input.length - 1] ?? 0;
    // gamma, beta, moving mean and moving variance: one of each per channel.
    return { shape: [...input], params: 4 * channels };
  },
  build: (tf, [x], p, name) =>
    applyOne(tf.layers.batchNormalization({ momentum: p.momentum, epsilon: p.epsilon, center: p.center, scale: p.scale, name }), x!),
  doc: {
    en: 'Normalises each channel over the batch, then scales and shifts it; steadies DCGAN training.',
    zh: '在批次上对每个通道做归一化再缩放平移，使 DCGAN 训练更稳定。',
  },
});
