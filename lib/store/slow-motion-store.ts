import { createStore } from 'zustand/vanilla';
import type { GanProject } from '../project/schema';
import { trainingFingerprint } from '../train/fingerprint';
import { slowMotionSteps, type SubStep } from '../train/slow-motion';
import type { IterationTrace } from '../train/trace';
import type { EditorStore } from './editor-store';
import type { TrainingStore } from './training-store';

export interface SlowMotionState {
  /** `loading`: the traced iteration is running in the worker. */
  status: 'closed' | 'loading' | 'open';
  trace: IterationTrace | null;
  steps: SubStep[];
  /** The sub-step shown. */
  index: number;
  /** The design the trace belongs to: slow motion closes when the design changes. */
  fingerprint: string | null;

  /** Runs one traced iteration and shows its first sub-step. */
  open(project: GanProject): Promise<void>;
  go(index: number): void;
  next(): void;
  back(): void;
  close(): void;
}

type View = Pick<SlowMotionState, 'status' | 'trace' | 'steps' | 'index' | 'fingerprint'>;
const closed = (): View => ({ status: 'closed', trace: null, steps: [], index: 0, fingerprint: null });

/**
 * Slow motion's state, apart from the editor store so that highlights never become undo steps
 * or reach the autosave. Reaching the last sub-step records 'slow-motion-done' (once per trace).
 */
export function createSlowMotionStore(training: TrainingStore) {
  let recorded: IterationTrace | null = null;
  return createStore<SlowMotionState>()((set, get) => ({
    ...closed(),

    open: async (project) => {
      if (get().status === 'loading') return;
      set({ ...closed(), status: 'loading' });
      const trace = await training
        .getState()
        .traceIteration(project)
        .catch(() => null);
      // Closed while the iteration ran: the iteration counts, but nothing is shown.
      if (get().status !== 'loading') return;
      if (!trace) {
        set(closed());
        return;
      }
      set({ status: 'open', trace, steps: slowMotionSteps(project, trace), index: 0, fingerprint: trainingFingerprint(project) });
    },
    go: (index) => {
      const { steps, trace, status } = get();
      if (status !== 'open' || !trace) return;
      const clamped = Math.max(0, Math.min(steps.length - 1, index));
      set({ index: clamped });
      if (clamped === steps.length - 1 && recorded !== trace) {
        recorded = trace;
        training.getState().record('slow-motion-done');
      }
    },
    next: () => get().go(get().index + 1),
    back: () => get().go(get().index - 1),
    close: () => set(closed()),
  }));
}

export type SlowMotionStore = ReturnType<typeof createSlowMotionStore>;

/** The sub-step shown, or null when slow motion is closed. */
export const currentStep = (s: SlowMotionState): SubStep | null => (s.status === 'open' ? (s.steps[s.index] ?? null) : null);

/**
 * Keeps slow motion in step with the editor and the run, until the returned function is called:
 * - in the tabs layout, the canvas shown follows the network each sub-step works in;
 * - a change of design (anything its trace depends on) closes slow motion;
 * - a reset run (phase back to idle) closes it;
 * - and unwiring closes it (the page that showed it is gone).
 */
export function wireSlowMotion(store: SlowMotionStore, { editor, training }: { editor: EditorStore; training: TrainingStore }): () => void {
  const unsubscribe = [
    store.subscribe((s, prev) => {
      const focus = currentStep(s)?.focus;
      if (focus && focus !== currentStep(prev)?.focus && editor.getState().layout === 'tabs') editor.getState().setActiveRole(focus);
    }),
    editor.subscribe((s, prev) => {
      const { status, fingerprint } = store.getState();
      if (status === 'open' && s.project !== prev.project && trainingFingerprint(s.project) !== fingerprint) store.getState().close();
    }),
    training.subscribe((s) => {
      if (s.phase === 'idle' && store.getState().status === 'open') store.getState().close();
    }),
  ];
  return () => {
    unsubscribe.forEach((off) => off());
    store.getState().close();
  };
}
