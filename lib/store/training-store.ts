import * as Comlink from 'comlink';
import { del, get, set } from 'idb-keyval';
import { createStore } from 'zustand/vanilla';
import { bi, BiError, errorText, type BiText } from '../i18n/bi';
import { LEARN_EVENTS, type LearnEvent } from '../classroom/checks';
import type { DatasetRef, GanProject } from '../project/schema';
import type { BackendChoice } from '../train/backends';
import { trainingFingerprint } from '../train/fingerprint';
import { emptyRunHistory, historyTable, runHistoryOf } from '../train/history';
import { lossInfo } from '../train/losses';
import type { GanArtifacts, LatentRequest, LatentResult, SessionUpdate } from '../train/session';
import type { IterationTrace } from '../train/trace';
import type { StepMode } from '../train/trainer';
import type { LossInfo, MetricsHistory, SampleFrame } from '../train/types';
import type { TrainerWorkerApi } from '../train/worker';
import type { GanWeights } from '../train/weights';
import { applyUpdate, connectTrainer, emptyRunView, type RunView } from './trainer-client';

/** `pausing`: Pause was pressed and the chunk in flight has not reported yet. */
export type Phase = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'error';

/** The run in the Train tab (`RunView`: backend, status, history, pictures, divergence, quality) and how to drive it. */
export interface TrainingState extends RunView {
  phase: Phase;
  backendChoice: BackendChoice;
  info: LossInfo | null;
  frames: SampleFrame[];
  /** Why training stopped with an error, in English (`en`) and Chinese (`zh`). */
  error: BiText | null;
  /** The design the worker trains; an edited graph needs a reset to train. */
  fingerprint: string | null;
  resumedFrom: number | null;
  /** How often each classroom event happened on this page (lessons compare against a baseline). */
  eventCounts: Record<LearnEvent, number>;

  record(event: LearnEvent): void;
  /** Starts the worker and its backends, and unpacks the design's built-in images, ahead of Train. */
  prepare(dataset: DatasetRef): void;
  setBackendChoice(choice: BackendChoice): void;
  play(project: GanProject): Promise<void>;
  pause(): void;
  step(project: GanProject, mode: StepMode): Promise<void>;
  /** One iteration like Step, recorded sub-step by sub-step for slow motion; null when it could not run. */
  traceIteration(project: GanProject): Promise<IterationTrace | null>;
  reset(): Promise<void>;
  /** Both networks' current weights in the tfjs layers format; null when nothing was trained yet. */
  exportWeights(project: GanProject): Promise<GanArtifacts | null>;
  /** Fresh images of one class from the trained conditional G; null when nothing was trained. */
  samplesOf(label: number, count: number): Promise<SampleFrame | null>;
  /** G on given noise (the latent-space explorer); null when nothing was trained or started. */
  latent(request: LatentRequest): Promise<LatentResult | null>;
  /** Loads weights (a download from this app or the exported code) and saves them as the checkpoint. */
  importWeights(project: GanProject, artifacts: GanArtifacts): Promise<void>;
  dispose(): void;
}

const CHECKPOINT_KEY = 'ganvas:checkpoint';

export interface TrainingStoreOptions {
  /** Where checkpoints go in IndexedDB: each lesson keeps its own, away from the user's project. */
  checkpointKey?: string;
}
const MAX_FRAMES = 120;

interface Checkpoint {
  fingerprint: string;
  weights: GanWeights;
  history: MetricsHistory;
}

/**
 * Main-thread side of training: owns the worker (comlink), turns its updates into chart data,
 * and keeps checkpoints in IndexedDB so a reload resumes the run.
 */
