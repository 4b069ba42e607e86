import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import { deriveSeed, type Rng } from '../data/rng';
import { packSize, samplesPerUpdate, type GanProject } from '../project/schema';
import { discriminatorLoss, displayScore, generatorLoss, gradientPenalty } from './losses';
import { packBatch, spreadPackScores } from './pack';

/**
 * What a trace sees of one update. Each hook runs inside the update's `tidy`, right after the
 * stage it names. A probe only reads: it may compute summaries of the tensors it is given and
 * `tf.keep` them, but never change a tensor or a variable or draw from the RNG, so a traced
 * update is exactly the update (ops that do not lead to the loss are not on the gradient path).
 */
export interface UpdateProbe {
  /** The real batch (D updates only). */
  real?(x: tf.Tensor): void;
  noise(z: tf.Tensor): void;
  generated(fake: tf.Tensor): void;
  /** D's logits on the fake batch, and on the real batch in a D update. */
  scores(fakeLogits: tf.Tensor, realLogits?: tf.Tensor): void;
  /** The loss minimised; `penalty` is the WGAN-GP term already included in it. */
  loss(value: tf.Scalar, penalty?: tf.Scalar): void;
  /** Global L2 norm of the gradients of the updated network's weights. */
  gradients(norm: tf.Scalar): void;
  /** The updated network's trainable variables just before and just after Adam's step. */
  beforeApply(vars: tf.Variable[]): void;
  afterApply(vars: tf.Variable[]): void;
}

/** What the updates need from the trainer. Getters, because a divergence replaces the Adams. */
export interface UpdateContext {
  cfg: GanProject['training'];
  dataset: Dataset;
  rng: Rng;
  conditional: boolean;
  noise(n: number): tf.Tensor;
  randomLabels(n: number): tf.Tensor;
  runG(z: tf.Tensor, y: tf.Tensor | undefined, training: boolean): tf.Tensor;
  runD(x: tf.Tensor, y: tf.Tensor | undefined, training: boolean): tf.Tensor;
  gVars(): tf.Variable[];
  dVars(): tf.Variable[];
  gOpt(): tf.Optimizer;
  dOpt(): tf.Optimizer;
}

/** All tensors flattened and joined (the slow-motion trace compares whole networks before and after a step). */
export const flatConcat = (tensors: tf.Tensor[]): tf.Tensor =>
  tensors.length === 1 ? tf.reshape(tensors[0]!, [-1]) : tf.concat(tensors.map((t) => tf.reshape(t, [-1])));

/**
 * Σ f(t) over all tensors, each reduced along its last axis first and in place: on WebGL,
 * flattening a packed matrix and joining the pieces copies every weight, which cost more than
 * the sums themselves (one network's gradients, SwiftShader: 7.7 ms against 11.2 ms joined).
 */
const sumOver = (tensors: tf.Tensor[], f: (t: tf.Tensor) => tf.Tensor): tf.Scalar =>
  tf.tidy(() => {
    const sums = tensors.map((t) => {
      const v = f(t);
      return tf.sum(v.rank > 1 ? tf.sum(v, -1) : v);
    });
    return (sums.length === 1 ? sums[0]! : tf.addN(sums)) as tf.Scalar;
  });

/** Σ‖t‖² over all tensors: the global norm without its square root, which the trainer takes on the CPU. */
export const squaredNorm = (tensors: tf.Tensor[]): tf.Scalar => sumOver(tensors, tf.square);

/** The sum of every element of every tensor: finite exactly when all of them are (the weights' check). */
export const totalSum = (tensors: tf.Tensor[]): tf.Scalar => sumOver(tensors, (t) => t);

/** Mean D(x) and mean D(G(z)) as shown on the dashboard, in one pass over both batches of logits. */
const meanScores = (kind: GanProject['training']['loss'], realOut: tf.Tensor, fakeOut: tf.Tensor): tf.Tensor =>
  tf.mean(displayScore(kind, tf.concat([tf.reshape(realOut, [-1, 1]), tf.reshape(fakeOut, [-1, 1])], 1)), 0);

