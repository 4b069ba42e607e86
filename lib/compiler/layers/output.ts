import { z } from 'zod';
import { defineLayer } from '../types';
import { same } from './common';

export default defineLayer({
  kind: 'output',
  title: { en: 'Output', zh: '输出' },
  category: 'Output',
  schema: z.object({}),
  labels: {},
  summary: () => same(''),
  arity: 'one',
  infer: ([input = []]) => ({ shape: [...input], params: 0 }),
  build: (_tf, [x]) => x!,
  doc: {
    en: 'Marks the network’s output: G’s must match a data sample, D’s is one score per sample.',
    zh: '标记网络的输出：生成器的输出须与数据样本形状一致，判别器对每个样本输出一个分数。',
  },
});
