import type { Lesson } from '../lesson';

export const equilibrium: Lesson = {
  id: 'equilibrium',
  title: { en: 'Equilibrium', zh: '均衡' },
  summary: {
    en: 'D = 1/2, V = −2 log 2, and the Jensen–Shannon divergence going to zero.',
    zh: 'D = 1/2，V = −2 log 2，以及趋于零的 Jensen–Shannon 散度。',
  },
  setup: { preset: 'gan-1d-gaussian' },
  steps: [
    {
      id: 'js',
      title: { en: 'What G minimises', zh: 'G 在最小化什么' },
      body: [
        {
          en: 'With the optimal D*, the value becomes C(G) = −log 4 + 2·JS(p_data ‖ p_g). JS is never negative and is 0 only when p_g = p_data, so the best G reproduces the data.',
          zh: '代入最优判别器 D* 后，价值函数变为 C(G) = −log 4 + 2·JS(p_data ‖ p_g)。JS 散度非负，且只有 p_g = p_data 时为 0，所以最好的 G 能复现数据分布。',
        },
        {
          en: 'The chart estimates JS on the 1-D data from the densities in the picture, iteration by iteration, together with the V it implies.',
          zh: '图表根据一维视图中的密度逐次估计 JS 散度，并给出对应的 V 值。',
        },
      ],
      task: { en: 'Train until the estimated JS falls below 0.02 nats.', zh: '训练直到估计的 JS 散度低于 0.02 奈特。' },
      check: {
        kind: 'all',
        of: [
          { kind: 'iterations', atLeast: 300 },
          { kind: 'js', atMost: 0.02 },
        ],
      },
      view: 'equilibrium',
    },
    {
      id: 'two-log-two',
      title: { en: 'D loss at 2 ln 2', zh: 'D 的损失为 2 ln 2' },
      body: [
        {
          en: 'At the equilibrium D = 1/2, so D’s loss −log D(x) − log(1 − D(G(z))) equals 2 ln 2 ≈ 1.386 and V = −2 log 2. The loss chart draws that line.',
          zh: '均衡时 D = 1/2，因此 D 的损失 −log D(x) − log(1 − D(G(z))) 等于 2 ln 2 ≈ 1.386，V = −2 log 2。损失图中画出了这条线。',
        },
      ],
      task: { en: 'Keep training until D’s loss stays within 0.05 of 1.386.', zh: '继续训练，直到 D 的损失稳定在 1.386 ± 0.05 以内。' },
      check: { kind: 'metric', metric: 'dLoss', target: 2 * Math.LN2, within: 0.05 },
      view: 'equilibrium',
    },
  ],
};
