import { poolingLayer } from './pooling';

export default poolingLayer('maxPooling2d', { en: 'MaxPooling2D', zh: '最大池化' }, (tf) => tf.layers.maxPooling2d, {
  en: 'Keeps the largest value in each window, shrinking the image; no weights.',
  zh: '保留每个窗口中的最大值以缩小图像，没有参数。',
});
