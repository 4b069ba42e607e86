import type { BiText } from '../i18n/locale';
import { LOSS_KINDS, type LossKind } from '../project/kinds';
import { packSize, type GanProject } from '../project/schema';
import {
  LOSS_TITLES,
  patchTraining,
  settingPatch,
  settingValue,
  SETTINGS,
  type SettingName,
  type TrainingIssue,
} from '../project/training-settings';

/** The settings a side-by-side comparison may vary between its two runs. */
export const COMPARE_SETTINGS = [
  'loss',
  'lrG',
  'lrD',
  'k',
  'batchSize',
  'labelSmoothing',
  'pack',
] as const satisfies readonly SettingName[];
export type CompareSetting = (typeof COMPARE_SETTINGS)[number];

/** Run B's one difference from run A. */
export interface CompareChoice {
  setting: CompareSetting;
  value: number | LossKind;
}

/** One run of a comparison: what it trains and what the legend calls it. */
export interface CompareRun {
  project: GanProject;
  /** "A: non-saturating", "B: G lr 0.0002": the run's letter and its value of the varied setting. */
  label: BiText;
}

export type CompareRuns =
  { ok: true; a: CompareRun; b: CompareRun } | { ok: false; reason: 'same' } | { ok: false; reason: 'invalid'; issues: TrainingIssue[] };

/** How one value of a setting reads: "minimax", "G lr 0.0002", "k = 5". */
export function settingText(setting: CompareSetting, value: number | LossKind): BiText {
  if (setting === 'loss') return LOSS_TITLES[value as LossKind];
  const name = SETTINGS[setting].run;
  const v = formatNumber(value as number);
  return { en: `${name.en} ${v}`, zh: `${name.zh} ${v}` };
}

/** Short and exact: 0.0002, 1e-5, 128. */
function formatNumber(v: number): string {
  const s = String(v);
  return s.length > 8 ? v.toPrecision(3).replace(/\.?0+(e|$)/, '$1') : s;
}

/**
 * Run A is the project as it is; run B is the same project with one setting changed. Both keep
 * the seed, so the networks start from the same weights and only the setting differs. B's value
 * must differ from A's and pass the schema's ranges.
 */
export function compareRuns(project: GanProject, choice: CompareChoice): CompareRuns {
  const current = settingValue(project.training, choice.setting);
  if (current === choice.value) return { ok: false, reason: 'same' };
  const patched = patchTraining(project.training, settingPatch(choice.setting, choice.value));
  if (!patched.ok) return { ok: false, reason: 'invalid', issues: patched.issues };
  const labelA = settingText(choice.setting, current);
  const labelB = settingText(choice.setting, choice.value);
  return {
    ok: true,
    a: { project, label: { en: `A: ${labelA.en}`, zh: `A：${labelA.zh}` } },
    b: { project: { ...project, training: patched.training }, label: { en: `B: ${labelB.en}`, zh: `B：${labelB.zh}` } },
  };
}

/**
 * A value worth comparing against the project's: the other classic loss (minimax against
 * non-saturating, Goodfellow et al.'s pair), a learning rate five times smaller, k = 5, half
 * the batch, label smoothing 0.1 (or none when the project smooths already), packs of 2 (PacGAN2,
 * or none when the project packs already).
 */
export function defaultCompareValue(project: GanProject, setting: CompareSetting): number | LossKind {
  const t = project.training;
  switch (setting) {
    case 'loss':
      return t.loss === 'minimax' ? 'non-saturating' : 'minimax';
    case 'lrG':
      return Number((t.optimizers.generator.lr / 5).toPrecision(3));
    case 'lrD':
      return Number((t.optimizers.discriminator.lr / 5).toPrecision(3));
    case 'k':
      return t.k === 5 ? 1 : 5;
    case 'batchSize':
      return t.batchSize > 1 ? Math.floor(t.batchSize / 2) : 2;
    case 'labelSmoothing':
      return t.labelSmoothing === 0 ? 0.1 : 0;
    case 'pack':
      return packSize(t) === 1 ? 2 : 1;
  }
}

/** The losses B may use: all but A's. */
export function otherLosses(project: GanProject): LossKind[] {
  return LOSS_KINDS.filter((l) => l !== project.training.loss);
}
