import { z } from 'zod';
import { DATASET_IDS, LAYER_KINDS, LOSS_KINDS, type Role } from '../project/kinds';
import type { GanProject } from '../project/schema';
import { settingValue, type SettingName } from '../project/training-settings';
import type { RunHistory } from '../train/history';

/**
 * The language of step checks and exercise success checks. Checks are data, never code: a lesson
 * or a shared exercise link carries them as JSON, validated here, and `evaluateCheck` reads them
 * against a snapshot of the editor and the run.
 */

/** Things a student does that leave no trace in the project or the metrics. */
export const LEARN_EVENTS = ['slow-motion-done', 'stepped-d', 'stepped-g', 'digit-chosen', 'compared', 'explored-latent'] as const;
export type LearnEvent = (typeof LEARN_EVENTS)[number];

/** The settings a check can name (their words are in SETTINGS). */
export const CHECK_SETTINGS = [
  'loss',
  'k',
  'batchSize',
  'lrG',
  'lrD',
  'labelSmoothing',
  'noiseDim',
] as const satisfies readonly SettingName[];
export type CheckSetting = (typeof CHECK_SETTINGS)[number];

/** Metrics a check can name: means over the last {@link RECENT} iterations. */
export const CHECK_METRICS = ['dReal', 'dFake', 'dLoss', 'gLoss'] as const;
export type CheckMetric = (typeof CHECK_METRICS)[number];

/** Image quality meter figures a check can name (MNIST and Fashion-MNIST; the latest reading). */
export const QUALITY_MEASURES = ['classes', 'score', 'fid', 'labelAccuracy'] as const;
export type QualityMeasure = (typeof QUALITY_MEASURES)[number];

/** How many of the latest iterations a metric check averages (one iteration's batch is noisy). */
export const RECENT = 20;

const role = z.enum(['generator', 'discriminator']);
const num = z.number().finite();
const bounds = { atLeast: num.optional(), atMost: num.optional() };

const leafSchema = z.discriminatedUnion('kind', [
  /** The graph has at least `atLeast` (default 1) nodes of this layer kind. */
  z.strictObject({ kind: z.literal('layer'), role, layer: z.enum(LAYER_KINDS), atLeast: z.number().int().min(1).max(1000).optional() }),
  /** Some edge of the graph runs from a node of kind `from` to a node of kind `to`. */
  z.strictObject({ kind: z.literal('edge'), role, from: z.enum(LAYER_KINDS), to: z.enum(LAYER_KINDS) }),
  /** Both networks compile: no error diagnostics. */
  z.strictObject({ kind: z.literal('valid') }),
  z.strictObject({ kind: z.literal('dataset'), id: z.enum(DATASET_IDS) }),
  /** A training setting equals a value, or lies within bounds. */
  z.strictObject({
    kind: z.literal('setting'),
    name: z.enum(CHECK_SETTINGS),
    equals: z.union([z.enum(LOSS_KINDS), num]).optional(),
    ...bounds,
  }),
  z.strictObject({ kind: z.literal('iterations'), atLeast: z.number().int().min(0) }),
  /** A recent metric is within `within` of `target`, or within bounds. */
  z.strictObject({
    kind: z.literal('metric'),
    metric: z.enum(CHECK_METRICS),
    target: num.optional(),
    within: num.positive().optional(),
    ...bounds,
  }),
  /** 2-D mixtures: modes captured by the latest samples (and optionally the high-quality share). */
  z.strictObject({
    kind: z.literal('modes'),
    atLeast: z.number().int().min(0).max(1000),
    highQuality: z.number().min(0).max(1).optional(),
  }),
  /** 1-D data: the estimated JS(p_data ‖ p_g), in nats. */
  z.strictObject({ kind: z.literal('js'), atMost: num.min(0) }),
  /** Image data: the quality meter's latest reading (label accuracy as a share, 0..1). */
  z.strictObject({ kind: z.literal('quality'), measure: z.enum(QUALITY_MEASURES), ...bounds }),
  z.strictObject({ kind: z.literal('event'), event: z.enum(LEARN_EVENTS) }),
]);

export type LeafCheck = z.infer<typeof leafSchema>;
export type Check = LeafCheck | { kind: 'all'; of: LeafCheck[] };

