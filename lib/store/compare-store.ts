import { createStore } from 'zustand/vanilla';
import { datasetInfo } from '../data/catalog';
import { compareRuns, type CompareChoice } from '../classroom/compare-runs';
import { bi, errorText } from '../i18n/bi';
import type { BiText } from '../i18n/locale';
import type { GanProject } from '../project/schema';
import type { BackendChoice, BackendDecision } from '../train/backends';
import { trainingFingerprint } from '../train/fingerprint';
import { lossInfo } from '../train/losses';
import type { SessionUpdate } from '../train/session';
import type { LossInfo } from '../train/types';
import type { Visual } from '../train/visuals';
import { applyUpdate, connectTrainer, emptyRunView, visualPatch, type RunView } from './trainer-client';

export type RunId = 'a' | 'b';
export const RUN_IDS: readonly RunId[] = ['a', 'b'];

/** `pausing`: Pause was pressed and the round in flight (A's turn, then B's) has not ended yet. */
export type ComparePhase = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'error';

/** One run of the comparison, as the panel draws it: a `RunView` like the Train tab's, with its label. */
export interface RunState extends RunView {
  label: BiText;
  info: LossInfo;
  /** Chosen when the run starts. */
  decision: BackendDecision;
}

export interface CompareState {
  phase: ComparePhase;
  runs: Record<RunId, RunState> | null;
  /** What the runs train: project A's fingerprint and B's difference. */
  fingerprint: string | null;
  choice: CompareChoice | null;
  /** Why the runs stopped or could not start, in both languages. */
  error: BiText | null;
  /** Iterations each run trains per turn; adapted so that a turn takes about 120 ms. */
  chunk: number;

  /** "Train both": continues the runs, or starts them afresh when the project or B's setting changed. */
  train(project: GanProject, choice: CompareChoice, backend: BackendChoice): Promise<void>;
  /** Stops after the round in flight, so both runs stand at the same iteration. */
  pause(): void;
  /** Discards both runs' sessions and charts; the workers stay for the next start. */
  reset(): Promise<void>;
  /** Stops training and ends both workers. */
  dispose(): void;
}

/** The part of the training worker's API (`lib/train/worker.ts`) a comparison uses. */
export interface CompareWorker {
  start(project: GanProject, backend: BackendChoice): Promise<BackendDecision>;
  advance(iterations: number): Promise<SessionUpdate>;
  visual(): Promise<Visual>;
  dispose(): Promise<void>;
}

export interface CompareStoreOptions {
  /** Makes the worker for a run; by default a Web Worker running lib/train/worker.ts. */
  connect?: (run: RunId) => { api: CompareWorker; terminate(): void };
  /** Milliseconds of training per run and turn (default 120). */
  turnMs?: number;
  /** Milliseconds between picture refreshes while training (default 700). */
  visualEveryMs?: number;
}

const MAX_CHUNK = 500;

const webWorker = (run: RunId): { api: CompareWorker; terminate(): void } => connectTrainer(`ganvas-compare-${run}`);

/**
 * Two training runs that take turns: A trains `chunk` iterations in its own worker, then B the
 * same number in another, and so on. Both start from the project's seed, so the only difference
 * between them is B's one changed setting.
 */
