import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt } from '../types';
import { same } from './common';

export default defineLayer({
  kind: 'add',
  title: { en: 'Add', zh: '相加' },
  category: 'Merge',
  schema: z.object({}),
  labels: {},
  summary: () => same(''),
  arity: 'many',
  infer: (inputs) => {
    const first = inputs[0] ?? [];
    if (inputs.some((s) => fmt(s) !== fmt(first))) {
      const list = inputs.map(fmt).join(', ');
      return {
        error: bi(
          `Add needs inputs of one shape but receives ${list}. Reshape or resize them to match.`,
          `相加层要求所有输入形状相同，但收到 ${list}。请重塑或缩放它们，使形状一致。`,
        ),
      };
    }
    return { shape: [...first], params: 0 };
  },
  build: (tf, inputs, _p, name) => tf.layers.add({ name }).apply(inputs) as ReturnType<typeof tf.input>,
  doc: {
    en: 'Adds two or more inputs of the same shape element-wise, as in a residual connection.',
    zh: '把两个或更多同形状输入逐元素相加，如残差连接。',
  },
});
