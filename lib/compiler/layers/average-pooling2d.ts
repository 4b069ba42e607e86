import { poolingLayer } from './pooling';

export default poolingLayer('averagePooling2d', { en: 'AveragePooling2D', zh: '平均池化' }, (tf) => tf.layers.averagePooling2d, {
  en: 'Averages each window, shrinking the image smoothly; no weights.',
  zh: '对每个窗口取平均以平滑地缩小图像，没有参数。',
});
