import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt, product } from '../types';
import { applyOne, int, kernelInit, PARAM } from './common';

export default defineLayer({
  kind: 'dense',
  title: { en: 'Dense', zh: '全连接' },
  category: 'Core',
  schema: z.object({ units: int(1, 65536, 128), useBias: z.boolean().default(true) }),
  labels: { units: PARAM.units, useBias: PARAM.useBias },
  summary: (p) => ({ en: `${p.units} unit${p.units === 1 ? '' : 's'}`, zh: `${p.units} 个单元` }),
  arity: 'one',
  infer: ([input = []], p) => {
    if (input.length !== 1) {
      const flat = product(input);
      return {
        error: bi(
          `Dense expects a flat vector but receives ${fmt(input)}. Add a Flatten before it (giving [${flat}]).`,
          `全连接层需要一维向量，但收到 ${fmt(input)}。请在它前面加一个展平层（得到 [${flat}]）。`,
        ),
      };
    }
    const inUnits = input[0] ?? 0;
    return { shape: [p.units], params: inUnits * p.units + (p.useBias ? p.units : 0) };
  },
  build: (tf, [x], p, name, ctx) =>
    applyOne(tf.layers.dense({ units: p.units, useBias: p.useBias, name, kernelInitializer: kernelInit(tf, ctx, name) }), x!),
  doc: {
    en: 'A fully connected layer: every output is a weighted sum of all inputs plus a bias.',
    zh: '全连接层：每个输出都是所有输入的加权和再加偏置。',
  },
});
