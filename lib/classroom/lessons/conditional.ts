import type { Lesson } from '../lesson';

export const conditional: Lesson = {
  id: 'conditional',
  title: { en: 'Conditional GAN', zh: '条件 GAN' },
  summary: {
    en: 'Give G and D the label too, then ask for the digit you want.',
    zh: '把标签也交给 G 和 D，然后指定你想要的数字。',
  },
  setup: { preset: 'cgan-mnist' },
  steps: [
    {
      id: 'label',
      title: { en: 'G(z, y) and D(x, y)', zh: 'G(z, y) 与 D(x, y)' },
      body: [
        {
          en: 'Mirza and Osindero (2014): both networks also get the class y. G learns p(x | y); D judges whether x is a real example of class y.',
          zh: 'Mirza 和 Osindero（2014）：两个网络都额外得到类别 y。G 学习 p(x | y)；D 判断 x 是否为类别 y 的真实样本。',
        },
        {
          en: 'Look at the Label nodes on both canvases, joined to the noise and to the image by Concatenate.',
          zh: '看看两个画布上的标签节点，它们通过拼接层分别与噪声和图像相连。',
        },
      ],
      task: {
        en: 'Train until the label accuracy passes 90%: each column of the sample grid is one digit, and the classifier reads what G was asked for.',
        zh: '一直训练，直到标签准确率超过 90%：样本网格的每一列是一个数字，分类器能认出 G 被要求生成的数字。',
      },
      check: {
        kind: 'all',
        of: [
          { kind: 'iterations', atLeast: 300 },
          { kind: 'quality', measure: 'labelAccuracy', atLeast: 0.9 },
        ],
      },
    },
    {
      id: 'choose',
      title: { en: 'Choose the digit', zh: '选择数字' },
      body: [
        {
          en: 'With the label fixed and only z changing, G writes the same digit in different styles.',
          zh: '固定标签、只改变 z，G 会用不同的笔迹写出同一个数字。',
        },
      ],
      task: { en: 'Pick a digit below and generate it.', zh: '在下方选一个数字并生成它。' },
      check: { kind: 'event', event: 'digit-chosen' },
      view: 'digit',
    },
  ],
};
