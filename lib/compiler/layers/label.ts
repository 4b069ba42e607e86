import { z } from 'zod';
import { bi } from '../../i18n/bi';
import { defineLayer } from '../types';
import { same } from './common';

export default defineLayer({
  kind: 'label',
  title: { en: 'Label', zh: '标签' },
  exportTitle: 'Label (one-hot)',
  category: 'Inputs',
  schema: z.object({}),
  labels: {},
  summary: () => same(''),
  arity: 'source',
  infer: (_inputs, _p, ctx) =>
    ctx.numClasses
      ? { shape: [ctx.numClasses * (ctx.pack ?? 1)], params: 0 }
      : {
          error: bi(
            'Label needs a dataset with classes, and this one has none. Pick a labelled dataset such as MNIST, or delete this node.',
            '标签需要带类别的数据集，而当前数据集没有类别。请选择 MNIST 等带标签的数据集，或删除这个节点。',
          ),
          code: 'no-labels',
        },
  build: (tf, _inputs, _p, name, ctx) => tf.input({ shape: [(ctx.numClasses ?? 0) * (ctx.pack ?? 1)], name }),
  doc: {
    en: 'The class label as a one-hot vector, for conditional GANs: feed the same label to G and D.',
    zh: '类别标签（独热向量），用于条件 GAN：生成器和判别器接收同一个标签。',
  },
});
