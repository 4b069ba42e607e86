import { z } from 'zod';
import type { BiText } from '../i18n/locale';
import type { LossKind } from './kinds';
import { trainingSchema, type AdamConfig, type Graph, type TrainingConfig } from './schema';

/**
 * A change to `project.training`: any subset of its fields, optimizers and noise field by field.
 * Whatever is left out keeps its value.
 */
export interface TrainingPatch {
  batchSize?: number;
  k?: number;
  loss?: LossKind;
  labelSmoothing?: number;
  gradientPenalty?: number;
  pack?: number;
  ema?: number;
  optimizers?: { generator?: Partial<AdamConfig>; discriminator?: Partial<AdamConfig> };
  noise?: Partial<TrainingConfig['noise']>;
  seed?: number;
}

/** One reason a patch was refused, with the path of the field (`optimizers.generator.lr`). */
export interface TrainingIssue {
  path: string;
  message: string;
}

export type TrainingPatchResult = { ok: true; training: TrainingConfig } | { ok: false; issues: TrainingIssue[] };

/** Applies a patch and validates the result against the schema; an invalid result changes nothing. */
export function patchTraining(training: TrainingConfig, patch: TrainingPatch): TrainingPatchResult {
  const next = {
    ...training,
    ...withoutNested(patch),
    optimizers: {
      generator: { ...training.optimizers.generator, ...patch.optimizers?.generator },
      discriminator: { ...training.optimizers.discriminator, ...patch.optimizers?.discriminator },
    },
    noise: { ...training.noise, ...patch.noise },
  };
  const parsed = trainingSchema.safeParse(next);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  return { ok: true, training: sameTraining(training, parsed.data) ? training : parsed.data };
}

function withoutNested(patch: TrainingPatch): Omit<TrainingPatch, 'optimizers' | 'noise'> {
  const { optimizers: _o, noise: _n, ...flat } = patch;
  // An explicit `undefined` in a patch means "unchanged", not "remove".
  return Object.fromEntries(Object.entries(flat).filter(([, v]) => v !== undefined));
}

function sameTraining(a: TrainingConfig, b: TrainingConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The generator with every Noise node's `dim` set to `dim`, so that the graph keeps agreeing
 * with the noise training feeds (the analysis flags a mismatch as an error). Unchanged graphs
 * come back as the same object.
 */
export function withNoiseDim(graph: Graph, dim: number): Graph {
  if (!graph.nodes.some((n) => n.kind === 'noise' && n.params.dim !== dim)) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.kind === 'noise' && n.params.dim !== dim ? { ...n, params: { ...n.params, dim } } : n)),
  };
}

