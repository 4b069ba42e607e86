import type { Lesson } from '../lesson';

export const theAlgorithm: Lesson = {
  id: 'the-algorithm',
  title: { en: 'The algorithm', zh: '算法' },
  summary: {
    en: 'k discriminator steps, then one generator step: Algorithm 1, one sub-step at a time.',
    zh: 'k 步判别器更新，再一步生成器更新：逐个子步骤看清算法 1。',
  },
  setup: { preset: 'gan-1d-gaussian' },
  steps: [
    {
      id: 'k',
      title: { en: 'k steps of D', zh: 'D 的 k 步更新' },
      body: [
        {
          en: 'Algorithm 1: for each training iteration, k times: sample m noise vectors and m data examples, and update D by ascending the gradient of log D(x) + log(1 − D(G(z))). Then sample m noise vectors and update G by descending its loss.',
          zh: '算法 1：每次训练迭代中，重复 k 次：采样 m 个噪声向量和 m 个数据样本，沿 log D(x) + log(1 − D(G(z))) 的梯度上升更新 D；然后采样 m 个噪声向量，沿损失下降方向更新 G。',
        },
        {
          en: 'Each network has its own optimizer, and each update changes only its own network.',
          zh: '两个网络各有自己的优化器，每次更新只改变各自的网络。',
        },
      ],
      task: {
        en: "Set k (D steps per iteration) to 2 in the Train tab's settings.",
        zh: '在“训练”标签页的设置里把 k（每次迭代的 D 步数）设为 2。',
      },
      check: { kind: 'setting', name: 'k', equals: 2 },
    },
    {
      id: 'slow-motion',
      title: { en: 'One iteration in slow motion', zh: '慢动作看一次迭代' },
      body: [
        {
          en: 'Slow motion runs one real iteration and shows it sub-step by sub-step: sample z, G(z), D scores on real and fake, the loss, the gradients and the update, first for D (k times), then for G. The active network lights up on its canvas.',
          zh: '慢动作执行一次真实的迭代，并逐个子步骤展示：采样 z、G(z)、D 对真假样本的打分、损失、梯度和更新，先是 D（k 次），再是 G。正在工作的网络会在画布上高亮。',
        },
      ],
      task: {
        en: 'Press Slow motion in the Train tab and step through every sub-step.',
        zh: '在“训练”标签页按“慢动作”，逐个看完所有子步骤。',
      },
      check: { kind: 'event', event: 'slow-motion-done' },
    },
    {
      id: 'run',
      title: { en: 'At full speed', zh: '全速运行' },
      body: [
        {
          en: 'Training is this loop repeated. With k = 2 every iteration shows D two fresh batches for each batch G learns from.',
          zh: '训练就是不断重复这个循环。k = 2 时，G 每学习一个批次，D 都会看到两个新的批次。',
        },
      ],
      task: { en: 'Press Train and run at least 300 iterations.', zh: '按“训练”，至少运行 300 次迭代。' },
      check: { kind: 'iterations', atLeast: 300 },
    },
  ],
};
