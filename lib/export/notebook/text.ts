import type { Locale } from '../../i18n/locale';

/** What the markdown cells say about a design. Every string here is already safe markdown. */
export interface NotebookFacts {
  /** The project name as markdown text (escaped). */
  name: string;
  dataset: string;
  kind: 'points1d' | 'points2d' | 'images';
  /** MNIST or Fashion-MNIST: torchvision can download it when there is no data.bin. */
  torchvision: boolean;
  conditional: boolean;
  generator: { layers: number; params: number };
  discriminator: { layers: number; params: number };
  loss: string;
  k: number;
  batchSize: number;
  lrG: number;
  lrD: number;
  /** The noise distribution, as a formula. */
  noise: string;
  noiseDim: number;
  pack: number;
  ema: number;
  /** The data: URI of the picture of the two graphs. */
  picture: string;
}

/** The markdown of each explaining cell, one entry per line. */
export interface NotebookText {
  title(f: NotebookFacts): string[];
  graphs: { generator: string; discriminator: string };
  setup: string[];
  data(f: NotebookFacts): string[];
  models: string[];
  weights: string[];
  networks: string[];
  losses(f: NotebookFacts): string[];
  steps(f: NotebookFacts): string[];
  plots(f: NotebookFacts): string[];
  loop: string[];
  save: string[];
  torchrun(f: NotebookFacts): string[];
}

const count = (n: number) => n.toLocaleString('en-US');

const EN: NotebookText = {
  title: (f) => [
    `# ${f.name}`,
    '',
    'A GAN designed in **GANvas**, exported as a notebook that trains it with PyTorch. The code cells are those of',
    "GANvas's PyTorch export (`models.py`, `weights.py`, `train.py`) with plots added; run them top to bottom.",
    '',
    `- **Data:** ${f.dataset}${f.conditional ? ' (conditional: G and D see a one-hot class label)' : ''}`,
    `- **Generator G:** ${f.generator.layers} layers, ${count(f.generator.params)} parameters`,
    `- **Discriminator D:** ${f.discriminator.layers} layers, ${count(f.discriminator.params)} parameters`,
    `- **Training:** ${f.loss} loss, k = ${f.k} (D steps per G step), batches of ${f.batchSize}, Adam (lr ${f.lrG} for G, ${f.lrD} for D)`,
    `- **Noise z:** ${f.noise}, ${f.noiseDim} dimensions${f.pack > 1 ? `; packing: D judges packs of ${f.pack} samples` : ''}${f.ema > 0 ? `; G's weight average (decay ${f.ema})` : ''}`,
    '',
    `![The generator and the discriminator as designed in GANvas](${f.picture})`,
  ],
  graphs: { generator: 'Generator', discriminator: 'Discriminator' },
  setup: [
    '## 1. Setup',
    '',
    'The libraries, then the settings of the design, copied from GANvas. The last lines set this run: how many iterations',
    '(`ITERATIONS`), how often to plot (`PLOT_EVERY`), and where weights, figures and checkpoints are. Each reads an environment',
    'variable first (`GANVAS_ITERATIONS`, `GANVAS_PLOT_EVERY`, `GANVAS_BATCH_SIZE`, `GANVAS_WEIGHTS`, `GANVAS_FIGURES`, `GANVAS_OUT`),',
    'so the notebook can also run unattended. The cells need PyTorch, NumPy and matplotlib.',
  ],
  data: (f) => [
    '## 2. The data',
    '',
    ...(f.kind === 'images'
      ? [
          `The real samples x: ${f.dataset}, scaled from 0…255 to −1…1 as in GANvas and held channels-first (NCHW), as torch does.`,
          f.torchvision
            ? "The cell reads `data.bin`, GANvas's packed copy of the set (the Export dialog offers it), from beside the notebook; without it, torchvision downloads the set (that needs a network)."
            : "The cell reads `data.bin`, GANvas's packed copy of your images (the Export dialog offers it), from beside the notebook; without it, it reads every image in the folder `IMAGE_FOLDER`, cropped and scaled as GANvas does.",
        ]
      : [
          `The real samples x: ${f.dataset}, drawn fresh for every batch by the same formulas as in GANvas: pick one of the`,
          'Gaussian modes at random, then add Gaussian noise of `MODE_STD` on each axis.',
        ]),
  ],
  models: [
    '## 3. The two players',
    '',
    'The generator G turns random noise z into samples G(z). The discriminator D looks at a sample and returns a raw score',
    '(a logit): high where it believes the sample comes from the data rather than from G. These are the layers you drew,',
    'with the same maths as in GANvas; the comments name the node each block comes from.',
  ],
  weights: [
    '## 4. Weights from GANvas (optional)',
    '',
    '`load_tfjs_weights(model, folder)` reads weights that GANvas downloads (the tfjs layers format: `model.json` and',
    '`weights.bin`) into a model. Unzip the weights download and set `WEIGHTS` to its folder to go on from where the',
    'browser stopped; leave it empty to start from fresh random weights.',
  ],
  networks: ['Build the data source and the two networks, then load the weights when `WEIGHTS` is set.'],
  losses: (f) => [
    '## 5. The losses',
    '',
    `This design uses the **${f.loss}** loss. D learns to tell data from samples; G learns to make D score its samples as data.`,
    'With the minimax loss G minimises log(1 − D(G(z))), which saturates while D easily rejects its samples; the',
    "non-saturating loss maximises log D(G(z)) instead. `score` turns D's logits into the D(x) and D(G(z)) that GANvas shows.",
  ],
  steps: (f) => [
    '## 6. One training iteration',
    '',
    `Algorithm 1 of Goodfellow et al. (2014): k = ${f.k} times, sample a batch of noise and a batch of data and update D;`,
    'then sample noise and update G. Each network has its own Adam optimizer.',
    ...(f.pack > 1 ? [`Packing: D judges packs of ${f.pack} samples side by side, which lets it notice when G repeats itself.`] : []),
    ...(f.ema > 0
      ? ["After every G update, G's weight average takes a small step towards G's weights: it is the generator to sample from."]
      : []),
  ],
  plots: (f) => [
    '## 7. Plots',
    '',
    'Every `PLOT_EVERY` iterations: the losses of D and G, D(x) and D(G(z)), and samples of G',
    f.kind === 'images'
      ? `(a grid of images${f.conditional ? ', one row per class' : ''}).`
      : f.kind === 'points1d'
        ? '(histograms of the data and of G(z)).'
        : '(the data and G(z) as points).',
    ...(['minimax', 'non-saturating'].includes(f.loss)
      ? ['At the equilibrium p_g = p_data, D cannot tell them apart: D(x) = D(G(z)) = 1/2 (the dashed line).']
      : []),
  ],
  loop: ['## 8. Train', '', 'Runs `ITERATIONS` iterations and plots as it goes. Run the cell again to train further.'],
  save: [
    '## 9. Save',
    '',
    "Saves the state_dicts of G, D (and G's weight average) in `OUT` and draws a last set of samples.",
    'Load them with `Generator().load_state_dict(torch.load(...))`.',
  ],
  torchrun: (f) => [
    '## Many GPUs: torchrun',
    '',
    "The same design trains on many GPUs with the PyTorch export's `train.py` (Export dialog, PyTorch tab, Download as",
    'project): every process draws its own batches and DistributedDataParallel averages the gradients.',
    '',
    '```sh',
    `torchrun --nproc_per_node=N train.py --iterations 2000${f.kind === 'images' ? ' --data data.bin' : ''}`,
    '```',
    '',
    'N is the number of GPUs (or CPU processes). Add `--weights ganvas-weights` to start from weights downloaded from GANvas.',
  ],
};

