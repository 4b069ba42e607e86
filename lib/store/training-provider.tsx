'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TrainingState, TrainingStore } from './training-store';

const TrainingContext = createContext<TrainingStore | null>(null);

export function TrainingProvider({ store, children }: { store: TrainingStore; children: ReactNode }) {
  return <TrainingContext.Provider value={store}>{children}</TrainingContext.Provider>;
}

export function useTrainingApi(): TrainingStore {
  const store = useContext(TrainingContext);
  if (!store) throw new Error('useTrainingApi must be used inside <TrainingProvider>');
  return store;
}

export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(useTrainingApi(), selector);
}
