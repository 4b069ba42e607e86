import { z } from 'zod';
import { defineLayer, fmt } from '../types';

export default defineLayer({
  kind: 'add',
  title: { en: 'Add', zh: '相加' },
  category: 'Merge',
  schema: z.object({}),
  arity: 'many',
  infer: (inputs) => {
    const first = inputs[0] ?? [];
    if (inputs.some((s) => fmt(s) !== fmt(first))) {
      return { error: `Add needs inputs of one shape but receives ${inputs.map(fmt).join(', ')}. Reshape or resize them to match.` };
    }
    return { shape: [...first], params: 0 };
  },
  build: (tf, inputs, _p, name) => tf.layers.add({ name }).apply(inputs) as ReturnType<typeof tf.input>,
  doc: {
    en: 'Adds two or more inputs of the same shape element-wise, as in a residual connection.',
    zh: '把两个或更多同形状输入逐元素相加，如残差连接。',
  },
});
