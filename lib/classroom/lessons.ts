import type { BiText } from '../i18n/locale';
import type { LossKind, Role } from '../project/kinds';
import { presetProject, type PresetId } from '../project/presets';
import type { GanProject } from '../project/schema';
import type { Check } from './checks';

/** A picture a step shows beside its text, beyond the Train tab's own dashboard. */
export type LessonView = 'value-function' | 'equilibrium' | 'modes' | 'digit';

export interface LessonStep {
  id: string;
  title: BiText;
  /** Paragraphs of explanation (plain text). */
  body: BiText[];
  /** What the student does; absent for a step that is read and left with Next. */
  task?: BiText;
  /** When the step is done; required whenever there is a task. */
  check?: Check;
  /** A hint shown after the student has been on the step a while. */
  hint?: BiText;
  view?: LessonView;
}

/** What the editor opens with when a lesson starts. */
export interface LessonSetup {
  preset: PresetId;
  /** Edges removed so the student can make them. */
  without?: { role: Role; source: string; target: string }[];
  loss?: LossKind;
}

export interface Lesson {
  id: string;
  title: BiText;
  summary: BiText;
  setup: LessonSetup;
  steps: LessonStep[];
}

const EQUILIBRIUM: Check = {
  kind: 'all',
  of: [
    { kind: 'iterations', atLeast: 500 },
    { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 },
    { kind: 'metric', metric: 'dFake', target: 0.5, within: 0.05 },
    { kind: 'js', atMost: 0.05 },
  ],
};

/**
 * The course: the pictures and the algorithm of Goodfellow et al. (2014) and the lecture notes
 * derived from it, each made live in the editor.
 */
export const LESSONS: Lesson[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The project a lesson opens with: its preset, minus the edges the student makes. */
export function lessonProject(lesson: Lesson): GanProject {
  const project = presetProject(lesson.setup.preset);
  for (const cut of lesson.setup.without ?? []) {
    const graph = project[cut.role];
    graph.edges = graph.edges.filter((e) => !(e.source === cut.source && e.target === cut.target));
  }
  if (lesson.setup.loss) project.training.loss = lesson.setup.loss;
  return project;
}