/**
 * One D update and one G update of Algorithm 1, shared by the normal step and the traced one.
 * `dUpdate` returns [loss, mean D(x), mean D(G(z)), ‖∇D‖²] and `gUpdate` [loss, ‖∇G‖²] as kept
 * 1-D pieces, for the caller to join with the rest of its step in one kernel. Squared norms: the
 * square root is cheaper on the CPU after the read than as a kernel.
 */
export function createUpdates(ctx: UpdateContext) {
  const { cfg, dataset, rng, conditional } = ctx;
  // With packing, D judges batchSize packs of m samples, so each update draws m·batchSize samples.
  const m = packSize(cfg);
  const samples = samplesPerUpdate(cfg);
  const pack = (t: tf.Tensor | undefined) => (t ? packBatch(t, m) : undefined);

  const dUpdate = (probe?: UpdateProbe): tf.Tensor[] =>
    tf.tidy(() => {
      const batch = dataset.sample(samples, rng);
      probe?.real?.(batch.x);
      const yFake = conditional ? ctx.randomLabels(samples) : undefined;
      const z = ctx.noise(samples);
      probe?.noise(z);
      const fake = ctx.runG(z, yFake, true);
      probe?.generated(fake);
      const [realPacks, fakePacks, realLabels, fakeLabels] = [pack(batch.x)!, pack(fake)!, pack(batch.labels), pack(yFake)];
      let scores: tf.Tensor | null = null;
      const vars = ctx.dVars();
      const { value, grads } = tf.variableGrads(() => {
        const realOut = ctx.runD(realPacks, realLabels, true);
        const fakeOut = ctx.runD(fakePacks, fakeLabels, true);
        if (probe) probe.scores(spreadPackScores(fakeOut, m), spreadPackScores(realOut, m));
        let loss = discriminatorLoss(cfg.loss, realOut, fakeOut, cfg.labelSmoothing);
        let penalty: tf.Scalar | undefined;
        if (cfg.loss === 'wasserstein-gp') {
          penalty = gradientPenalty((x) => ctx.runD(x, fakeLabels, true), realPacks, fakePacks, cfg.gradientPenalty, deriveSeed(rng));
          loss = tf.add(loss, penalty) as tf.Scalar;
        }
        probe?.loss(loss, penalty);
        scores = tf.keep(meanScores(cfg.loss, realOut, fakeOut));
        return loss;
      }, vars);
      const normSq = squaredNorm(Object.values(grads));
      if (probe) probe.gradients(tf.sqrt(normSq));
      probe?.beforeApply(vars);
      ctx.dOpt().applyGradients(named(grads));
      probe?.afterApply(vars);
      tf.dispose([batch.x, batch.labels]);
      return [value.reshape([1]), scores!, normSq.reshape([1])];
    });

  const gUpdate = (probe?: UpdateProbe): tf.Tensor[] =>
    tf.tidy(() => {
      const y = conditional ? ctx.randomLabels(samples) : undefined;
      const z = ctx.noise(samples);
      probe?.noise(z);
      const vars = ctx.gVars();
      const { value, grads } = tf.variableGrads(() => {
        const fake = ctx.runG(z, y, true);
        probe?.generated(fake);
        const fakeOut = ctx.runD(pack(fake)!, pack(y), true);
        if (probe) probe.scores(spreadPackScores(fakeOut, m));
        const loss = generatorLoss(cfg.loss, fakeOut);
        probe?.loss(loss);
        return loss;
      }, vars);
      const normSq = squaredNorm(Object.values(grads));
      if (probe) probe.gradients(tf.sqrt(normSq));
      probe?.beforeApply(vars);
      ctx.gOpt().applyGradients(named(grads));
      probe?.afterApply(vars);
      return [value.reshape([1]), normSq.reshape([1])];
    });

  return { dUpdate, gUpdate };
}

/** Gradients in the list form `applyGradients` accepts. */
function named(grads: tf.NamedTensorMap): { name: string; tensor: tf.Tensor }[] {
  return Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
}
