import type { Lesson } from '../lesson';

export const valueFunction: Lesson = {
  id: 'value-function',
  title: { en: 'The value function', zh: '价值函数' },
  summary: {
    en: 'Minimax against non-saturating: why G maximises log D(G(z)) in practice.',
    zh: '极小极大与非饱和：为什么实践中 G 最大化 log D(G(z))。',
  },
  setup: { preset: 'gan-1d-gaussian', loss: 'minimax' },
  steps: [
    {
      id: 'minimax',
      title: { en: 'min over G, max over D', zh: '对 G 取最小，对 D 取最大' },
      body: [
        {
          en: 'V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]. D maximises V; in the minimax game G minimises log(1 − D(G(z))).',
          zh: 'V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]。D 最大化 V；在极小极大博弈中，G 最小化 log(1 − D(G(z)))。',
        },
        {
          en: 'The plot shows G’s loss against D(G(z)) and how strongly it pushes (its slope with respect to D’s logit). Early in training D rejects the fakes, D(G(z)) ≈ 0, exactly where log(1 − D) is flat: G learns almost nothing.',
          zh: '图中画出 G 的损失随 D(G(z)) 的变化，以及它推动 G 的力度（对 D 的 logit 的斜率）。训练初期 D 能轻易识破假样本，D(G(z)) ≈ 0，而 log(1 − D) 恰好在那里是平的：G 几乎学不到东西。',
        },
      ],
      task: {
        en: 'The loss is set to minimax. Train at least 200 iterations and watch the marker on the plot and G’s gradient norm.',
        zh: '损失已设为极小极大。至少训练 200 次迭代，观察图上的标记和 G 的梯度范数。',
      },
      check: {
        kind: 'all',
        of: [
          { kind: 'setting', name: 'loss', equals: 'minimax' },
          { kind: 'iterations', atLeast: 200 },
        ],
      },
      view: 'value-function',
    },
    {
      id: 'non-saturating',
      title: { en: 'The non-saturating trick', zh: '非饱和技巧' },
      body: [
        {
          en: 'Instead of minimising log(1 − D(G(z))), G can maximise log D(G(z)). The fixed point of the game is the same, but the gradient is strong exactly when G is losing.',
          zh: 'G 可以改为最大化 log D(G(z))，而不是最小化 log(1 − D(G(z)))。博弈的不动点不变，但恰恰在 G 处于劣势时梯度很强。',
        },
      ],
      task: { en: 'Switch the loss to non-saturating in the Train tab’s settings.', zh: '在“训练”标签页的设置里把损失改为非饱和。' },
      check: { kind: 'setting', name: 'loss', equals: 'non-saturating' },
      view: 'value-function',
    },
    {
      id: 'compare',
      title: { en: 'Side by side', zh: '并排比较' },
      body: [
        {
          en: 'Compare trains two runs in turn from the same seed, differing in one setting, and overlays their charts.',
          zh: '“比较”从同一个随机种子开始轮流训练两个只差一个设置的运行，并把它们的图表叠在一起。',
        },
      ],
      task: {
        en: 'Open Compare, make run B use the minimax loss, and train both.',
        zh: '打开“比较”，让运行 B 使用极小极大损失，然后同时训练两者。',
      },
      check: { kind: 'event', event: 'compared' },
      view: 'value-function',
    },
  ],
};