export function createCompareStore(options: CompareStoreOptions = {}) {
  const connectRun = options.connect ?? webWorker;
  const turnMs = options.turnMs ?? 120;
  const visualEveryMs = options.visualEveryMs ?? 700;
  let workers: Partial<Record<RunId, ReturnType<typeof connectRun>>> = {};
  /** Bumped by reset and dispose: a loop or start from before then drops what it gets. */
  let generation = 0;
  /** Whether the sessions exist in the workers (they do once a start has finished). */
  let live = false;

  const worker = (run: RunId) => (workers[run] ??= connectRun(run)).api;

  return createStore<CompareState>()((setState, getState) => {
    const patchRun = (run: RunId, patch: Partial<RunState>) => {
      const runs = getState().runs;
      if (runs) setState({ runs: { ...runs, [run]: { ...runs[run], ...patch } } });
    };

    const update = (run: RunId, u: SessionUpdate) => {
      const current = getState().runs?.[run];
      if (current) patchRun(run, applyUpdate(current, u));
    };

    const applyVisual = (run: RunId, v: Visual) => patchRun(run, visualPatch(v));

    const refreshVisuals = async (gen: number) => {
      for (const run of RUN_IDS) {
        const v = await worker(run).visual();
        if (gen !== generation) return;
        applyVisual(run, v);
      }
    };

    const loop = async (gen: number, pictures: boolean) => {
      let lastVisual = 0;
      let visualCost = 0;
      try {
        while (gen === generation && getState().phase === 'running') {
          const chunk = getState().chunk;
          const start = performance.now();
          let error: BiText | null = null;
          let diverged = false;
          for (const run of RUN_IDS) {
            const u = await worker(run).advance(chunk);
            if (gen !== generation) return;
            update(run, u);
            if (u.error) error = u.error;
            else if (u.divergence) diverged = true;
          }
          const took = performance.now() - start;
          const next = Math.max(1, Math.min(MAX_CHUNK, Math.round((chunk * 2 * turnMs) / Math.max(took, 1))));
          if (error || diverged) {
            setState({ phase: error ? 'error' : 'paused', error, chunk: next });
            break;
          }
          setState({ chunk: next });
          const now = performance.now();
          if (pictures && now - lastVisual > Math.max(visualEveryMs, Math.min(visualCost * 6, 5000))) {
            await refreshVisuals(gen);
            lastVisual = performance.now();
            visualCost = lastVisual - now;
          }
          // Let a pause and the page's other work in between rounds.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        if (gen !== generation) return;
        if (pictures) await refreshVisuals(gen);
        if (gen === generation && getState().phase === 'pausing') setState({ phase: 'paused' });
      } catch (err) {
        if (gen === generation) setState({ phase: 'error', error: errorText(err) });
      }
    };

    /** New sessions for A and B in their workers, from the same seed. */
    const startRuns = async (project: GanProject, choice: CompareChoice, backend: BackendChoice, gen: number): Promise<boolean> => {
      const derived = compareRuns(project, choice);
      if (!derived.ok) {
        // A setting's issues are the schema's English only, so Chinese shows them behind errorText's lead-in.
        const error =
          derived.reason === 'same'
            ? bi('B must differ from A.', 'B 必须与 A 不同。')
            : errorText(derived.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
        setState({ phase: 'error', error });
        return false;
      }
      setState({ phase: 'starting', error: null, runs: null, fingerprint: null, choice: null, chunk: 1 });
      try {
        // Free both old runs before either new one allocates.
        live = false;
        await Promise.all(RUN_IDS.map((r) => workers[r]?.api.dispose()));
        if (gen !== generation) return false;
        const decisionA = await worker('a').start(derived.a.project, backend);
        if (gen !== generation) return false;
        // B on A's backend, chosen once: the same arithmetic for both, and no second round of timing.
        const decisionB = await worker('b').start(derived.b.project, decisionA.backend);
        if (gen !== generation) return false;
        live = true;
        const run = (r: typeof derived.a, decision: BackendDecision): RunState => ({
          ...emptyRunView(),
          label: r.label,
          info: lossInfo(r.project.training.loss),
          decision,
        });
        setState({
          runs: { a: run(derived.a, decisionA), b: run(derived.b, decisionB) },
          fingerprint: trainingFingerprint(project),
          choice,
        });
        return true;
      } catch (err) {
        if (gen === generation) setState({ phase: 'error', error: errorText(err) });
        return false;
      }
    };

    return {
      phase: 'idle',
      runs: null,
      fingerprint: null,
      choice: null,
      error: null,
      chunk: 1,

      train: async (project, choice, backend) => {
        const state = getState();
        if (state.phase === 'starting' || state.phase === 'running' || state.phase === 'pausing') return;
        const gen = generation;
        const same = live && state.runs && state.fingerprint === trainingFingerprint(project) && sameChoice(state.choice, choice);
        if (!same && !(await startRuns(project, choice, backend, gen))) return;
        if (gen !== generation) return;
        setState({ phase: 'running', error: null });
        patchRun('a', { divergence: null });
        patchRun('b', { divergence: null });
        await loop(gen, datasetInfo(project.dataset).shape.length < 3);
      },
      pause: () => {
        if (getState().phase === 'running') setState({ phase: 'pausing' });
      },
      reset: async () => {
        generation++;
        live = false;
        setState({ phase: 'idle', runs: null, fingerprint: null, choice: null, error: null, chunk: 1 });
        await Promise.all(RUN_IDS.map((run) => workers[run]?.api.dispose())).catch(() => undefined);
      },
      dispose: () => {
        generation++;
        live = false;
        for (const run of RUN_IDS) workers[run]?.terminate();
        workers = {};
        setState({ phase: 'idle', runs: null, fingerprint: null, choice: null, error: null, chunk: 1 });
      },
    };
  });
}

export type CompareStore = ReturnType<typeof createCompareStore>;

function sameChoice(a: CompareChoice | null, b: CompareChoice): boolean {
  return a !== null && a.setting === b.setting && a.value === b.value;
}
