import * as tf from '@tensorflow/tfjs';
import type { LossKind, NoiseDistribution } from '../project/kinds';
import { samplesPerUpdate, type GanProject } from '../project/schema';
import { displayScore } from './losses';
import type { IterationMetrics } from './types';
import { flatConcat, type UpdateProbe } from './updates';

/** Points shown of a batch of 1-D or 2-D samples; images shown of a batch of images. */
export const SHOWN_POINTS = 64;
export const SHOWN_IMAGES = 4;
/** Leading values shown of each noise vector. */
export const Z_VALUES = 4;

/** A few noise vectors of a batch. */
export interface NoiseSummary {
  /** Vectors in the batch and their dimension. */
  count: number;
  dim: number;
  distribution: NoiseDistribution;
  /** The first {@link Z_VALUES} values of each shown vector. */
  shown: number[][];
  /** ‖z‖ of each shown vector. */
  norms: number[];
  /** Mean ‖z‖ over the batch. */
  meanNorm: number;
}

/** A few samples of a batch, each flattened (channels-last for images). */
export interface SampleSummary {
  count: number;
  /** One sample's shape. */
  shape: number[];
  values: number[][];
}

/** ‖Δθ‖ of one Adam step and ‖θ‖ before it, over the updated network's trainable weights. */
export interface UpdateSummary {
  delta: number;
  weights: number;
}

/** One D update as it happened. Scores are on the dashboard's scale (probabilities where the loss has them). */
export interface DUpdateTrace {
  real: SampleSummary;
  z: NoiseSummary;
  fake: SampleSummary;
  /** Scores of the shown samples, and batch means. */
  scores: { real: number[]; fake: number[]; meanReal: number; meanFake: number };
  loss: number;
  /** WGAN-GP's penalty term, included in `loss`. */
  penalty: number | null;
  gradNorm: number;
  update: UpdateSummary;
}

/** The G update as it happened. */
export interface GUpdateTrace {
  z: NoiseSummary;
  fake: SampleSummary;
  scores: { fake: number[]; meanFake: number };
  loss: number;
  gradNorm: number;
  update: UpdateSummary;
}

/** One whole iteration (k D updates, then the G update), recorded for slow motion. */
export interface IterationTrace {
  /** The iteration this was: the counter after it. */
  iteration: number;
  loss: LossKind;
  k: number;
  batchSize: number;
  labelSmoothing: number;
  gradientPenalty: number;
  /** Whether scores are probabilities D(x) ∈ (0, 1) or raw critic values. */
  probabilities: boolean;
  d: DUpdateTrace[];
  g: GUpdateTrace;
  metrics: IterationMetrics | null;
}

/**
 * Collects what probes keep during one iteration, then reads it all back in one asynchronous
 * read. Owns every tensor it keeps until `read` or `dispose`.
 */
