/**
 * Every layer kind a GANvas graph may hold. The compiler's registry is a
 * `Record<LayerKind, LayerSpec>`, so adding a name here without a spec fails type-checking.
 */
export const LAYER_KINDS = [
  'noise',
  'label',
  'data',
  'dense',
  'conv2d',
  'conv2dTranspose',
  'upSampling2d',
  'maxPooling2d',
  'averagePooling2d',
  'batchNorm',
  'layerNorm',
  'dropout',
  'activation',
  'rescale',
  'reshape',
  'flatten',
  'concatenate',
  'add',
  'output',
] as const;

export type LayerKind = (typeof LAYER_KINDS)[number];

export const DATASET_IDS = ['gaussian-1d', 'ring-8', 'grid-25', 'mnist', 'fashion-mnist', 'images'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const LOSS_KINDS = ['minimax', 'non-saturating', 'least-squares', 'wasserstein-gp', 'hinge'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

export const NOISE_DISTRIBUTIONS = ['normal', 'uniform'] as const;
export type NoiseDistribution = (typeof NOISE_DISTRIBUTIONS)[number];

export type Role = 'generator' | 'discriminator';
