import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer, fmt, product } from '../types';
import { applyOne, same } from './common';

const dim = z
  .number()
  .int()
  .refine((v) => v === -1 || (v >= 1 && v <= 65536), {
    message: 'each size is a whole number from 1 to 65536, or -1 once',
    params: { zh: '每个维度是 1 到 65536 的整数，或者只出现一次的 -1' },
  });

export default defineLayer({
  kind: 'reshape',
  title: { en: 'Reshape', zh: '重塑' },
  category: 'Shape',
  schema: z.object({ targetShape: z.array(dim).min(1).max(4).default([7, 7, 64]) }),
  labels: { targetShape: { en: 'target shape', zh: '目标形状' } },
  summary: (p) => same(Array.isArray(p.targetShape) ? `→ ${p.targetShape.join('×')}` : ''),
  arity: 'one',
  infer: ([input = []], p) => {
    const total = product(input);
    const target = p.targetShape;
    const unknown = target.filter((d) => d === -1).length;
    if (unknown > 1) {
      return {
        error: bi(
          `Reshape to ${fmt(target)} has more than one -1; only one size can be inferred.`,
          `重塑为 ${fmt(target)} 时出现了不止一个 -1；只能推断一个维度。`,
        ),
        param: 'targetShape',
      };
    }
    const known = product(target.filter((d) => d !== -1));
    if (unknown === 1) {
      if (total % known !== 0) {
        return {
          error: bi(
            `Reshape to ${fmt(target)} cannot infer -1: ${total} values (from ${fmt(input)}) do not divide by ${known}. Change targetShape or the layer before it.`,
            `重塑为 ${fmt(target)} 无法推断 -1：${total} 个值（来自 ${fmt(input)}）不能被 ${known} 整除。请修改 targetShape 或它前面的层。`,
          ),
          param: 'targetShape',
        };
      }
      return { shape: target.map((d) => (d === -1 ? total / known : d)), params: 0 };
    }
    if (known !== total) {
      return {
        error: bi(
          `Reshape to ${fmt(target)} needs ${known} values but receives ${total} (from ${fmt(input)}). Change targetShape or the units before it.`,
          `重塑为 ${fmt(target)} 需要 ${known} 个值，但收到 ${total} 个（来自 ${fmt(input)}）。请修改 targetShape 或它前面的单元数。`,
        ),
        param: 'targetShape',
      };
    }
    return { shape: [...target], params: 0 };
  },
  // tfjs leaves a -1 unknown in the symbolic shape; resolving it here keeps the model's shapes concrete.
  build: (tf, [x], p, name) => {
    const total = product(x!.shape.slice(1) as number[]);
    const known = product(p.targetShape.filter((d) => d !== -1));
    const targetShape = p.targetShape.map((d) => (d === -1 ? total / known : d));
    return applyOne(tf.layers.reshape({ targetShape, name }), x!);
  },
  doc: {
    en: 'Rearranges the same values into a new shape, e.g. a 3136-vector into a 7×7×64 image; -1 infers one size.',
    zh: '把同样的数值排成新的形状，例如把 3136 维向量变成 7×7×64 的图像；-1 表示自动推断该维。',
  },
});
