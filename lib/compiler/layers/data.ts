import { z } from 'zod';
import { defineLayer } from '../types';

export default defineLayer({
  kind: 'data',
  title: { en: 'Data', zh: '数据' },
  category: 'Inputs',
  schema: z.object({}),
  arity: 'source',
  roles: ['discriminator'],
  infer: (_inputs, _p, ctx) => ({ shape: [...ctx.dataShape], params: 0 }),
  build: (tf, _inputs, _p, name, ctx) => tf.input({ shape: [...ctx.dataShape], name }),
  doc: {
    en: 'The discriminator’s input: a real sample from the dataset or a generated one, in the dataset’s shape.',
    zh: '判别器的输入：来自数据集的真实样本或生成样本，形状与数据集一致。',
  },
});