/** The controls of the training settings form; other parts of the app lock or hide them by name. */
export const SETTING_NAMES = [
  'loss',
  'k',
  'batchSize',
  'lrG',
  'lrD',
  'beta1',
  'labelSmoothing',
  'gradientPenalty',
  'pack',
  'ema',
  'noiseDim',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export type NumericSetting = Exclude<SettingName, 'loss'>;

/** Everything the app knows about one training setting, in one place. */
export interface SettingSpec {
  /** Where its value lives in `project.training`, and so in `trainingSchema` (its bounds come from there). */
  path: readonly string[];
  /** Other fields the same control sets to the same value (β₁ is both Adams'). */
  alsoSets?: readonly (readonly string[])[];
  /** The value of an optional field that is absent. */
  fallback?: number;
  /** The settings form's label: "D steps k". */
  label: BiText;
  /** Its name standing alone, in the exercise dialog's lists: "D steps per G step (k)". */
  title: BiText;
  /** Its name inside a sentence, as a goal reads: "number of D steps per G step (k)". */
  noun: BiText;
  /** What comes before a value in a run's legend in Compare: "k =" ("k = 5"). */
  run: BiText;
  /** What it does, as the form's tooltip. */
  hint?: BiText;
}

/** One entry per setting: a new setting fails type-checking until it has every text. */
export const SETTINGS: Record<SettingName, SettingSpec> = {
  loss: {
    path: ['loss'],
    label: { en: 'Loss', zh: '损失函数' },
    title: { en: 'Loss', zh: '损失函数' },
    noun: { en: 'loss', zh: '损失函数' },
    run: { en: 'loss', zh: '损失函数' },
  },
  k: {
    path: ['k'],
    label: { en: 'D steps k', zh: 'D 步数 k' },
    title: { en: 'D steps per G step (k)', zh: '每次 G 更新前的 D 更新次数（k）' },
    noun: { en: 'number of D steps per G step (k)', zh: '每次 G 更新前的 D 更新次数（k）' },
    run: { en: 'k =', zh: 'D 步数 k =' },
  },
  batchSize: {
    path: ['batchSize'],
    label: { en: 'Batch size', zh: '批大小' },
    title: { en: 'Batch size', zh: '批大小' },
    noun: { en: 'batch size', zh: '批大小' },
    run: { en: 'batch', zh: '批大小' },
  },
  lrG: {
    path: ['optimizers', 'generator', 'lr'],
    label: { en: 'G learning rate', zh: 'G 学习率' },
    title: { en: 'G learning rate', zh: '生成器学习率' },
    noun: { en: 'generator learning rate', zh: '生成器学习率' },
    run: { en: 'G lr', zh: 'G 学习率' },
  },
  lrD: {
    path: ['optimizers', 'discriminator', 'lr'],
    label: { en: 'D learning rate', zh: 'D 学习率' },
    title: { en: 'D learning rate', zh: '判别器学习率' },
    noun: { en: 'discriminator learning rate', zh: '判别器学习率' },
    run: { en: 'D lr', zh: 'D 学习率' },
  },
  beta1: {
    path: ['optimizers', 'generator', 'beta1'],
    alsoSets: [['optimizers', 'discriminator', 'beta1']],
    label: { en: 'Adam β₁', zh: 'Adam 的 β₁' },
    title: { en: 'Adam beta1', zh: 'Adam 的 beta1' },
    noun: { en: 'Adam’s β₁', zh: 'Adam 的 β₁' },
    run: { en: 'β₁', zh: 'β₁' },
    hint: { en: "Adam's β₁, for both networks' optimizers", zh: 'Adam 的 β₁，两个网络的优化器共用' },
  },
  labelSmoothing: {
    path: ['labelSmoothing'],
    label: { en: 'Label smoothing', zh: '标签平滑' },
    title: { en: 'Label smoothing', zh: '标签平滑' },
    noun: { en: 'label smoothing', zh: '标签平滑' },
    run: { en: 'label smoothing', zh: '标签平滑' },
  },
  gradientPenalty: {
    path: ['gradientPenalty'],
    label: { en: 'Gradient penalty', zh: '梯度惩罚' },
    title: { en: 'Gradient penalty', zh: '梯度惩罚' },
    noun: { en: 'gradient penalty weight', zh: '梯度惩罚系数' },
    run: { en: 'penalty', zh: '梯度惩罚' },
  },
  pack: {
    path: ['pack'],
    fallback: 1,
    label: { en: 'Packing m', zh: '打包 m' },
    title: { en: 'Packing (PacGAN)', zh: '打包（PacGAN）' },
    noun: { en: 'packing (PacGAN’s m)', zh: '打包数（PacGAN 的 m）' },
    run: { en: 'packing m =', zh: '打包 m =' },
    hint: {
      en: 'PacGAN: D judges m samples at once, all real or all generated, side by side, which punishes mode collapse. 1 = off. With m > 1 the batch size counts packs: each update draws m × batch size samples.',
      zh: 'PacGAN：判别器一次并排判断 m 个样本（全为真实或全为生成），以此惩罚模式坍塌。1 表示关闭。m > 1 时批大小按包计数：每次更新抽取 m × 批大小 个样本。',
    },
  },
  ema: {
    path: ['ema'],
    fallback: 0,
    label: { en: 'G average β', zh: 'G 平均 β' },
    title: { en: 'G weight averaging (EMA)', zh: '生成器权重平均（EMA）' },
    noun: { en: 'decay of G’s weight average', zh: '生成器权重平均的衰减' },
    run: { en: 'G average β', zh: 'G 平均 β' },
    hint: {
      en: "Generator weight averaging: the samples, pictures and exported generator come from an exponential moving average of G's weights with this decay (0.999 averages about the last 1,000 iterations), which smooths out G's oscillation around the equilibrium. 0 = off; the dashboard then shows G itself.",
      zh: '生成器权重平均：样本、图像和导出的生成器来自 G 权重的指数滑动平均，衰减为此值（0.999 约平均最近 1000 次迭代），可平滑 G 在均衡点附近的振荡。0 表示关闭，仪表板显示 G 本身。',
    },
  },
  noiseDim: {
    path: ['noise', 'dim'],
    label: { en: 'Noise dim', zh: '噪声维度' },
    title: { en: 'Noise size', zh: '噪声维度' },
    noun: { en: 'noise size', zh: '噪声维度' },
    run: { en: 'noise dim', zh: '噪声维度' },
  },
};

/** What a numeric setting accepts, as the schema says; the form words its message from this. */
export interface SettingBounds {
  integer: boolean;
  min: number;
  max: number;
  /** The bound itself is not allowed (a learning rate must be above 0, beta1 below 1). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

interface NumberJsonSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, NumberJsonSchema>;
}

/** Each numeric setting's range, read from `trainingSchema` (as JSON Schema) at its path. */
function boundsFromSchema(): Record<NumericSetting, SettingBounds> {
  const root = z.toJSONSchema(trainingSchema, { io: 'input' }) as NumberJsonSchema;
  const entries = SETTING_NAMES.filter((n): n is NumericSetting => n !== 'loss').map((name) => {
    const field = SETTINGS[name].path.reduce<NumberJsonSchema | undefined>((node, key) => node?.properties?.[key], root);
    const min = field?.minimum ?? field?.exclusiveMinimum;
    const max = field?.maximum ?? field?.exclusiveMaximum;
    if (min === undefined || max === undefined) throw new Error(`training setting ${name}: no range at ${SETTINGS[name].path.join('.')}`);
    const bounds: SettingBounds = { integer: field?.type === 'integer', min, max };
    if (field?.exclusiveMinimum !== undefined) bounds.minExclusive = true;
    if (field?.exclusiveMaximum !== undefined) bounds.maxExclusive = true;
    return [name, bounds] as const;
  });
  return Object.fromEntries(entries) as Record<NumericSetting, SettingBounds>;
}

/** The schema's ranges, per control. */
export const SETTING_BOUNDS: Record<NumericSetting, SettingBounds> = boundsFromSchema();

/** A setting's current value. beta1 is the generator's (the form sets both Adams' together). */
export function settingValue(training: TrainingConfig, name: SettingName): number | LossKind {
  const spec = SETTINGS[name];
  const value = spec.path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], training);
  return (value ?? spec.fallback) as number | LossKind;
}

