import { z } from 'zod';
import { defineLayer } from '../types';
import { applyOne, int, needsImage, valueZh } from './common';

const title = { en: 'UpSampling2D', zh: '上采样' };

export default defineLayer({
  kind: 'upSampling2d',
  title,
  category: 'Convolution',
  schema: z.object({ size: int(1, 8, 2), interpolation: z.enum(['nearest', 'bilinear']).default('nearest') }),
  labels: { size: { en: 'size', zh: '倍数' }, interpolation: { en: 'interpolation', zh: '插值方式' } },
  summary: (p) => ({ en: `×${p.size} · ${p.interpolation}`, zh: `×${p.size} · ${valueZh(p.interpolation)}` }),
  arity: 'one',
  infer: ([input = []], p) => {
    const bad = needsImage(title, input);
    if (bad) return bad;
    const [h = 0, w = 0, c = 0] = input;
    return { shape: [h * p.size, w * p.size, c], params: 0 };
  },
  build: (tf, [x], p, name) => applyOne(tf.layers.upSampling2d({ size: [p.size, p.size], interpolation: p.interpolation, name }), x!),
  doc: {
    en: 'Repeats (or interpolates) pixels to enlarge the image by an integer factor; no weights.',
    zh: '按整数倍重复（或插值）像素来放大图像，没有参数。',
  },
});
