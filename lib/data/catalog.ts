import type { BiText } from '../i18n/locale';
import type { DatasetRef } from '../project/schema';

/** What the compiler needs to know about a dataset without loading it. */
export interface DatasetInfo {
  /** One sample's shape, batch excluded, channels-last. */
  shape: number[];
  /** The interval practically all values fall in; the G output activation must reach it. */
  range: [number, number];
  /** Values are scaled into exactly this closed interval (images), rather than merely lying in it. */
  bounded: boolean;
  /** Present when every sample has a class label (conditional GANs). */
  numClasses?: number;
  title: BiText;
}

export { DATASET_DEFAULTS } from '../project/dataset-defaults';

/** Shape, value range and labels of a dataset reference. */
export function datasetInfo(ref: DatasetRef): DatasetInfo {
  switch (ref.id) {
    case 'gaussian-1d': {
      const { mean, std } = ref.options;
      return { shape: [1], range: [mean - 4 * std, mean + 4 * std], bounded: false, title: { en: '1-D Gaussian', zh: '一维高斯分布' } };
    }
    case 'ring-8': {
      const r = ref.options.radius + 4 * ref.options.std;
      return { shape: [2], range: [-r, r], bounded: false, title: { en: '8 Gaussians on a ring', zh: '环形 8 高斯' } };
    }
    case 'grid-25': {
      const r = 2 * ref.options.spacing + 4 * ref.options.std;
      return { shape: [2], range: [-r, r], bounded: false, title: { en: '5×5 grid of Gaussians', zh: '5×5 网格高斯' } };
    }
    case 'mnist':
      return { shape: [28, 28, 1], range: [-1, 1], bounded: true, numClasses: 10, title: { en: 'MNIST digits', zh: 'MNIST 手写数字' } };
    case 'fashion-mnist':
      return {
        shape: [28, 28, 1],
        range: [-1, 1],
        bounded: true,
        numClasses: 10,
        title: { en: 'Fashion-MNIST', zh: 'Fashion-MNIST 服饰' },
      };
    case 'images': {
      const { width, height, channels } = ref.options;
      return { shape: [height, width, channels], range: [-1, 1], bounded: true, title: { en: 'Your images', zh: '自定义图片' } };
    }
  }
}
