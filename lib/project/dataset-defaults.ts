import type { DatasetId } from './kinds';
import type { DatasetRef } from './schema';

/** Default options per dataset, used by "New" and by presets. */
export const DATASET_DEFAULTS: { [K in DatasetId]: Extract<DatasetRef, { id: K }> } = {
  'gaussian-1d': { id: 'gaussian-1d', options: { mean: 4, std: 0.5 } },
  'ring-8': { id: 'ring-8', options: { radius: 1, std: 0.01 } },
  'grid-25': { id: 'grid-25', options: { spacing: 2, std: 0.05 } },
  mnist: { id: 'mnist', options: {} },
  'fashion-mnist': { id: 'fashion-mnist', options: {} },
  images: { id: 'images', options: { width: 32, height: 32, channels: 3 } },
};
