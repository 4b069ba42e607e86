import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt, product } from '../types';
import { applyOne, same } from './common';

export default defineLayer({
  kind: 'flatten',
  title: { en: 'Flatten', zh: '展平' },
  category: 'Shape',
  schema: z.object({}),
  labels: {},
  summary: () => same(''),
  arity: 'one',
  infer: ([input = []]) =>
    input.length <= 1
      ? {
          shape: [...input],
          params: 0,
          warning: bi(
            `Flatten receives ${fmt(input)}, which is already flat; it does nothing here and can be deleted.`,
            `展平层收到的 ${fmt(input)} 已经是一维的；它在这里不起作用，可以删除。`,
          ),
        }
      : { shape: [product(input)], params: 0 },
  // tfjs's Flatten refuses rank-1 inputs; an already-flat tensor passes through unchanged.
  build: (tf, [x], _p, name) => (x!.shape.length <= 2 ? x! : applyOne(tf.layers.flatten({ name }), x!)),
  doc: {
    en: 'Lays an image out as one long vector so Dense layers can take it.',
    zh: '把图像展开成一个长向量，以便全连接层处理。',
  },
});
