import type { LossKind } from './kinds';
import { emaDecay, packSize, trainingSchema, type AdamConfig, type Graph, type TrainingConfig } from './schema';

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
  return { ...graph, nodes: graph.nodes.map((n) => (n.kind === 'noise' && n.params.dim !== dim ? { ...n, params: { ...n.params, dim } } : n)) };
}

/** The controls of the training settings form; other parts of the app lock or hide them by name. */
export const SETTING_NAMES = ['loss', 'k', 'batchSize', 'lrG', 'lrD', 'beta1', 'labelSmoothing', 'gradientPenalty', 'pack', 'ema', 'noiseDim'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export type NumericSetting = Exclude<SettingName, 'loss'>;

/** What a numeric setting accepts, as the schema says; the form words its message from this. */
export interface SettingBounds {
  integer: boolean;
  min: number;
  max: number;
  /** The bound itself is not allowed (a learning rate must be above 0, beta1 below 1). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** The schema's ranges, per control (tests check them against `trainingSchema`). */
export const SETTING_BOUNDS: Record<NumericSetting, SettingBounds> = {
  k: { integer: true, min: 1, max: 100 },
  batchSize: { integer: true, min: 1, max: 4096 },
  lrG: { integer: false, min: 0, max: 1, minExclusive: true },
  lrD: { integer: false, min: 0, max: 1, minExclusive: true },
  beta1: { integer: false, min: 0, max: 1, maxExclusive: true },
  labelSmoothing: { integer: false, min: 0, max: 0.5 },
  gradientPenalty: { integer: false, min: 0, max: 1000 },
  pack: { integer: true, min: 1, max: 8 },
  ema: { integer: false, min: 0, max: 0.9999 },
  noiseDim: { integer: true, min: 1, max: 4096 },
};

/** A setting's current value. beta1 is the generator's (the form sets both Adams' together). */
export function settingValue(training: TrainingConfig, name: SettingName): number | LossKind {
  switch (name) {
    case 'loss':
      return training.loss;
    case 'lrG':
      return training.optimizers.generator.lr;
    case 'lrD':
      return training.optimizers.discriminator.lr;
    case 'beta1':
      return training.optimizers.generator.beta1;
    case 'noiseDim':
      return training.noise.dim;
    case 'pack':
      return packSize(training);
    case 'ema':
      return emaDecay(training);
    default:
      return training[name];
  }
}

/** The patch that sets one control to a value. */
export function settingPatch(name: SettingName, value: number | LossKind): TrainingPatch {
  if (name === 'loss') return { loss: value as LossKind };
  const n = value as number;
  switch (name) {
    case 'lrG':
      return { optimizers: { generator: { lr: n } } };
    case 'lrD':
      return { optimizers: { discriminator: { lr: n } } };
    case 'beta1':
      return { optimizers: { generator: { beta1: n }, discriminator: { beta1: n } } };
    case 'noiseDim':
      return { noise: { dim: n } };
    default:
      return { [name]: n };
  }
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
export const LOSS_TITLES: Record<LossKind, { en: string; zh: string }> = {
  minimax: { en: 'minimax', zh: '极小极大（minimax）' },
  'non-saturating': { en: 'non-saturating', zh: '非饱和（non-saturating）' },
  'least-squares': { en: 'least squares', zh: '最小二乘（LSGAN）' },
  'wasserstein-gp': { en: 'Wasserstein-GP', zh: 'Wasserstein 梯度惩罚（WGAN-GP）' },
  hinge: { en: 'hinge', zh: '合页损失（hinge）' },
};
