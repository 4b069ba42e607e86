import type { Lesson } from '../lesson';

export const digits: Lesson = {
  id: 'digits',
  title: { en: 'Digits', zh: '手写数字' },
  summary: {
    en: 'An MLP GAN, then a DCGAN, learning to write MNIST digits.',
    zh: '先用全连接 GAN，再用 DCGAN，学习书写 MNIST 数字。',
  },
  setup: { preset: 'mlp-gan-mnist' },
  steps: [
    {
      id: 'mlp',
      title: { en: 'A fully connected GAN', zh: '全连接 GAN' },
      body: [
        {
          en: 'The original paper trained multilayer perceptrons on MNIST. G maps 64 noise values through 256 and 512 units to 784 pixels; D maps 784 pixels through 512 and 256 units to one probability.',
          zh: '原论文在 MNIST 上训练的是多层感知机。G 把 64 个噪声值经过 256 和 512 个单元映射到 784 个像素；D 把 784 个像素经过 512 和 256 个单元映射为一个概率。',
        },
        {
          en: 'Both learn with Adam at lr 1e-3, five times the DCGAN default: these small fully connected networks take it, and write digits within minutes instead of tens of minutes.',
          zh: '两个网络都用学习率 1e-3 的 Adam 训练，是 DCGAN 默认值的五倍：这些小的全连接网络承受得住，几分钟而不是几十分钟就能写出数字。',
        },
        {
          en: 'The sample grid keeps the same noise over training, so each cell shows one z becoming a digit. Scrub the timeline to go back.',
          zh: '样本网格在整个训练中使用同一组噪声，所以每个格子展示同一个 z 如何变成数字。拖动时间轴可以回看。',
        },
        {
          en: 'GAN losses do not say whether the digits get better. The image quality charts under the grid do: a small classifier of digits reads 1,000 samples every few seconds. Classes covered counts the digits it finds (fewer than 10 is mode collapse); FID measures how far the samples are from real digits.',
          zh: 'GAN 的损失并不能说明数字是否变好了。样本网格下方的图像质量图表可以：一个小的数字分类器每隔几秒读 1000 个样本。“覆盖的类别”数出它认出了几种数字（少于 10 种就是模式崩溃）；FID 衡量样本与真实数字相差多远。',
        },
      ],
      task: { en: 'Train until all ten digits appear (classes covered: 10).', zh: '一直训练，直到十个数字全部出现（覆盖的类别：10）。' },
      check: {
        kind: 'all',
        of: [
          { kind: 'iterations', atLeast: 300 },
          { kind: 'quality', measure: 'classes', atLeast: 10 },
        ],
      },
    },
    {
      id: 'latent',
      title: { en: 'What G learned: its latent space', zh: 'G 学到了什么：它的潜空间' },
      body: [
        {
          en: 'Every digit G draws comes from one noise vector z. The latent-space explorer under the grid asks G about the z between two samples: click one digit in the grid (A), then another (B), and the strip walks from A to B.',
          zh: 'G 画的每个数字都来自一个噪声向量 z。网格下方的潜空间探索器会问 G：两个样本之间的 z 会画出什么？在网格中点一个数字（A），再点另一个（B），条带就会从 A 走到 B。',
        },
        {
          en: 'If G had only memorised its samples, the middle of the walk would be noise. A G that learned the shape of digits morphs one digit into the other through digit-like pictures. Spherical paths stay where a Gaussian z usually lies; linear ones pass closer to the origin.',
          zh: '如果 G 只是记住了样本，路径中间就会是噪点。学到了数字形状的 G 会经由一系列像数字的图像，把一个数字渐变为另一个。球面路径停留在高斯 z 通常所在的区域；线性路径则更靠近原点。',
        },
        {
          en: 'Directions moves A along three fixed directions of z-space. Some directions change the stroke’s thickness or slant, some change the digit itself.',
          zh: '“方向”把 A 沿 z 空间中三个固定方向移动。有些方向改变笔画的粗细或倾斜，有些则改变数字本身。',
        },
      ],
      task: {
        en: 'Drag the slider between A and B, then open Directions and drag a slider: which feature of the digit changes?',
        zh: '拖动 A 与 B 之间的滑块，再打开“方向”拖动一个滑块：数字的哪个特征变了？',
      },
      check: { kind: 'event', event: 'explored-latent' },
    },
    {
      id: 'dcgan',
      title: { en: 'Convolutions: DCGAN', zh: '卷积：DCGAN' },
      body: [
        {
          en: 'Radford et al. (2016): G upsamples with transposed convolutions and BatchNorm, D downsamples with strided convolutions and LeakyReLU; Adam with lr 2e-4 and β1 = 0.5.',
          zh: 'Radford 等人（2016）：G 用转置卷积和批归一化上采样，D 用步长卷积和 LeakyReLU 下采样；Adam 学习率 2e-4，β1 = 0.5。',
        },
      ],
      task: { en: 'Open the DCGAN on MNIST preset from the Presets menu.', zh: '从“预设”菜单打开“MNIST 深度卷积 GAN”。' },
      check: { kind: 'layer', role: 'generator', layer: 'conv2dTranspose' },
    },
    {
      id: 'dcgan-train',
      title: { en: 'Train the DCGAN', zh: '训练 DCGAN' },
      body: [
        {
          en: 'Convolutions share weights across the image, so the DCGAN makes sharper digits with fewer parameters, at more computation per iteration: without a GPU it is much slower.',
          zh: '卷积在整幅图像上共享权重，因此 DCGAN 用更少的参数生成更清晰的数字，但每次迭代的计算量更大：没有 GPU 时会慢很多。',
        },
      ],
      task: { en: 'Train at least 50 iterations.', zh: '至少训练 50 次迭代。' },
      check: { kind: 'iterations', atLeast: 50 },
    },
  ],
};
