'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { controlState, type ControlId, type ControlState } from '../project/exercise';
import type { ExerciseState, ExerciseStore } from './exercise-store';

const ExerciseContext = createContext<ExerciseStore | null>(null);

export function ExerciseProvider({ store, children }: { store: ExerciseStore; children: ReactNode }) {
  return <ExerciseContext.Provider value={store}>{children}</ExerciseContext.Provider>;
}

export function useExerciseApi(): ExerciseStore {
  const store = useContext(ExerciseContext);
  if (!store) throw new Error('useExerciseApi must be used inside <ExerciseProvider>');
  return store;
}

export function useExercise<T>(selector: (state: ExerciseState) => T): T {
  return useStore(useExerciseApi(), selector);
}

/** Whether a control is shown as usual, hidden or locked by the current exercise. */
export function useControlState(id: ControlId): ControlState {
  return useExercise((s) => controlState(s.exercise, id));
}
