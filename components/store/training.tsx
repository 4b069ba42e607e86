'use client';

import type { TrainingStore } from '@/lib/store/training-store';
import { storeContext } from './context';

const training = storeContext<TrainingStore>('training');

export const TrainingProvider = training.Provider;
export const useTrainingApi = training.useApi;
export const useTraining = training.useSelect;
