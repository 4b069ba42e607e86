import type { BiText } from '../../i18n/locale';
import type { GanProject } from '../schema';
import { cganMnist } from './cgan-mnist';
import { dcganMnist } from './dcgan-mnist';
import { gan1dGaussian } from './gan-1d-gaussian';
import { gan2dRing } from './gan-2d-ring';
import { mlpGanMnist } from './mlp-gan-mnist';

export const PRESET_IDS = ['gan-1d-gaussian', 'gan-2d-ring', 'mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
  title: BiText;
  summary: BiText;
  project: GanProject;
}

export const PRESETS: Record<PresetId, Preset> = {
  'gan-1d-gaussian': {
    id: 'gan-1d-gaussian',
    title: { en: '1-D Gaussian', zh: '一维高斯' },
    summary: {
      en: 'The picture from the original GAN paper: G learns a bell curve from uniform noise.',
      zh: '原始 GAN 论文中的图示：生成器从均匀噪声学出一条钟形曲线。',
    },
    project: gan1dGaussian,
  },
  'gan-2d-ring': {
    id: 'gan-2d-ring',
    title: { en: '2-D ring', zh: '二维环形' },
    summary: { en: 'Eight Gaussians on a circle: watch for mode collapse.', zh: '圆周上的八个高斯：观察模式崩溃。' },
    project: gan2dRing,
  },
  'mlp-gan-mnist': {
    id: 'mlp-gan-mnist',
    title: { en: 'MLP GAN on MNIST', zh: 'MNIST 全连接 GAN' },
    summary: { en: 'Two small fully connected networks that learn to write digits.', zh: '两个小型全连接网络学习书写数字。' },
    project: mlpGanMnist,
  },
  'dcgan-mnist': {
    id: 'dcgan-mnist',
    title: { en: 'DCGAN on MNIST', zh: 'MNIST 深度卷积 GAN' },
    summary: {
      en: 'Transposed convolutions up, strided convolutions down, BatchNorm between.',
      zh: '转置卷积上采样、步长卷积下采样，中间加批归一化。',
    },
    project: dcganMnist,
  },
  'cgan-mnist': {
    id: 'cgan-mnist',
    title: { en: 'Conditional GAN on MNIST', zh: 'MNIST 条件 GAN' },
    summary: { en: 'Ask for a digit: G and D both see the class label.', zh: '指定数字：生成器和判别器都能看到类别标签。' },
    project: cganMnist,
  },
};

/** A deep copy of a preset's project, safe to edit. */
export function presetProject(id: PresetId): GanProject {
  return structuredClone(PRESETS[id].project);
}
