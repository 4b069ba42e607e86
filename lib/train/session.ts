import * as tf from '@tensorflow/tfjs';
import { createDataset, type Dataset } from '../data/dataset';
import type { ImageSet } from '../data/image-set';
import { isSyntheticRef } from '../data/synthetic';
import type { DatasetRef, GanProject } from '../project/schema';
import { loadLayersArtifacts, saveLayersArtifacts, type LayersArtifacts } from '../export/tfjs-artifacts';
import { chooseBackend, markLost, type BackendChoice, type BackendDecision, type BackendName } from './backends';
import { createGanTrainer, type Divergence, type GanTrainer, type StepMode, type TrainerStatus } from './trainer';
import type { IterationMetrics } from './types';
import { createVisualizer, type Visual } from './visuals';
import type { GanWeights } from './weights';

export interface SessionOptions {
  project: GanProject;
  backend: BackendChoice;
  /** Loads an image dataset's pixels (fetch in the browser, fs in tests). */
  loadImages: (ref: DatasetRef) => Promise<ImageSet>;
  /** Weights to resume from (a checkpoint). */
  resume?: GanWeights;
  /** Milliseconds between visual refreshes and between checkpoints while playing. */
  visualEveryMs?: number;
  checkpointEveryMs?: number;
}

export interface SessionUpdate {
  running: boolean;
  status: TrainerStatus;
  metrics: IterationMetrics[];
  visual?: Visual;
  checkpoint?: GanWeights;
  divergence?: Divergence & { restoredIteration: number };
  /** Set when the backend changed mid-run (a lost WebGPU device). */
  backend?: BackendDecision;
  error?: string;
}

/** Training as the worker runs it: backend choice, the play loop, visuals, checkpoints, recovery. */
export interface TrainingSession {
  readonly decision: BackendDecision;
  play(onUpdate: (update: SessionUpdate) => void): void;
  pause(): void;
  step(mode: StepMode): Promise<SessionUpdate>;
  visual(): Promise<Visual>;
  getWeights(): Promise<GanWeights>;
  /** Both networks in the tfjs layers format (the weights download). */
  exportWeights(): Promise<GanArtifacts>;
  /** Loads a weights download into both networks; on a mismatch nothing changes and it throws why. */
  importWeights(artifacts: GanArtifacts): Promise<GanWeights>;
  dispose(): void;
}

export interface GanArtifacts {
  generator: LayersArtifacts;
  discriminator: LayersArtifacts;
}

const TARGET_CHUNK_MS = 120;

async function makeDataset(project: GanProject, loadImages: SessionOptions['loadImages']): Promise<Dataset> {
  const ref = project.dataset;
  return createDataset(ref, isSyntheticRef(ref) ? undefined : await loadImages(ref));
}

/** Times one warm-up and two measured iterations of this very graph on the current backend. */
async function timeIterations(project: GanProject, loadImages: SessionOptions['loadImages']): Promise<number> {
  const dataset = await makeDataset(project, loadImages);
  const trainer = createGanTrainer({ project, dataset });
  try {
    await trainer.step(1);
    const start = performance.now();
    await trainer.step(2);
    return (performance.now() - start) / 2;
  } finally {
    trainer.dispose();
    dataset.dispose();
  }
}

