import type { Lesson } from '../lesson';

export const modeCollapse: Lesson = {
  id: 'mode-collapse',
  title: { en: 'Mode collapse', zh: '模式崩溃' },
  summary: {
    en: 'Eight Gaussians on a ring: count the modes G captures, live.',
    zh: '环上的八个高斯：实时统计 G 捕获的模式数。',
  },
  setup: { preset: 'gan-2d-ring' },
  steps: [
    {
      id: 'capture',
      title: { en: 'Eight modes', zh: '八个模式' },
      body: [
        {
          en: 'The data is eight tight Gaussians on a circle. A generator that puts all its samples on a few of them can still fool D for a while: that is mode collapse.',
          zh: '数据是圆上八个紧凑的高斯分布。只把样本放在其中几个上的生成器也能暂时骗过 D：这就是模式崩溃。',
        },
        {
          en: 'A mode counts as captured when it is the nearest mode of at least one generated sample within 3 standard deviations of it (the protocol of VEEGAN and PacGAN).',
          zh: '如果某个模式是至少一个生成样本的最近模式，且该样本距离它不超过 3 个标准差，就算捕获了这个模式（VEEGAN 和 PacGAN 的评测方法）。',
        },
      ],
      task: { en: 'Train until G captures all 8 modes.', zh: '训练直到 G 捕获全部 8 个模式。' },
      check: { kind: 'modes', atLeast: 8 },
      view: 'modes',
      hint: {
        en: 'This takes a few thousand iterations; the arrows show where D’s gradient pushes G’s samples.',
        zh: '这需要几千次迭代；箭头表示 D 的梯度把 G 的样本推向哪里。',
      },
    },
    {
      id: 'break',
      title: { en: 'Make it collapse', zh: '让它崩溃' },
      body: [
        {
          en: 'A generator that learns much faster than its discriminator tends to jump from mode to mode instead of covering them.',
          zh: '学习速度远快于判别器的生成器，往往在模式之间跳来跳去，而不是把它们都覆盖住。',
        },
      ],
      task: {
        en: 'Set G’s learning rate to 0.005 or more, press Reset, and train again: how many modes are left?',
        zh: '把 G 的学习率设为 0.005 或更大，按“重置”后重新训练：还剩几个模式？',
      },
      check: {
        kind: 'all',
        of: [
          { kind: 'setting', name: 'lrG', atLeast: 0.005 },
          { kind: 'iterations', atLeast: 1000 },
        ],
      },
      view: 'modes',
    },
  ],
};
