'use client';

import * as Comlink from 'comlink';
import { del, get, set } from 'idb-keyval';
import { createStore } from 'zustand/vanilla';
import type { GanProject } from '../project/schema';
import type { BackendChoice, BackendDecision } from '../train/backends';
import { trainingFingerprint } from '../train/fingerprint';
import { lossInfo } from '../train/losses';
import type { GanArtifacts, SessionUpdate } from '../train/session';
import type { Divergence, StepMode, TrainerStatus } from '../train/trainer';
import { emptyHistory, type Density1DData, type LossInfo, type MetricsHistory, type SampleFrame, type Scatter2DData } from '../train/types';
import type { TrainerWorkerApi } from '../train/worker';
import type { GanWeights } from '../train/weights';

/** `pausing`: Pause was pressed and the chunk in flight has not reported yet. */
export type Phase = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'error';

export interface TrainingState {
  phase: Phase;
  backendChoice: BackendChoice;
  decision: BackendDecision | null;
  status: TrainerStatus | null;
  info: LossInfo | null;
  history: MetricsHistory;
  frames: SampleFrame[];
  scatter: Scatter2DData | null;
  density: Density1DData | null;
  divergence: (Divergence & { restoredIteration: number }) | null;
  error: string | null;
  /** The design the worker trains; an edited graph needs a reset to train. */
  fingerprint: string | null;
  resumedFrom: number | null;

  setBackendChoice(choice: BackendChoice): void;
  play(project: GanProject): Promise<void>;
  pause(): void;
  step(project: GanProject, mode: StepMode): Promise<void>;
  reset(): Promise<void>;
  /** Both networks' current weights in the tfjs layers format; null when nothing was trained yet. */
  exportWeights(project: GanProject): Promise<GanArtifacts | null>;
  /** Loads weights (a download from this app or the exported code) and saves them as the checkpoint. */
  importWeights(project: GanProject, artifacts: GanArtifacts): Promise<void>;
  dispose(): void;
}

const CHECKPOINT_KEY = 'ganvas:checkpoint';
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
export function createTrainingStore() {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<TrainerWorkerApi> | null = null;
  let history = emptyHistory();

  const connect = () => {
    if (!remote) {
      worker = new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module', name: 'ganvas-trainer' });
      remote = Comlink.wrap<TrainerWorkerApi>(worker);
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
      for (const m of u.metrics) {
        history.iteration.push(m.iteration);
        history.dLoss.push(m.dLoss);
        history.gLoss.push(m.gLoss);
        history.dReal.push(m.dReal);
        history.dFake.push(m.dFake);
        history.gradNormD.push(m.gradNormD);
        history.gradNormG.push(m.gradNormG);
      }
      const patch: Partial<TrainingState> = { status: u.status, history: { ...history } };
      if (u.visual?.kind === 'images') patch.frames = [...getState().frames, u.visual.frame].slice(-MAX_FRAMES);
      if (u.visual?.kind === 'scatter') patch.scatter = u.visual.data;
      if (u.visual?.kind === 'density') patch.density = u.visual.data;
      if (u.backend) patch.decision = u.backend;
      if (u.divergence) {
        patch.divergence = u.divergence;
        patch.phase = 'paused';
        history = truncate(history, u.divergence.restoredIteration);
        patch.history = { ...history };
      }
      if (u.error) {
        patch.error = u.error;
        patch.phase = 'error';
      } else if (!u.running && (getState().phase === 'running' || getState().phase === 'pausing')) patch.phase = 'paused';
      setState(patch);
      const fingerprint = getState().fingerprint;
      if (u.checkpoint && fingerprint) {
        const checkpoint: Checkpoint = { fingerprint, weights: u.checkpoint, history };
        void set(CHECKPOINT_KEY, checkpoint).catch(() => undefined);
      }
    };

    /** Starts the worker session for this design unless it already runs it. */
    const ensureSession = async (project: GanProject): Promise<boolean> => {
      const fingerprint = trainingFingerprint(project);
      const state = getState();
      if (state.fingerprint === fingerprint && state.decision && state.phase !== 'error') return true;
      setState({ phase: 'starting', error: null, divergence: null });
      const saved = await get<Checkpoint>(CHECKPOINT_KEY).catch(() => undefined);
      const resume = saved?.fingerprint === fingerprint ? saved : undefined;
      history = resume ? resume.history : emptyHistory();
      try {
        const decision = await connect().start(project, state.backendChoice, resume?.weights);
        setState({
          decision,
          fingerprint,
          info: lossInfo(project.training.loss),
          history: { ...history },
          frames: [],
          scatter: null,
          density: null,
          resumedFrom: resume ? resume.weights.iteration : null,
          status: resume ? { iteration: resume.weights.iteration, last: null, iterationsPerSecond: 0, samplesPerSecond: 0 } : null,
          phase: 'paused',
        });
        return true;
      } catch (err) {
        setState({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
        return false;
      }
    };

    return {
      phase: 'idle',
      backendChoice: 'auto',
      decision: null,
      status: null,
      info: null,
      history,
      frames: [],
      scatter: null,
      density: null,
      divergence: null,
      error: null,
      fingerprint: null,
      resumedFrom: null,

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
      },
      reset: async () => {
        await remote?.dispose();
        history = emptyHistory();
        await del(CHECKPOINT_KEY).catch(() => undefined);
        setState({ phase: 'idle', decision: null, status: null, history: { ...history }, frames: [], scatter: null, density: null, divergence: null, error: null, fingerprint: null, resumedFrom: null });
      },
      exportWeights: async (project) => {
        if (getState().fingerprint !== trainingFingerprint(project) || !remote) return null;
        return remote.exportWeights();
      },
      importWeights: async (project, artifacts) => {
        if (getState().phase === 'running' || getState().phase === 'pausing') throw new Error('Pause training before loading weights.');
        if (!(await ensureSession(project))) throw new Error(getState().error ?? 'training could not start');
        const weights = await connect().importWeights(artifacts);
        setState({ status: { iteration: weights.iteration, last: null, iterationsPerSecond: 0, samplesPerSecond: 0 }, divergence: null });
        apply({ running: false, status: getState().status!, metrics: [], visual: await connect().visual() });
        await saveNow();
      },
      dispose: () => {
        worker?.terminate();
        worker = null;
        remote = null;
      },
    };

    async function saveNow() {
      const fingerprint = getState().fingerprint;
      if (!remote || !fingerprint) return;
      try {
        const weights = await remote.getWeights();
        await set(CHECKPOINT_KEY, { fingerprint, weights, history } satisfies Checkpoint);
      } catch {
        // Nothing to save yet.
      }
    }
  });
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;

function truncate(h: MetricsHistory, iteration: number): MetricsHistory {
  const keep = h.iteration.findIndex((i) => i > iteration);
  if (keep < 0) return h;
  return {
    iteration: h.iteration.slice(0, keep),
    dLoss: h.dLoss.slice(0, keep),
    gLoss: h.gLoss.slice(0, keep),
    dReal: h.dReal.slice(0, keep),
    dFake: h.dFake.slice(0, keep),
    gradNormD: h.gradNormD.slice(0, keep),
    gradNormG: h.gradNormG.slice(0, keep),
  };
}
