'use client';

import { useTranslations } from 'use-intl';
import type { ControlId } from '@/lib/classroom/exercise';
import { useControlState } from '@/components/store/exercise';

export interface ControlView {
  hidden: boolean;
  locked: boolean;
  /** The tooltip of a locked control (it says the teacher locked it); undefined otherwise. */
  title: string | undefined;
  /** For a control with no state of its own: `<button {...control.props}>`. */
  props: { disabled: boolean; title: string | undefined; 'data-locked': true | undefined };
}

/** How the current exercise shows one control. Outside an exercise every control is open. */
export function useControl(id: ControlId): ControlView {
  const t = useTranslations('exercise');
  const state = useControlState(id);
  const locked = state === 'locked';
  const title = locked ? t('lockedTitle') : undefined;
  return { hidden: state === 'hidden', locked, title, props: { disabled: locked, title, 'data-locked': locked || undefined } };
}
