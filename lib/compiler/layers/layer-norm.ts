import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt } from '../types';
import { applyOne, PARAM, same } from './common';

export default defineLayer({
  kind: 'layerNorm',
  title: { en: 'LayerNorm', zh: '层归一化' },
  category: 'Normalization',
  schema: z.object({ epsilon: z.number().positive().max(1).default(1e-3) }),
  labels: { epsilon: PARAM.epsilon },
  summary: () => same(''),
  arity: 'one',
  infer: ([input = []]) => {
    if (input.length === 0)
      return {
        error: bi(
          `LayerNorm needs an input with a feature axis but receives ${fmt(input)}.`,
          `层归一化需要带特征维的输入，但收到 ${fmt(input)}。`,
        ),
      };
    return { shape: [...input], params: 2 * (input[input.length - 1] ?? 0) };
  },
  build: (tf, [x], p, name) => applyOne(tf.layers.layerNormalization({ epsilon: p.epsilon, name }), x!),
  doc: {
    en: 'Normalises each sample over its last axis; independent of the batch, so safe in a WGAN-GP critic.',
    zh: '在每个样本的最后一个维度上归一化，与批次无关，适合 WGAN-GP 的评论器。',
  },
});