/** A check as read from a lesson or a link: one condition, or all of a list (one level deep). */
export const checkSchema: z.ZodType<Check> = z.union([
  leafSchema,
  z.strictObject({ kind: z.literal('all'), of: z.array(leafSchema).min(1).max(20) }),
]);

/** Everything a check may look at, gathered from the stores by the page. */
export interface LearnSnapshot {
  project: GanProject;
  errors: Record<Role, number>;
  iteration: number;
  /** Means of the last {@link RECENT} iterations' metrics; null before any. */
  recent: Record<CheckMetric, number> | null;
  /** From the latest 2-D picture; null on other data or before one arrives. */
  modes: { captured: number; total: number; highQuality: number } | null;
  /** From the latest 1-D picture; null on other data or before one arrives. */
  js: number | null;
  /** The image quality meter's latest reading; null on other data or before one arrives. */
  quality: Partial<Record<QualityMeasure, number>> | null;
  events: ReadonlySet<LearnEvent>;
}

/** Whether a check holds, and for measured checks the value it saw (to show the student). */
export interface CheckResult {
  met: boolean;
  value?: number;
}

/** Means of the last `n` iterations of each metric; null when nothing was trained. */
export function recentMetrics(run: RunHistory, n = RECENT): Record<CheckMetric, number> | null {
  const len = run.length;
  if (len === 0) return null;
  const from = Math.max(0, len - n);
  const mean = (xs: number[]) => xs.slice(from, len).reduce((a, b) => a + b, 0) / (len - from);
  const history = run.columns;
  return { dReal: mean(history.dReal), dFake: mean(history.dFake), dLoss: mean(history.dLoss), gLoss: mean(history.gLoss) };
}

const inBounds = (v: number, b: { atLeast?: number; atMost?: number }) =>
  (b.atLeast === undefined || v >= b.atLeast) && (b.atMost === undefined || v <= b.atMost);

/** Evaluates a check against a snapshot. Pure; never throws on a valid check. */
export function evaluateCheck(check: Check, s: LearnSnapshot): CheckResult {
  switch (check.kind) {
    case 'all':
      return { met: check.of.every((c) => evaluateCheck(c, s).met) };
    case 'layer': {
      const count = s.project[check.role].nodes.filter((n) => n.kind === check.layer).length;
      return { met: count >= (check.atLeast ?? 1), value: count };
    }
    case 'edge': {
      const kinds = new Map(s.project[check.role].nodes.map((n) => [n.id, n.kind]));
      return { met: s.project[check.role].edges.some((e) => kinds.get(e.source) === check.from && kinds.get(e.target) === check.to) };
    }
    case 'valid':
      return { met: s.errors.generator === 0 && s.errors.discriminator === 0 };
    case 'dataset':
      return { met: s.project.dataset.id === check.id };
    case 'setting': {
      const v = settingValue(s.project.training, check.name);
      if (typeof v === 'string') return { met: check.equals === undefined || v === check.equals };
      const equal =
        check.equals === undefined || (typeof check.equals === 'number' && Math.abs(v - check.equals) <= 1e-12 * Math.max(1, Math.abs(v)));
      return { met: equal && inBounds(v, check), value: v };
    }
    case 'iterations':
      return { met: s.iteration >= check.atLeast, value: s.iteration };
    case 'metric': {
      const v = s.recent?.[check.metric];
      if (v === undefined || !Number.isFinite(v)) return { met: false };
      const near = check.target === undefined || Math.abs(v - check.target) <= (check.within ?? 0);
      return { met: near && inBounds(v, check), value: v };
    }
    case 'modes': {
      if (!s.modes) return { met: false };
      const quality = check.highQuality === undefined || s.modes.highQuality >= check.highQuality;
      return { met: s.modes.captured >= check.atLeast && quality, value: s.modes.captured };
    }
    case 'js':
      return s.js === null ? { met: false } : { met: s.js <= check.atMost, value: s.js };
    case 'quality': {
      const v = s.quality?.[check.measure];
      return v === undefined || !Number.isFinite(v) ? { met: false } : { met: inBounds(v, check), value: v };
    }
    case 'event':
      return { met: s.events.has(check.event) };
  }
}
