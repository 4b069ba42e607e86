import { createStore } from 'zustand/vanilla';
import { controlState, parseExercise, type Exercise } from '../classroom/exercise';
import { NO_LOCKS, type EditLocks, type EditorStore } from './editor-store';

export interface ExerciseState {
  /** The exercise the student is doing; null outside exercise mode. */
  exercise: Exercise | null;
  /** Whether the goal has been met at some point of this exercise (it may drift off later). */
  completed: boolean;

  enter(exercise: Exercise): void;
  /** Leaves exercise mode; the project stays as an ordinary project. */
  leave(): void;
  markCompleted(): void;
}

const SESSION_KEY = 'ganvas:exercise';

/** The edits an exercise forbids, for the editor store to refuse. Hiding the graph or params locks them. */
export function editLocksFor(exercise: Exercise | null): EditLocks {
  if (!exercise) return NO_LOCKS;
  return {
    graph: controlState(exercise, 'graph') !== 'open',
    params: controlState(exercise, 'params') !== 'open',
    kinds: exercise.palette,
  };
}

/** The exercise of this tab before a reload, validated like a link's; null when none or invalid. */
export function loadExerciseSession(): { exercise: Exercise; completed: boolean } | null {
  try {
    const text = sessionStorage.getItem(SESSION_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as { exercise?: unknown; completed?: unknown } | null;
    const parsed = parseExercise(saved?.exercise);
    return parsed.ok ? { exercise: parsed.exercise, completed: saved?.completed === true } : null;
  } catch {
    return null;
  }
}

function saveSession(state: Pick<ExerciseState, 'exercise' | 'completed'>): void {
  try {
    if (state.exercise) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ exercise: state.exercise, completed: state.completed }));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage may be refused (private browsing); exercise mode then lasts until a reload.
  }
}

/**
 * Exercise mode for one page. It keeps the editor store's locks in step with the exercise, so the
 * editor refuses forbidden edits, and with `persist` keeps the exercise in sessionStorage so a
 * reload stays in it (an editor with a workspace of its own, such as a lesson's, does not).
 */
export function createExerciseStore(
  editor: EditorStore,
  initial: { exercise: Exercise; completed?: boolean } | null = null,
  { persist = true } = {},
) {
  editor.getState().setLocks(editLocksFor(initial?.exercise ?? null));
  const store = createStore<ExerciseState>()((set, get) => ({
    exercise: initial?.exercise ?? null,
    completed: initial?.completed ?? false,
    enter: (exercise) => {
      editor.getState().setLocks(editLocksFor(exercise));
      set({ exercise, completed: false });
    },
    leave: () => {
      editor.getState().setLocks(NO_LOCKS);
      set({ exercise: null, completed: false });
    },
    markCompleted: () => {
      if (get().exercise && !get().completed) set({ completed: true });
    },
  }));
  if (persist) {
    saveSession(store.getState());
    store.subscribe((state, prev) => {
      if (state.exercise !== prev.exercise || state.completed !== prev.completed) saveSession(state);
    });
  }
  return store;
}

export type ExerciseStore = ReturnType<typeof createExerciseStore>;