export async function createSession(options: SessionOptions): Promise<TrainingSession> {
  const { project } = options;
  // Images are fetched once, then shared by the backend trials and the run itself.
  let images: Promise<ImageSet> | null = null;
  const loadImages = (ref: DatasetRef) => (images ??= options.loadImages(ref));
  let decision = await chooseBackend(project, options.backend, () => timeIterations(project, loadImages));
  let dataset = await makeDataset(project, loadImages);
  let trainer: GanTrainer = createGanTrainer({ project, dataset });
  if (options.resume) trainer.setWeights(options.resume);
  let visualize = createVisualizer(project, dataset, project.training.seed);
  let running = false;
  let lastWeights: GanWeights | null = options.resume ?? null;
  let lastCheckpointAt = performance.now();
  let lastVisualAt = 0;
  let visualCost = 0;
  /** Wall-clock progress, visuals and checkpoints included: what "it/s" means to a person watching. */
  const pace: { at: number; iteration: number }[] = [];
  const withPace = (status: TrainerStatus): TrainerStatus => {
    const now = performance.now();
    pace.push({ at: now, iteration: status.iteration });
    while (pace.length > 2 && now - pace[0]!.at > 3000) pace.shift();
    const first = pace[0]!;
    const seconds = (now - first.at) / 1000;
    if (pace.length < 2 || seconds <= 0) return status;
    const perSecond = (status.iteration - first.iteration) / seconds;
    const perIteration = status.iterationsPerSecond > 0 ? status.samplesPerSecond / status.iterationsPerSecond : 0;
    return { ...status, iterationsPerSecond: perSecond, samplesPerSecond: perSecond * perIteration };
  };

  /** A lost WebGPU device: go on with the next backend from the last saved weights. */
  const recover = async (err: unknown): Promise<BackendDecision | null> => {
    if (decision.backend !== 'webgpu') return null;
    const failed: BackendName = decision.backend;
    const why = err instanceof Error ? err.message.slice(0, 80) : 'device lost';
    markLost(failed, why);
    try {
      trainer.dispose();
      dataset.dispose();
    } catch {
      // The device is gone; its tensors go with it.
    }
    const next = await chooseBackend(project, 'auto', () => timeIterations(project, loadImages)).catch(() => null);
    if (!next || next.backend === failed) return null;
    decision = { ...next, reason: `${failed} failed (${why}); continuing on ${next.backend} from iteration ${lastWeights?.iteration ?? 0}` };
    dataset = await makeDataset(project, loadImages);
    trainer = createGanTrainer({ project, dataset });
    if (lastWeights) trainer.setWeights(lastWeights);
    visualize = createVisualizer(project, dataset, project.training.seed);
    return decision;
  };

  // One thing at a time on the trainer: a weights read while a chunk is in flight would label
  // half-updated weights with the chunk's starting iteration.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T,>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const runStep = (iterations: number, mode: StepMode): Promise<SessionUpdate> => exclusive(() => stepNow(iterations, mode));
  const stepNow = async (iterations: number, mode: StepMode): Promise<SessionUpdate> => {
    try {
      const result = await trainer.step(iterations, mode);
      return { running, status: trainer.metrics(), metrics: result.metrics, ...(result.divergence && { divergence: result.divergence }) };
    } catch (err) {
      const switched = await recover(err);
      if (switched) return { running, status: trainer.metrics(), metrics: [], backend: switched };
      running = false;
      return { running, status: trainer.metrics(), metrics: [], error: err instanceof Error ? err.message : String(err) };
    }
  };

  const play = (onUpdate: (update: SessionUpdate) => void) => {
    if (running) return;
    running = true;
    void (async () => {
      let chunk = 1;
      pace.length = 0;
      while (running) {
        const start = performance.now();
        const update = await runStep(chunk, 'both');
        const took = performance.now() - start;
        // Aim for a steady ~120 ms of work between updates, whatever the model's speed.
        chunk = Math.max(1, Math.min(500, Math.round((chunk * TARGET_CHUNK_MS) / Math.max(took, 1))));
        const now = performance.now();
        if (update.divergence || update.error) running = false;
        // Visuals cost real time on slow backends: keep them under about a sixth of it, but refresh
        // at least every 5 s (the first one also pays for compiling the sampling shaders).
        if (now - lastVisualAt > Math.max(options.visualEveryMs ?? 600, Math.min(visualCost * 6, 5000)) || !running) {
          update.visual = await visualize(trainer, trainer.metrics().iteration);
          lastVisualAt = performance.now();
          visualCost = lastVisualAt - now;
        }
        if (now - lastCheckpointAt > (options.checkpointEveryMs ?? 15_000)) {
          lastCheckpointAt = now;
          lastWeights = await trainer.getWeights();
          update.checkpoint = lastWeights;
        }
        update.running = running;
        update.status = withPace(update.status);
        onUpdate(update);
        // Let pause() and other messages in between chunks.
        await new Promise((resolve) => setTimeout(resolve, 0));
        // A pause that arrived just now ends the loop with nothing left to report: say so, or
        // the page would wait for a last chunk that never comes.
        if (!running && update.running) onUpdate({ running: false, status: update.status, metrics: [] });
      }
    })();
  };

  return {
    get decision() {
      return decision;
    },
    play,
    pause: () => {
      running = false;
    },
    step: async (mode) => {
      const update = await runStep(1, mode);
      update.visual = await visualize(trainer, trainer.metrics().iteration);
      return update;
    },
    visual: () => exclusive(() => visualize(trainer, trainer.metrics().iteration)),
    getWeights: () => exclusive(async () => (lastWeights = await trainer.getWeights())),
    exportWeights: () => exclusive(async () => ({
      generator: await saveLayersArtifacts(tf, trainer.models.generator),
      discriminator: await saveLayersArtifacts(tf, trainer.models.discriminator),
    })),
    importWeights: (artifacts) =>
      exclusive(async () => {
        const before = await trainer.getWeights();
        try {
          loadLayersArtifacts(tf, trainer.models.generator, artifacts.generator);
          loadLayersArtifacts(tf, trainer.models.discriminator, artifacts.discriminator);
        } catch (err) {
          trainer.setWeights(before);
          throw err;
        }
        // Through setWeights so that the divergence guard's restore point is the loaded weights.
        const loaded = await trainer.getWeights();
        trainer.setWeights(loaded);
        lastWeights = loaded;
        return loaded;
      }),
    dispose: () => {
      running = false;
      trainer.dispose();
      dataset.dispose();
      tf.disposeVariables();
    },
  };
}