export function createTrainingStore({ checkpointKey = CHECKPOINT_KEY }: TrainingStoreOptions = {}) {
  let terminate: (() => void) | null = null;
  let remote: Comlink.Remote<TrainerWorkerApi> | null = null;

  const connect = () => {
    if (!remote) {
      const connection = connectTrainer('ganvas-trainer');
      remote = connection.api;
      terminate = connection.terminate;
      // `?debug` in the URL: a console handle to make the GPU fail on purpose.
      if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug')) {
        const handle = remote;
        (globalThis as unknown as { ganvasDebug?: unknown }).ganvasDebug = { loseDevice: () => handle.simulateDeviceLoss() };
      }
    }
    return remote;
  };

  return createStore<TrainingState>()((setState, getState) => {
    const apply = (u: SessionUpdate) => {
      // A chunk that was in flight when Reset disposed the session reports late: drop it.
      if (getState().phase === 'idle') return;
      const patch: Partial<TrainingState> = applyUpdate(getState(), u);
      if (u.visual?.kind === 'images') patch.frames = [...getState().frames, u.visual.frame].slice(-MAX_FRAMES);
      if (u.divergence) patch.phase = 'paused';
      if (u.error) {
        patch.error = u.error;
        patch.phase = 'error';
      } else if (!u.running && (getState().phase === 'running' || getState().phase === 'pausing')) patch.phase = 'paused';
      setState(patch);
      const fingerprint = getState().fingerprint;
      if (u.checkpoint && fingerprint) {
        const checkpoint: Checkpoint = { fingerprint, weights: u.checkpoint, history: historyTable(getState().history) };
        void set(checkpointKey, checkpoint).catch(() => undefined);
      }
    };

    /** Starts the worker session for this design unless it already runs it. */
    const ensureSession = async (project: GanProject): Promise<boolean> => {
      const fingerprint = trainingFingerprint(project);
      const state = getState();
      if (state.fingerprint === fingerprint && state.decision && state.phase !== 'error') return true;
      setState({ phase: 'starting', error: null, divergence: null });
      const saved = await get<Checkpoint>(checkpointKey).catch(() => undefined);
      const resume = saved?.fingerprint === fingerprint ? saved : undefined;
      try {
        const decision = await connect().start(project, state.backendChoice, resume?.weights);
        setState({
          decision,
          fingerprint,
          info: lossInfo(project.training.loss),
          history: resume ? runHistoryOf(resume.history) : emptyRunHistory(),
          frames: [],
          scatter: null,
          density: null,
          quality: null,
          resumedFrom: resume ? resume.weights.iteration : null,
          status: resume ? { iteration: resume.weights.iteration, last: null, iterationsPerSecond: 0, samplesPerSecond: 0 } : null,
          phase: 'paused',
        });
        return true;
      } catch (err) {
        setState({ phase: 'error', error: errorText(err) });
        return false;
      }
    };

    return {
      ...emptyRunView(),
      phase: 'idle',
      backendChoice: 'auto',
      info: null,
      frames: [],
      error: null,
      fingerprint: null,
      resumedFrom: null,
      eventCounts: Object.fromEntries(LEARN_EVENTS.map((e) => [e, 0])) as Record<LearnEvent, number>,

      prepare: (dataset) => {
        if (typeof Worker === 'undefined') return;
        void connect()
          .prepare(dataset)
          .catch(() => undefined);
      },
      record: (event) => setState((s) => ({ eventCounts: { ...s.eventCounts, [event]: s.eventCounts[event] + 1 } })),
      setBackendChoice: (backendChoice) => {
        if (backendChoice === getState().backendChoice) return;
        // A new backend means a new session; keep the weights through a checkpoint.
        setState({ backendChoice, fingerprint: null, decision: null });
      },
      play: async (project) => {
        if (!(await ensureSession(project))) return;
        setState({ phase: 'running', divergence: null });
        await connect().play(Comlink.proxy(apply));
      },
      pause: () => {
        void remote?.pause();
        // The worker finishes its chunk and reports it with running: false, which makes it 'paused'.
        if (getState().phase === 'running') setState({ phase: 'pausing' });
        void saveNow();
      },
      step: async (project, mode) => {
        if (getState().phase === 'running' || getState().phase === 'pausing' || !(await ensureSession(project))) return;
        apply(await connect().step(mode));
        if (mode === 'd') getState().record('stepped-d');
        if (mode === 'g') getState().record('stepped-g');
      },
      traceIteration: async (project) => {
        if (getState().phase === 'running' || getState().phase === 'pausing' || !(await ensureSession(project))) return null;
        const update = await connect().traceIteration();
        apply(update);
        return update.trace ?? null;
      },
      reset: async () => {
        await remote?.dispose();
        await del(checkpointKey).catch(() => undefined);
        setState({
          ...emptyRunView(),
          phase: 'idle',
          frames: [],
          error: null,
          fingerprint: null,
          resumedFrom: null,
        });
      },
      latent: async (request) => {
        if (!remote || !getState().fingerprint) return null;
        return remote.latent(request);
      },
      samplesOf: async (label, count) => {
        if (!remote || !getState().fingerprint) return null;
        return remote.samplesOf(label, count);
      },
      exportWeights: async (project) => {
        if (getState().fingerprint !== trainingFingerprint(project) || !remote) return null;
        return remote.exportWeights();
      },
      importWeights: async (project, artifacts) => {
        if (getState().phase === 'running' || getState().phase === 'pausing') throw new Error('Pause training before loading weights.');
        if (!(await ensureSession(project))) throw new BiError(getState().error ?? bi('training could not start', '训练无法开始'));
        const weights = await connect().importWeights(artifacts);
        setState({ status: { iteration: weights.iteration, last: null, iterationsPerSecond: 0, samplesPerSecond: 0 }, divergence: null });
        apply({ running: false, status: getState().status!, metrics: [], visual: await connect().visual() });
        await saveNow();
      },
      dispose: () => {
        terminate?.();
        terminate = null;
        remote = null;
      },
    };

    async function saveNow() {
      const fingerprint = getState().fingerprint;
      if (!remote || !fingerprint) return;
      try {
        const weights = await remote.getWeights();
        await set(checkpointKey, { fingerprint, weights, history: historyTable(getState().history) } satisfies Checkpoint);
      } catch {
        // Nothing to save yet.
      }
    }
  });
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;
