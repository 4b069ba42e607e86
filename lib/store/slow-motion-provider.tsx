'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Role } from '../project/kinds';
import { trainingFingerprint } from '../train/fingerprint';
import { canvasMark, type CanvasMark } from '../train/slow-motion';
import { useEditorApi } from './provider';
import { createSlowMotionStore, currentStep, type SlowMotionState, type SlowMotionStore } from './slow-motion-store';
import { useTrainingApi } from './training-provider';

const SlowMotionContext = createContext<SlowMotionStore | null>(null);

/**
 * Makes the page's slow-motion store (inside the editor and training providers) and keeps it in
 * step with them: the tabs layout shows the network each sub-step works in, and a changed design
 * or a reset run ends slow motion.
 */
export function SlowMotionProvider({ children }: { children: ReactNode }) {
  const training = useTrainingApi();
  const editor = useEditorApi();
  const [store] = useState(() => createSlowMotionStore(training));

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const focus = currentStep(s)?.focus;
        if (focus && focus !== currentStep(prev)?.focus && editor.getState().layout === 'tabs') editor.getState().setActiveRole(focus);
      }),
    [store, editor],
  );
  useEffect(
    () =>
      editor.subscribe((s, prev) => {
        const { status, fingerprint } = store.getState();
        if (status === 'open' && s.project !== prev.project && trainingFingerprint(s.project) !== fingerprint) store.getState().close();
      }),
    [store, editor],
  );
  useEffect(
    () =>
      training.subscribe((s) => {
        if (s.phase === 'idle' && store.getState().status === 'open') store.getState().close();
      }),
    [store, training],
  );
  useEffect(() => () => store.getState().close(), [store]);

  return <SlowMotionContext.Provider value={store}>{children}</SlowMotionContext.Provider>;
}

export function useSlowMotionApi(): SlowMotionStore {
  const store = useContext(SlowMotionContext);
  if (!store) throw new Error('useSlowMotionApi must be used inside <SlowMotionProvider>');
  return store;
}

export function useSlowMotion<T>(selector: (state: SlowMotionState) => T): T {
  return useStore(useSlowMotionApi(), selector);
}

/** How a network's canvas is marked now: training, frozen or not at all. */
export function useCanvasMark(role: Role): CanvasMark {
  return useSlowMotion((s) => canvasMark(currentStep(s), role));
}

/** Whether slow motion highlights this node now. */
export function useNodeHighlighted(role: Role, nodeId: string): boolean {
  return useSlowMotion((s) => currentStep(s)?.nodes[role].includes(nodeId) ?? false);
}
