import * as Comlink from 'comlink';
import { readingsUpTo, withReading, type QualityHistory } from '../quality/history';
import type { BackendDecision } from '../train/backends';
import { appendMetrics, emptyRunHistory, truncateHistory, type RunHistory } from '../train/history';
import type { SessionUpdate } from '../train/session';
import type { Divergence, TrainerStatus } from '../train/trainer';
import type { Density1DData, Scatter2DData } from '../train/types';
import type { Visual } from '../train/visuals';
import type { TrainerWorkerApi } from '../train/worker';

/**
 * The page's side of one training run, shared by the Train tab's store and Compare's: the worker
 * that trains it, and what its updates make of the run as the dashboard draws it.
 */

/** A training worker (lib/train/worker.ts) and the way to end it. */
export interface TrainerConnection {
  api: Comlink.Remote<TrainerWorkerApi>;
  terminate(): void;
}

/** Starts a training worker, named for the browser's task manager and profiler. */
export function connectTrainer(name: string): TrainerConnection {
  const worker = new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module', name });
  return { api: Comlink.wrap<TrainerWorkerApi>(worker), terminate: () => worker.terminate() };
}

/** One run as the dashboard draws it. */
export interface RunView {
  decision: BackendDecision | null;
  status: TrainerStatus | null;
  history: RunHistory;
  scatter: Scatter2DData | null;
  density: Density1DData | null;
  divergence: (Divergence & { restoredIteration: number }) | null;
  /** The image quality meter's readings (MNIST, Fashion-MNIST), with the real-data reference; null until the first. */
  quality: QualityHistory | null;
}

export const emptyRunView = (): RunView => ({
  decision: null,
  status: null,
  history: emptyRunHistory(),
  scatter: null,
  density: null,
  divergence: null,
  quality: null,
});

/** The 2-D and 1-D views a visual replaces (images are the Train tab's own, as a film strip). */
export function visualPatch(v: Visual | undefined): Partial<Pick<RunView, 'scatter' | 'density'>> {
  if (v?.kind === 'scatter') return { scatter: v.data };
  if (v?.kind === 'density') return { density: v.data };
  return {};
}

/**
 * The run after one update from its worker: new metrics appended (a new history version), the
 * backend if it changed, a quality reading, and on a divergence everything after the restored
 * iteration cut off.
 */
export function applyUpdate<V extends RunView>(view: V, u: SessionUpdate): Pick<V, keyof RunView> {
  let history = appendMetrics(view.history, u.metrics);
  let quality = u.quality ? withReading(view.quality, u.quality) : view.quality;
  let divergence = view.divergence;
  if (u.divergence) {
    divergence = u.divergence;
    history = truncateHistory(history, u.divergence.restoredIteration);
    quality = readingsUpTo(quality, u.divergence.restoredIteration);
  }
  const visual = visualPatch(u.visual);
  // A run's backend never goes from known to unknown, so `decision` keeps the caller's type.
  return {
    decision: u.backend ?? view.decision,
    status: u.status,
    history,
    scatter: visual.scatter ?? view.scatter,
    density: visual.density ?? view.density,
    divergence,
    quality,
  } as Pick<V, keyof RunView>;
}
