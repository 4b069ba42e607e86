'use client';

import { controlState, type ControlId, type ControlState } from '@/lib/classroom/exercise';
import type { ExerciseStore } from '@/lib/store/exercise-store';
import { storeContext } from './context';

const exercise = storeContext<ExerciseStore>('exercise');

export const ExerciseProvider = exercise.Provider;
export const useExerciseApi = exercise.useApi;
export const useExercise = exercise.useSelect;

/** Whether a control is shown as usual, hidden or locked by the current exercise. */
export function useControlState(id: ControlId): ControlState {
  return useExercise((s) => controlState(s.exercise, id));
}