/** The patch that sets one control to a value. */
export function settingPatch(name: SettingName, value: number | LossKind): TrainingPatch {
  const spec = SETTINGS[name];
  const patch: Record<string, unknown> = {};
  for (const path of [spec.path, ...(spec.alsoSets ?? [])]) {
    let node = patch;
    path.slice(0, -1).forEach((key) => {
      node = (node[key] ??= {}) as Record<string, unknown>;
    });
    node[path[path.length - 1]!] = value;
  }
  return patch as TrainingPatch;
}

/** Why typed text is no value for a numeric setting, or null when it is one. */
export type SettingProblem = { kind: 'notNumber' } | { kind: 'notWhole' } | { kind: 'range'; bounds: SettingBounds };

/** Reads typed text as a setting's value: the number, or the problem with it. */
export function parseSetting(name: NumericSetting, text: string): { value: number } | { problem: SettingProblem } {
  const bounds = SETTING_BOUNDS[name];
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n)) return { problem: { kind: 'notNumber' } };
  if (bounds.integer && !Number.isInteger(n)) return { problem: { kind: 'notWhole' } };
  const low = bounds.minExclusive ? n <= bounds.min : n < bounds.min;
  const high = bounds.maxExclusive ? n >= bounds.max : n > bounds.max;
  if (low || high) return { problem: { kind: 'range', bounds } };
  return { value: n };
}

/** How each loss is called in the form and in run labels. */
export const LOSS_TITLES: Record<LossKind, BiText> = {
  minimax: { en: 'minimax', zh: '极小极大（minimax）' },
  'non-saturating': { en: 'non-saturating', zh: '非饱和（non-saturating）' },
  'least-squares': { en: 'least squares', zh: '最小二乘（LSGAN）' },
  'wasserstein-gp': { en: 'Wasserstein-GP', zh: 'Wasserstein 梯度惩罚（WGAN-GP）' },
  hinge: { en: 'hinge', zh: '合页损失（hinge）' },
};