export function createTraceRecorder(cfg: GanProject['training'], dataShape: number[]) {
  const slots = new Map<string, tf.Tensor>();
  const shown = dataShape.length >= 3 ? SHOWN_IMAGES : SHOWN_POINTS;
  const put = (key: string, t: tf.Tensor) => {
    slots.get(key)?.dispose();
    slots.set(key, tf.keep(t));
  };
  const head = (t: tf.Tensor) => tf.slice(t, 0, Math.min(shown, t.shape[0]!));

  const probe = (prefix: string): UpdateProbe => ({
    real: (x) => put(`${prefix}real`, head(x)),
    noise: (z) => {
      const dim = z.shape[1]!;
      const firstRows = head(z);
      put(`${prefix}z`, tf.slice(firstRows, [0, 0], [-1, Math.min(Z_VALUES, dim)]));
      put(`${prefix}zNorms`, tf.norm(firstRows, 'euclidean', 1));
      put(`${prefix}zMeanNorm`, tf.mean(tf.norm(z, 'euclidean', 1)));
    },
    generated: (fake) => put(`${prefix}fake`, head(fake)),
    scores: (fakeLogits, realLogits) => {
      const fake = tf.reshape(displayScore(cfg.loss, fakeLogits), [-1]);
      put(`${prefix}fakeScores`, head(fake));
      put(`${prefix}meanFake`, tf.mean(fake));
      if (realLogits) {
        const real = tf.reshape(displayScore(cfg.loss, realLogits), [-1]);
        put(`${prefix}realScores`, head(real));
        put(`${prefix}meanReal`, tf.mean(real));
      }
    },
    loss: (value, penalty) => {
      put(`${prefix}loss`, value);
      if (penalty) put(`${prefix}penalty`, penalty);
    },
    gradients: (norm) => put(`${prefix}gradNorm`, norm),
    beforeApply: (vars) => put(`${prefix}before`, flatConcat(vars)),
    afterApply: (vars) => {
      const before = slots.get(`${prefix}before`)!;
      slots.delete(`${prefix}before`);
      put(`${prefix}delta`, tf.norm(tf.sub(flatConcat(vars), before)));
      put(`${prefix}weights`, tf.norm(before));
      before.dispose();
    },
  });

  const dispose = () => {
    tf.dispose([...slots.values()]);
    slots.clear();
  };

  /** Reads everything kept and frees it; `metrics` is the iteration's row from the step. */
  const read = async (metrics: IterationMetrics | null, iteration: number): Promise<IterationTrace> => {
    const entries = [...slots.entries()];
    const packed = tf.tidy(() => tf.concat(entries.map(([, t]) => tf.reshape(tf.cast(t, 'float32'), [-1]))));
    const shapes = new Map(entries.map(([key, t]) => [key, t.shape]));
    dispose();
    let values: Float32Array;
    try {
      values = (await packed.data()) as Float32Array;
    } finally {
      packed.dispose();
    }
    const got = new Map<string, { values: Float32Array; shape: number[] }>();
    let at = 0;
    for (const [key] of entries) {
      const shape = shapes.get(key)!;
      const size = shape.reduce((a, b) => a * b, 1);
      got.set(key, { values: values.subarray(at, at + size), shape });
      at += size;
    }
    const slot = (key: string) => {
      const s = got.get(key);
      if (!s) throw new Error(`trace: nothing recorded for ${key}`);
      return s;
    };
    const scalar = (key: string) => slot(key).values[0]!;
    const rows = (key: string): number[][] => {
      const { values: v, shape } = slot(key);
      const n = shape[0] ?? 0;
      const width = n ? v.length / n : 0;
      return Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * width, (i + 1) * width)));
    };
    const list = (key: string) => Array.from(slot(key).values);
    const drawn = samplesPerUpdate(cfg);
    const noise = (p: string): NoiseSummary => ({
      count: drawn,
      dim: cfg.noise.dim,
      distribution: cfg.noise.distribution,
      shown: rows(`${p}z`),
      norms: list(`${p}zNorms`),
      meanNorm: scalar(`${p}zMeanNorm`),
    });
    const samples = (key: string): SampleSummary => ({ count: drawn, shape: dataShape, values: rows(key) });
    const update = (p: string): UpdateSummary => ({ delta: scalar(`${p}delta`), weights: scalar(`${p}weights`) });

    const d: DUpdateTrace[] = [];
    for (let j = 0; got.has(`d${j}.loss`); j++) {
      const p = `d${j}.`;
      d.push({
        real: samples(`${p}real`),
        z: noise(p),
        fake: samples(`${p}fake`),
        scores: {
          real: list(`${p}realScores`),
          fake: list(`${p}fakeScores`),
          meanReal: scalar(`${p}meanReal`),
          meanFake: scalar(`${p}meanFake`),
        },
        loss: scalar(`${p}loss`),
        penalty: got.has(`${p}penalty`) ? scalar(`${p}penalty`) : null,
        gradNorm: scalar(`${p}gradNorm`),
        update: update(p),
      });
    }
    const g: GUpdateTrace = {
      z: noise('g.'),
      fake: samples('g.fake'),
      scores: { fake: list('g.fakeScores'), meanFake: scalar('g.meanFake') },
      loss: scalar('g.loss'),
      gradNorm: scalar('g.gradNorm'),
      update: update('g.'),
    };
    return {
      iteration,
      loss: cfg.loss,
      k: cfg.k,
      batchSize: cfg.batchSize,
      labelSmoothing: cfg.labelSmoothing,
      gradientPenalty: cfg.gradientPenalty,
      probabilities: cfg.loss === 'minimax' || cfg.loss === 'non-saturating',
      d,
      g,
      metrics,
    };
  };

  return { dProbe: (j: number) => probe(`d${j}.`), gProbe: () => probe('g.'), read, dispose };
}

export type TraceRecorder = ReturnType<typeof createTraceRecorder>;
