import { EQUILIBRIUM, type Lesson } from '../lesson';

export const theGame: Lesson = {
  id: 'the-game',
  title: { en: 'The game', zh: '博弈' },
  summary: {
    en: 'A generator and a discriminator play against each other on 1-D data: the four pictures of Figure 1, live.',
    zh: '生成器与判别器在一维数据上对弈：让原论文图 1 的四幅图动起来。',
  },
  setup: { preset: 'gan-1d-gaussian', without: [{ role: 'generator', source: 'g3', target: 'out' }] },
  steps: [
    {
      id: 'wire',
      title: { en: 'Meet the two players', zh: '认识两位玩家' },
      body: [
        {
          en: 'The generator G turns random noise z into samples G(z). The discriminator D looks at one number and says how likely it is to come from the data rather than from G.',
          zh: '生成器 G 把随机噪声 z 变成样本 G(z)。判别器 D 看一个数，给出它来自真实数据而不是来自 G 的概率。',
        },
        {
          en: 'Here the data is a 1-D Gaussian, and G gets uniform noise: it has to learn to bend a flat distribution into a bell curve.',
          zh: '这里的数据是一维高斯分布，G 的输入是均匀噪声：它要学会把平坦的分布弯成一条钟形曲线。',
        },
      ],
      task: {
        en: "G's last Dense layer is not wired to its Output. On the Generator canvas, drag from the Dense's right handle to the Output's left handle.",
        zh: '生成器最后一个全连接层还没有连到输出。在生成器画布上，从该全连接层右侧的连接点拖到输出节点左侧的连接点。',
      },
      check: {
        kind: 'all',
        of: [{ kind: 'edge', role: 'generator', from: 'dense', to: 'output' }, { kind: 'valid' }],
      },
    },
    {
      id: 'stage-a',
      title: { en: '(a) Before training', zh: '(a) 训练之前' },
      body: [
        {
          en: 'In the Train tab, the 1-D view draws the data density p_data, the generator’s density p_g, the discriminator D and the optimal discriminator D* = p_data / (p_data + p_g) (dashed); the legend names each curve.',
          zh: '在“训练”标签页里，一维视图画出数据密度 p_data、生成器密度 p_g、判别器 D 和最优判别器 D* = p_data / (p_data + p_g)（虚线）；图例标出了每条曲线。',
        },
        {
          en: 'Figure 1 (a) shows a pair near convergence: p_g is similar to p_data and D is a partially accurate classifier. Your game starts further apart: see where p_g lies against the data, and where D is high or low.',
          zh: '图 1 (a) 展示的是接近收敛的一对网络：p_g 与 p_data 相近，D 是一个部分准确的分类器。你的博弈起点相距更远：看看 p_g 相对于数据在哪里，D 在哪里高、哪里低。',
        },
      ],
      task: { en: 'Open the Train tab and press Step once.', zh: '打开“训练”标签页，按一次“单步”。' },
      check: { kind: 'iterations', atLeast: 1 },
    },
    {
      id: 'stage-b',
      title: { en: '(b) Train D alone', zh: '(b) 只训练 D' },
      body: [
        {
          en: 'In the inner loop D is trained to tell data from samples. For a fixed G it converges to D*(x) = p_data(x) / (p_data(x) + p_g(x)): D’s curve moves onto the dashed D*.',
          zh: '内层循环训练 D 区分数据与样本。G 固定时，D 收敛到 D*(x) = p_data(x) / (p_data(x) + p_g(x))：D 的曲线向虚线 D* 靠拢。',
        },
      ],
      task: { en: 'Press Step D a few times and watch D’s curve.', zh: '按几次“单步 D”，观察 D 的曲线。' },
      check: { kind: 'event', event: 'stepped-d' },
    },
    {
      id: 'stage-c',
      title: { en: '(c) Then update G', zh: '(c) 再更新 G' },
      body: [
        {
          en: 'After an update to G, the gradient of D has guided G(z) to flow to regions that are more likely to be classified as data: the p_g curve moves toward p_data.',
          zh: '更新 G 之后，D 的梯度引导 G(z) 流向更可能被判为真实数据的区域：p_g 曲线向 p_data 移动。',
        },
      ],
      task: { en: 'Press Step G and watch the p_g curve.', zh: '按“单步 G”，观察 p_g 曲线。' },
      check: { kind: 'event', event: 'stepped-g' },
    },
    {
      id: 'stage-d',
      title: { en: '(d) Play to the end', zh: '(d) 对弈到底' },
      body: [
        {
          en: 'After enough steps, if G and D have enough capacity, they reach a point where neither can improve: p_g = p_data, and D cannot tell them apart, D(x) = 1/2 everywhere.',
          zh: '经过足够多的步骤，只要 G 和 D 的容量足够，它们会到达双方都无法再改进的点：p_g = p_data，D 无法区分二者，处处 D(x) = 1/2。',
        },
      ],
      task: {
        en: 'Press Train and let it run until both D(x) and D(G(z)) stay within 0.05 of 1/2 and the two densities meet (estimated JS below 0.05 nats; at least 500 iterations).',
        zh: '按“训练”，一直运行到 D(x) 和 D(G(z)) 都稳定在 1/2 ± 0.05 以内，且两个密度重合（估计的 JS 散度低于 0.05 奈特；至少 500 次迭代）。',
      },
      check: EQUILIBRIUM,
      hint: {
        en: 'The D(x) and D(G(z)) chart below the picture shows both values against the dashed 1/2 line.',
        zh: '图下方的 D(x) 与 D(G(z)) 图表把两个值和 1/2 虚线画在一起。',
      },
    },
    {
      id: 'done',
      title: { en: 'What you saw', zh: '你看到了什么' },
      body: [
        {
          en: 'You played the game of Goodfellow et al. (2014): D learns the ratio p_data / (p_data + p_g), G follows its gradient, and the game ends when the two densities meet and D says 1/2 everywhere.',
          zh: '你完成了 Goodfellow 等人（2014）的博弈：D 学习比值 p_data / (p_data + p_g)，G 沿着它的梯度移动，当两个密度重合、D 处处给出 1/2 时，博弈结束。',
        },
      ],
    },
  ],
};
