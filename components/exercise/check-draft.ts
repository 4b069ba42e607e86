import { checkSchema, type Check, type CheckMetric, type CheckSetting, type QualityMeasure } from '@/lib/classroom/checks';
import type { DatasetId, LayerKind, LossKind, Role } from '@/lib/project/kinds';
import type { GanProject } from '@/lib/project/schema';

/** The kinds of success check the exercise dialog offers (events belong to lessons, not links). */
export const GOAL_KINDS = ['iterations', 'metric', 'edge', 'layer', 'modes', 'setting', 'valid', 'dataset', 'js', 'quality'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** What the dialog's goal fields hold: numbers as typed text, until they become a check. */
export interface CheckDraft {
  kind: GoalKind;
  count: string;
  metric: CheckMetric;
  target: string;
  within: string;
  role: Role;
  from: LayerKind;
  to: LayerKind;
  layer: LayerKind;
  setting: CheckSetting;
  value: string;
  loss: LossKind;
  dataset: DatasetId;
  js: string;
  /** The quality meter's figure, and its bound as typed (label accuracy in per cent). */
  measure: QualityMeasure;
  quality: string;
}

/** A goal a class can reach with the MNIST presets, per figure: FID is bounded above, the others below. */
export const QUALITY_DEFAULTS: Record<QualityMeasure, string> = { classes: '10', score: '3', fid: '100', labelAccuracy: '90' };

/** What each figure can be, as typed: a goal outside it could never (or always) be met. */
const QUALITY_RANGE: Record<QualityMeasure, [number, number]> = {
  classes: [1, 10],
  score: [1, 10],
  fid: [0, Infinity],
  labelAccuracy: [0, 100],
};

/** A starting draft that fits the project: its dataset, its loss, a layer it has. */
export function initialDraft(project: GanProject): CheckDraft {
  return {
    kind: 'iterations',
    count: '100',
    metric: 'dReal',
    target: '0.5',
    within: '0.05',
    role: 'generator',
    from: 'dense',
    to: 'activation',
    layer: 'batchNorm',
    setting: 'batchSize',
    value: String(project.training.batchSize),
    loss: project.training.loss,
    dataset: project.dataset.id,
    js: '0.05',
    measure: 'classes',
    quality: QUALITY_DEFAULTS.classes,
  };
}

const number = (text: string): number | undefined => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** The check a draft stands for, validated as a link's would be; null while a number is missing or out of range. */
export function draftToCheck(d: CheckDraft): Check | null {
  let candidate: unknown;
  switch (d.kind) {
    case 'iterations':
      candidate = { kind: 'iterations', atLeast: number(d.count) };
      break;
    case 'metric':
      candidate = { kind: 'metric', metric: d.metric, target: number(d.target), within: number(d.within) };
      break;
    case 'edge':
      candidate = { kind: 'edge', role: d.role, from: d.from, to: d.to };
      break;
    case 'layer':
      candidate = { kind: 'layer', role: d.role, layer: d.layer, atLeast: number(d.count) };
      break;
    case 'modes':
      candidate = { kind: 'modes', atLeast: number(d.count) };
      break;
    case 'setting':
      candidate = { kind: 'setting', name: d.setting, equals: d.setting === 'loss' ? d.loss : number(d.value) };
      break;
    case 'valid':
      candidate = { kind: 'valid' };
      break;
    case 'dataset':
      candidate = { kind: 'dataset', id: d.dataset };
      break;
    case 'js':
      candidate = { kind: 'js', atMost: number(d.js) };
      break;
    case 'quality': {
      const [low, high] = QUALITY_RANGE[d.measure];
      const typed = [number(d.quality)].find((v) => v !== undefined && v >= low && v <= high);
      // Checks hold label accuracy as a share; people type it in per cent.
      const value = typed !== undefined && d.measure === 'labelAccuracy' ? typed / 100 : typed;
      candidate = { kind: 'quality', measure: d.measure, ...(d.measure === 'fid' ? { atMost: value } : { atLeast: value }) };
      break;
    }
  }
  // A number left empty must not silently become "no condition".
  if (Object.values(candidate as object).some((v) => v === undefined)) return null;
  const parsed = checkSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
