import { z } from 'zod';
import { NOISE_DISTRIBUTIONS } from '../../project/kinds';
import { defineLayer } from '../types';
import { int } from './common';

export default defineLayer({
  kind: 'noise',
  title: { en: 'Noise', zh: '噪声' },
  category: 'Inputs',
  schema: z.object({ dim: int(1, 4096, 64), distribution: z.enum(NOISE_DISTRIBUTIONS).default('normal') }),
  arity: 'source',
  roles: ['generator'],
  infer: (_inputs, p) => ({ shape: [p.dim], params: 0 }),
  build: (tf, _inputs, p, name) => tf.input({ shape: [p.dim], name }),
  doc: {
    en: 'The generator’s input: a random vector z drawn from a normal or uniform distribution.',
    zh: '生成器的输入：从正态或均匀分布中采样的随机向量 z。',
  },
});
