import type { BiText } from '../i18n/locale';
import type { LossKind, Role } from '../project/kinds';
import type { PresetId } from '../project/presets';
import type { Check } from './checks';

/** What a lesson is made of; the lessons themselves are in `lessons/`, one file each, listed by `lessons.ts`. */

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

/** D(x) and D(G(z)) at 1/2 and p_g on p_data: the equilibrium two lessons ask for. */
export const EQUILIBRIUM: Check = {
  kind: 'all',
  of: [
    { kind: 'iterations', atLeast: 500 },
    { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 },
    { kind: 'metric', metric: 'dFake', target: 0.5, within: 0.05 },
    { kind: 'js', atMost: 0.05 },
  ],
};
