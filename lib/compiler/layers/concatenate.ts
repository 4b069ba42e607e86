import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt } from '../types';
import { PARAM } from './common';

export default defineLayer({
  kind: 'concatenate',
  title: { en: 'Concatenate', zh: '拼接' },
  category: 'Merge',
  schema: z.object({ axis: z.number().int().min(-4).max(3).default(-1) }),
  labels: { axis: PARAM.axis },
  summary: (p) => ({ en: `axis ${p.axis}`, zh: `轴 ${p.axis}` }),
  arity: 'many',
  infer: (inputs, p) => {
    const rank = inputs[0]?.length ?? 0;
    const list = inputs.map(fmt).join(', ');
    if (inputs.some((s) => s.length !== rank)) {
      return {
        error: bi(
          `Concatenate needs inputs of the same rank but receives ${list}. Flatten or Reshape them to match.`,
          `拼接层要求输入的维数相同，但收到 ${list}。请用展平层或重塑层让它们一致。`,
        ),
      };
    }
    const axis = p.axis < 0 ? rank + p.axis : p.axis;
    if (axis < 0 || axis >= rank) {
      return {
        error: bi(
          `Concatenate axis ${p.axis} does not exist for inputs of rank ${rank} (${list}). Use -1 for the last axis.`,
          `拼接层的 axis ${p.axis} 对 ${rank} 维的输入（${list}）不存在。用 -1 表示最后一维。`,
        ),
        param: 'axis',
      };
    }
    const mismatch = inputs.some((s) => s.some((d, i) => i !== axis && d !== inputs[0]![i]));
    if (mismatch) {
      return {
        error: bi(
          `Concatenate along axis ${p.axis} needs every other size equal, but receives ${list}. Reshape the inputs or change axis.`,
          `沿 axis ${p.axis} 拼接时，其余各维的大小必须相同，但收到 ${list}。请重塑输入或修改 axis。`,
        ),
      };
    }
    const shape = [...inputs[0]!];
    shape[axis] = inputs.reduce((sum, s) => sum + (s[axis] ?? 0), 0);
    return { shape, params: 0 };
  },
  // tfjs counts the batch axis; GANvas shapes do not.
  build: (tf, inputs, p, name) => {
    const rank = inputs[0]!.shape.length - 1;
    const axis = (p.axis < 0 ? rank + p.axis : p.axis) + 1;
    return tf.layers.concatenate({ axis, name }).apply(inputs) as ReturnType<typeof tf.input>;
  },
  doc: {
    en: 'Joins two or more inputs along an axis, e.g. noise and a one-hot label in a conditional GAN.',
    zh: '沿某个维度拼接两个或更多输入，例如条件 GAN 中把噪声和独热标签拼在一起。',
  },
});