const ZH: NotebookText = {
  title: (f) => [
    `# ${f.name}`,
    '',
    '在 **GANvas** 中设计的 GAN，导出为用 PyTorch 训练它的笔记本。代码单元格来自 GANvas 的 PyTorch 导出',
    '（`models.py`、`weights.py`、`train.py`），并加上了绘图；从上到下依次运行即可。',
    '',
    `- **数据：** ${f.dataset}${f.conditional ? '（条件 GAN：G 和 D 都会看到独热编码的类别标签）' : ''}`,
    `- **生成器 G：** ${f.generator.layers} 层，${count(f.generator.params)} 个参数`,
    `- **判别器 D：** ${f.discriminator.layers} 层，${count(f.discriminator.params)} 个参数`,
    `- **训练：** ${f.loss} 损失，每步 G 更新之前 k = ${f.k} 步 D 更新，批大小 ${f.batchSize}，Adam（G 的学习率 ${f.lrG}，D 的学习率 ${f.lrD}）`,
    `- **噪声 z：** ${f.noise}，${f.noiseDim} 维${f.pack > 1 ? `；打包：D 每次评判 ${f.pack} 个样本组成的一包` : ''}${f.ema > 0 ? `；G 的权重平均（衰减 ${f.ema}）` : ''}`,
    '',
    `![在 GANvas 中设计的生成器和判别器](${f.picture})`,
  ],
  graphs: { generator: '生成器', discriminator: '判别器' },
  setup: [
    '## 1. 准备',
    '',
    '先导入库，再写下从 GANvas 复制来的设计设置。最后几行设置本次运行：迭代次数（`ITERATIONS`）、绘图间隔（`PLOT_EVERY`），',
    '以及权重、图片和检查点的位置。每一项都会先读取环境变量（`GANVAS_ITERATIONS`、`GANVAS_PLOT_EVERY`、`GANVAS_BATCH_SIZE`、',
    '`GANVAS_WEIGHTS`、`GANVAS_FIGURES`、`GANVAS_OUT`），因此笔记本也可以无人值守地运行。需要 PyTorch、NumPy 和 matplotlib。',
  ],
  data: (f) => [
    '## 2. 数据',
    '',
    ...(f.kind === 'images'
      ? [
          `真实样本 x：${f.dataset}，像 GANvas 一样从 0…255 缩放到 −1…1，并按 torch 的习惯以通道优先（NCHW）存放。`,
          f.torchvision
            ? '这个单元格读取笔记本旁边的 `data.bin`（GANvas 打包的数据集副本，可在“导出”对话框中下载）；没有这个文件时，由 torchvision 下载数据集（需要网络）。'
            : '这个单元格读取笔记本旁边的 `data.bin`（GANvas 打包的你的图片，可在“导出”对话框中下载）；没有这个文件时，读取文件夹 `IMAGE_FOLDER` 中的所有图片，并像 GANvas 一样裁剪和缩放。',
        ]
      : [
          `真实样本 x：${f.dataset}，每个批次都用与 GANvas 相同的公式重新采样：随机选一个高斯模式，`,
          '再在每个坐标轴上加上标准差为 `MODE_STD` 的高斯噪声。',
        ]),
  ],
  models: [
    '## 3. 两位玩家',
    '',
    '生成器 G 把随机噪声 z 变成样本 G(z)。判别器 D 看一个样本，返回一个原始分数（logit）：它越相信样本来自真实数据而不是来自 G，',
    '分数就越高。这些就是你画出的层，数学与 GANvas 中完全相同；注释标出了每段代码来自哪个节点。',
  ],
  weights: [
    '## 4. 来自 GANvas 的权重（可选）',
    '',
    '`load_tfjs_weights(model, folder)` 把 GANvas 下载的权重（tfjs layers 格式：`model.json` 和 `weights.bin`）读入模型。',
    '解压权重下载包，并把 `WEIGHTS` 设为它的文件夹，就能从浏览器停下的地方继续训练；留空则从新的随机权重开始。',
  ],
  networks: ['建立数据来源和两个网络；设置了 `WEIGHTS` 时再载入权重。'],
  losses: (f) => [
    '## 5. 损失函数',
    '',
    `这个设计使用 **${f.loss}** 损失。D 学习区分数据与样本；G 学习让 D 把它的样本判为数据。`,
    '使用 minimax 损失时，G 最小化 log(1 − D(G(z)))，在 D 轻易拒绝它的样本时会饱和；非饱和损失改为最大化 log D(G(z))。',
    '`score` 把 D 的 logit 换算成 GANvas 显示的 D(x) 和 D(G(z))。',
  ],
  steps: (f) => [
    '## 6. 一次训练迭代',
    '',
    `Goodfellow 等人（2014）的算法 1：重复 k = ${f.k} 次，采样一批噪声和一批数据，更新 D；然后采样噪声，更新 G。`,
    '两个网络各有自己的 Adam 优化器。',
    ...(f.pack > 1 ? [`打包：D 把 ${f.pack} 个样本并排放在一起评判，这样它能发现 G 在重复自己。`] : []),
    ...(f.ema > 0 ? ['每次更新 G 之后，G 的权重平均向 G 的权重迈一小步：采样时应使用它。'] : []),
  ],
  plots: (f) => [
    '## 7. 绘图',
    '',
    '每隔 `PLOT_EVERY` 次迭代画出：D 和 G 的损失、D(x) 与 D(G(z))，以及 G 的样本',
    f.kind === 'images'
      ? `（图片网格${f.conditional ? '，每个类别一行' : ''}）。`
      : f.kind === 'points1d'
        ? '（数据与 G(z) 的直方图）。'
        : '（数据与 G(z) 的散点）。',
    ...(['minimax', 'non-saturating'].includes(f.loss)
      ? ['在均衡点 p_g = p_data，D 无法区分二者：D(x) = D(G(z)) = 1/2（虚线）。图中的文字是英文。']
      : ['图中的文字是英文。']),
  ],
  loop: ['## 8. 训练', '', '运行 `ITERATIONS` 次迭代，边训练边绘图。再次运行这个单元格可以继续训练。'],
  save: [
    '## 9. 保存',
    '',
    '把 G、D（以及 G 的权重平均）的 state_dict 保存到 `OUT`，并画出最后一组样本。',
    '用 `Generator().load_state_dict(torch.load(...))` 载入它们。',
  ],
  torchrun: (f) => [
    '## 多 GPU：torchrun',
    '',
    '同一个设计可以用 PyTorch 导出的 `train.py`（“导出”对话框的 PyTorch 标签页，下载为项目）在多块 GPU 上训练：',
    '每个进程各自采样批次，DistributedDataParallel 对梯度求平均。',
    '',
    '```sh',
    `torchrun --nproc_per_node=N train.py --iterations 2000${f.kind === 'images' ? ' --data data.bin' : ''}`,
    '```',
    '',
    'N 是 GPU（或 CPU 进程）的数量。加上 `--weights ganvas-weights` 可从 GANvas 下载的权重开始训练。',
  ],
};

export const NOTEBOOK_TEXT: Record<Locale, NotebookText> = { en: EN, zh: ZH };
