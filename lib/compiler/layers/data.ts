import { z } from 'zod';
import { packedShape } from '../pack';
import { defineLayer } from '../types';
import { same } from './common';

export default defineLayer({
  kind: 'data',
  title: { en: 'Data', zh: '数据' },
  exportTitle: 'Data x',
  category: 'Inputs',
  schema: z.object({}),
  labels: {},
  summary: () => same(''),
  arity: 'source',
  roles: ['discriminator'],
  infer: (_inputs, _p, ctx) => ({ shape: packedShape(ctx.dataShape, ctx.pack ?? 1), params: 0 }),
  build: (tf, _inputs, _p, name, ctx) => tf.input({ shape: packedShape(ctx.dataShape, ctx.pack ?? 1), name }),
  doc: {
    en: 'The discriminator’s input: a real sample from the dataset or a generated one, in the dataset’s shape. With packing (PacGAN) set in Training, m samples side by side: the last axis m times as long.',
    zh: '判别器的输入：来自数据集的真实样本或生成样本，形状与数据集一致。若在“训练”中设置了打包（PacGAN），则是并排的 m 个样本：最后一维变为 m 倍。',
  },
});
