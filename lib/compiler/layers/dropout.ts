import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne } from './common';

export default defineLayer({
  kind: 'dropout',
  title: { en: 'Dropout', zh: '随机失活' },
  category: 'Core',
  schema: z.object({ rate: z.number().min(0).max(0.95).default(0.3) }),
  labels: { rate: { en: 'rate', zh: '比率' } },
  summary: (p) => ({ en: `rate ${p.rate}`, zh: `比率 ${p.rate}` }),
  arity: 'one',
  infer: ([input = []]) => ({ shape: [...input], params: 0 }),
  build: (tf, [x], p, name) => applyOne(tf.layers.dropout({ rate: p.rate, name }), x!),
  doc: {
    en: 'During training, zeroes a random fraction of values; keeps D from memorising the data.',
    zh: '训练时随机将一部分值置零，防止判别器记住数据。',
  },
});
