'use client';

import { useTranslations } from 'use-intl';
import type { ControlId, ControlState } from '@/lib/classroom/exercise';
import { useControlState } from '@/components/store/exercise';

export interface ControlView {
  hidden: boolean;
  locked: boolean;
  /** The tooltip of a locked control (it says the teacher locked it); undefined otherwise. */
  title: string | undefined;
  /** For a control with no state of its own: `<button {...control.props}>`. */
  props: { disabled: boolean; title: string | undefined; 'data-locked': true | undefined };
}

/** How a control in a state shows; `lockedTitle` is the tooltip that says the teacher locked it. */
export function controlView(state: ControlState, lockedTitle: string): ControlView {
  const locked = state === 'locked';
  const title = locked ? lockedTitle : undefined;
  return { hidden: state === 'hidden', locked, title, props: { disabled: locked, title, 'data-locked': locked || undefined } };
}

/** How the current exercise shows one control. Outside an exercise every control is open. */
export function useControl(id: ControlId): ControlView {
  const t = useTranslations('exercise');
  return controlView(useControlState(id), t('lockedTitle'));
}
