import type { ImageSet } from '../data/image-set';
import type { DatasetRef, GanProject } from '../project/schema';
import type { LayersArtifacts } from '../export/tfjs-artifacts';
import type { Judge, JudgedSet } from '../quality/judge';
import type { QualityUpdate } from '../quality/watch';
import type { BiText } from '../i18n/bi';
import type { BackendMemory } from './auto-backend';
import type { BackendChoice, BackendDecision } from './backends';
import type { IterationTrace } from './trace';
import type { Divergence, StepMode, TrainerStatus } from './trainer';
import type { IterationMetrics, SampleFrame } from './types';
import type { Visual } from './visuals';
import type { GanWeights } from './weights';

/** What a training session (lib/train/session.ts) is given, reports, and can be asked. */

export interface SessionOptions {
  project: GanProject;
  backend: BackendChoice;
  /** Loads an image dataset's pixels (fetch in the browser, fs in tests). */
  loadImages: (ref: DatasetRef) => Promise<ImageSet>;
  /** Weights to resume from (a checkpoint). */
  resume?: GanWeights;
  /** Where "auto" remembers what it measured, per machine and graph (IndexedDB in the worker). */
  memory?: BackendMemory | null;
  /** Limits of one backend trial (defaults: TRIAL_WARMUP_MS, TRIAL_MS). */
  trialLimits?: { warmupMs: number; timedMs: number };
  /** Milliseconds between visual refreshes and between checkpoints while playing. */
  visualEveryMs?: number;
  checkpointEveryMs?: number;
  /** Loads the quality meter's judge for MNIST or Fashion-MNIST (null or absent: no meter). */
  loadJudge?: (set: JudgedSet) => Promise<Judge | null>;
}

export interface SessionUpdate {
  running: boolean;
  status: TrainerStatus;
  metrics: IterationMetrics[];
  visual?: Visual;
  checkpoint?: GanWeights;
  divergence?: Divergence & { restoredIteration: number };
  /** Set when the backend changed mid-run (auto found a faster one, or a WebGPU device was lost). */
  backend?: BackendDecision;
  /** Why training stopped, in both languages. */
  error?: BiText;
  /** Slow motion: what each sub-step of a traced iteration saw. */
  trace?: IterationTrace;
  /** A new reading of the image quality meter (MNIST and Fashion-MNIST). */
  quality?: QualityUpdate;
}

/** Training as the worker runs it: backend choice, the play loop, visuals, checkpoints, recovery. */
export interface TrainingSession {
  readonly decision: BackendDecision;
  /**
   * Trains until paused, reporting each chunk. When the page has not finished with the last report
   * (a comlink call resolves once the page's handler returns), later chunks are merged into one
   * report instead of queueing: a busy page is never flooded, and training does not wait for it.
   */
  play(onUpdate: (update: SessionUpdate) => void | Promise<void>): void;
  pause(): void;
  step(mode: StepMode): Promise<SessionUpdate>;
  /** One full iteration like `step('both')`, recorded sub-step by sub-step (`update.trace`). */
  traceIteration(): Promise<SessionUpdate>;
  /** `iterations` full iterations in one call, without a visual: how a comparison takes turns. */
  advance(iterations: number): Promise<SessionUpdate>;
  visual(): Promise<Visual>;
  /** `count` fresh images of one class from a conditional G (the digit picker of the conditional lesson). */
  samplesOf(label: number, count: number): Promise<SampleFrame>;
  /** G on given noise vectors (and label rows): the latent-space explorer's pictures, from the current weights or G's average. */
  latent(request: LatentRequest): Promise<LatentResult>;
  getWeights(): Promise<GanWeights>;
  /** Both networks in the tfjs layers format (the weights download). */
  exportWeights(): Promise<GanArtifacts>;
  /** Loads a weights download into both networks; on a mismatch nothing changes and it throws why. */
  importWeights(artifacts: GanArtifacts): Promise<GanWeights>;
  dispose(): void;
}

/** What the latent-space explorer asks G: `count` noise vectors, one after another, and for a conditional G a label row each. */
export interface LatentRequest {
  noise: Float32Array;
  count: number;
  labels?: Float32Array;
}

/** G's output on a `LatentRequest`: samples, channels last, at the iteration it was made. */
export interface LatentResult {
  iteration: number;
  data: Float32Array;
  shape: number[];
}

export interface GanArtifacts {
  generator: LayersArtifacts;
  discriminator: LayersArtifacts;
  /** G's weight average, when the project averages G (`training.ema`). */
  averagedGenerator?: LayersArtifacts;
}
