import { z } from 'zod';
import { NOISE_DISTRIBUTIONS } from '../../project/kinds';
import { defineLayer } from '../types';
import { int, valueZh } from './common';

export default defineLayer({
  kind: 'noise',
  title: { en: 'Noise', zh: '噪声' },
  exportTitle: 'Noise z',
  category: 'Inputs',
  schema: z.object({ dim: int(1, 4096, 64), distribution: z.enum(NOISE_DISTRIBUTIONS).default('normal') }),
  labels: { dim: { en: 'dim', zh: '维度' }, distribution: { en: 'distribution', zh: '分布' } },
  summary: (p) => ({ en: `${p.dim} · ${p.distribution}`, zh: `${p.dim} 维 · ${valueZh(p.distribution)}` }),
  arity: 'source',
  roles: ['generator'],
  infer: (_inputs, p) => ({ shape: [p.dim], params: 0 }),
  build: (tf, _inputs, p, name) => tf.input({ shape: [p.dim], name }),
  doc: {
    en: 'The generator’s input: a random vector z drawn from a normal or uniform distribution.',
    zh: '生成器的输入：从正态或均匀分布中采样的随机向量 z。',
  },
});
