import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne, same } from './common';

export const ACTIVATIONS = ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'elu', 'selu', 'softplus', 'linear'] as const;
export type ActivationFn = (typeof ACTIVATIONS)[number];

/** The interval each activation's outputs can take (open ends included as limits). */
export const ACTIVATION_RANGE: Record<ActivationFn, [number, number]> = {
  relu: [0, Infinity],
  leakyRelu: [-Infinity, Infinity],
  tanh: [-1, 1],
  sigmoid: [0, 1],
  elu: [-1, Infinity],
  selu: [-1.7581, Infinity],
  softplus: [0, Infinity],
  linear: [-Infinity, Infinity],
};

export default defineLayer({
  kind: 'activation',
  title: { en: 'Activation', zh: '激活函数' },
  category: 'Activation',
  schema: z.object({ fn: z.enum(ACTIVATIONS).default('relu'), alpha: z.number().min(0).max(1).default(0.2) }),
  labels: { fn: { en: 'fn', zh: '函数' }, alpha: { en: 'alpha', zh: 'α 斜率' } },
  // Function names read the same in both languages.
  summary: (p) => same(p.fn === 'leakyRelu' ? `leakyRelu α=${p.alpha}` : String(p.fn)),
  arity: 'one',
  infer: ([input = []]) => ({ shape: [...input], params: 0 }),
  build: (tf, [x], p, name) =>
    applyOne(p.fn === 'leakyRelu' ? tf.layers.leakyReLU({ alpha: p.alpha, name }) : tf.layers.activation({ activation: p.fn, name }), x!),
  doc: {
    en: 'Applies a non-linearity element-wise. tanh maps G’s output into [-1,1]; leakyRelu (alpha 0.2) is the GAN default in D.',
    zh: '逐元素施加非线性。tanh 把生成器输出映射到 [-1,1]；leakyRelu（alpha 0.2）是判别器的常用选择。',
  },
});
