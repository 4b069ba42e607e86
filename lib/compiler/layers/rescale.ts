import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne, same } from './common';

const finite = z.number().refine(Number.isFinite, { message: 'a finite number', params: { zh: '应为有限的数' } });

export default defineLayer({
  kind: 'rescale',
  title: { en: 'Rescale', zh: '缩放' },
  category: 'Core',
  schema: z.object({
    scale: finite.refine((v) => v !== 0, { message: 'a scale other than 0', params: { zh: '缩放系数不能为 0' } }).default(1),
    offset: finite.default(0),
  }),
  labels: { scale: { en: 'scale', zh: '缩放系数' }, offset: { en: 'offset', zh: '偏移' } },
  summary: () => same(''),
  arity: 'one',
  infer: ([input = []]) => ({ shape: [...input], params: 0 }),
  build: (tf, [x], p, name) => applyOne(tf.layers.rescaling({ scale: p.scale, offset: p.offset, name }), x!),
  doc: {
    en: 'Multiplies every value by a fixed scale and adds an offset (no weights). Lets G and D work in unit scale when the data spans a wider range, e.g. scale 4 after G’s last Dense for data in [-4,4].',
    zh: '把每个值乘以固定系数再加偏移（没有参数）。数据范围较大时，让生成器和判别器在单位尺度上工作，例如数据在 [-4,4] 时在生成器最后的全连接层后乘以 4。',
  },
});
