'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { Role } from '@/lib/project/kinds';
import { canvasMark, type CanvasMark } from '@/lib/train/slow-motion';
import { createSlowMotionStore, currentStep, wireSlowMotion, type SlowMotionStore } from '@/lib/store/slow-motion-store';
import { storeContext } from './context';
import { useEditorApi } from './editor';
import { useTrainingApi } from './training';

const slowMotion = storeContext<SlowMotionStore>('slow motion');

/**
 * Makes the page's slow-motion store (inside the editor and training providers) and keeps it in
 * step with them for as long as the page shows it (the rules: `wireSlowMotion`).
 */
export function SlowMotionProvider({ children }: { children: ReactNode }) {
  const training = useTrainingApi();
  const editor = useEditorApi();
  const [store] = useState(() => createSlowMotionStore(training));
  useEffect(() => wireSlowMotion(store, { editor, training }), [store, editor, training]);
  return <slowMotion.Provider store={store}>{children}</slowMotion.Provider>;
}

export const useSlowMotionApi = slowMotion.useApi;
export const useSlowMotion = slowMotion.useSelect;

/** How a network's canvas is marked now: training, frozen or not at all. */
export function useCanvasMark(role: Role): CanvasMark {
  return useSlowMotion((s) => canvasMark(currentStep(s), role));
}

/** Whether slow motion highlights this node now. */
export function useNodeHighlighted(role: Role, nodeId: string): boolean {
  return useSlowMotion((s) => currentStep(s)?.nodes[role].includes(nodeId) ?? false);
}
