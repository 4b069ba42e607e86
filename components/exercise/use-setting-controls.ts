'use client';

import { useMemo } from 'react';
import { controlState, settingControl } from '@/lib/classroom/exercise';
import { SETTING_NAMES, type SettingName } from '@/lib/project/training-settings';
import { useExercise } from '@/components/store/exercise';

/** The training settings the current exercise hides and locks, as the settings form takes them. */
export function useSettingControls(): { hidden: ReadonlySet<SettingName>; locked: ReadonlySet<SettingName> } {
  const exercise = useExercise((s) => s.exercise);
  return useMemo(() => {
    const pick = (state: 'hidden' | 'locked') =>
      new Set(SETTING_NAMES.filter((name) => controlState(exercise, settingControl(name)) === state));
    return { hidden: pick('hidden'), locked: pick('locked') };
  }, [exercise]);
}
