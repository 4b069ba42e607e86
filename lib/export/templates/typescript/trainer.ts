// The trainer of src/gan.ts (lib/export/typescript/trainer.ts joins these regions with the lines it
// generates). Outside the regions: the declarations of what gan.ts defines elsewhere, and the
// generated lines of one variant (conditional, packed, with G's weight average and WGAN-GP's
// penalty), so that this file type-checks as a whole.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './dataset';

declare const BATCH_SIZE: number;
declare const K: number;
declare const PACK: number;
declare const EMA_DECAY: number;
declare const NOISE_DIM: number;
declare const NOISE_DISTRIBUTION: 'normal' | 'uniform';
declare const NUM_CLASSES: number;
declare const GENERATOR_ADAM: { lr: number; beta1: number; beta2: number };
declare const DISCRIMINATOR_ADAM: { lr: number; beta1: number; beta2: number };
declare function buildGenerator(): tf.LayersModel;
declare function buildDiscriminator(): tf.LayersModel;
declare function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar;
declare function generatorLoss(fake: tf.Tensor): tf.Scalar;
declare function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor): tf.Scalar;

// region pack
/** PacGAN: [n·PACK, ...shape] → [n, ..., PACK·last]; consecutive samples side by side along the last axis. */
export function pack(x: tf.Tensor): tf.Tensor {
  const [rows = 0, ...rest] = x.shape;
  const n = rows / PACK;
  if (rest.length <= 1) return tf.reshape(x, [n, PACK * (rest[0] ?? 1)]);
  const last = rest.length + 1;
  const perm = [0, ...rest.slice(0, -1).map((_, i) => i + 2), 1, last];
  return tf.reshape(tf.transpose(tf.reshape(x, [n, PACK, ...rest]), perm), [n, ...rest.slice(0, -1), PACK * rest[rest.length - 1]!]);
}
// endregion

// region metrics
export interface Metrics {
  iteration: number;
  dLoss: number;
  gLoss: number;
// endregion
  /** Mean D(x) on the last real batch (a raw score: this loss has no probabilities). */
// region trainer
  dReal: number;
  /** Mean D(G(z)) on the last generated batch. */
  dFake: number;
}

export interface GanTrainer {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
// endregion
// region trainerAverage
  /** G's weight average (EMA_DECAY): the generator to sample from and to save. */
  averagedGenerator: tf.LayersModel;
// endregion
// region noise
  /** One iteration: K discriminator updates, then one generator update. */
  step(): Promise<Metrics>;
  dispose(): void;
}

/** Gradients in the list form `applyGradients` takes. */
const asList = (grads: tf.NamedTensorMap) => Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));

export function noise(n: number): tf.Tensor {
  return NOISE_DISTRIBUTION === 'normal' ? tf.randomNormal([n, NOISE_DIM]) : tf.randomUniform([n, NOISE_DIM], -1, 1);
}
// endregion

// region randomLabels
function randomLabels(n: number): tf.Tensor {
  const ids = Array.from({ length: n }, () => Math.floor(Math.random() * NUM_CLASSES));
  return tf.oneHot(tf.tensor1d(ids, 'int32'), NUM_CLASSES).toFloat();
}
// endregion

// region options
/**
 * Each network has its own Adam, and each update takes gradients over its own variables only.
 * Pass models to continue from trained weights; by default both are built fresh.
 */
export interface TrainerOptions {
  generator?: tf.LayersModel;
  discriminator?: tf.LayersModel;
// endregion
// region optionsAverage
  /** G's weight average to continue from; a copy of the generator otherwise. */
  averagedGenerator?: tf.LayersModel;
// endregion
// region createTrainer
  /** Overrides BATCH_SIZE, e.g. for a quick smoke run. */
  batchSize?: number;
}

export function createTrainer(dataset: Dataset, options: TrainerOptions = {}): GanTrainer {
  const generator = options.generator ?? buildGenerator();
  const discriminator = options.discriminator ?? buildDiscriminator();
  const batchSize = options.batchSize ?? BATCH_SIZE;
// endregion
// region averageInit
  const averagedGenerator = options.averagedGenerator ?? buildGenerator();
  if (!options.averagedGenerator) {
    tf.tidy(() => averagedGenerator.weights.forEach((a, i) => a.write(generator.weights[i]!.read())));
  }
// endregion
// region samples
  /** D judges batchSize packs of PACK samples each. */
  const samples = batchSize * PACK;
// endregion
// region optimizers
  const gVars = generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const dVars = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
  const gOptimizer = tf.train.adam(GENERATOR_ADAM.lr, GENERATOR_ADAM.beta1, GENERATOR_ADAM.beta2);
  const dOptimizer = tf.train.adam(DISCRIMINATOR_ADAM.lr, DISCRIMINATOR_ADAM.beta1, DISCRIMINATOR_ADAM.beta2);
// endregion
  const runG = (z: tf.Tensor, y: tf.Tensor) => generator.apply([z, y], { training: true }) as tf.Tensor;
  const runD = (x: tf.Tensor, y: tf.Tensor) => discriminator.apply([x, y], { training: true }) as tf.Tensor;
// region discriminatorStep
  let iteration = 0;

  /** One D update on a fresh real batch and fresh noise; returns [loss, mean D(x), mean D(G(z))]. */
  const discriminatorStep = (): tf.Tensor =>
    tf.tidy(() => {
// endregion
      const batch = dataset.sample(samples);
      const fakeLabels = randomLabels(samples);
      const fake = runG(noise(samples), fakeLabels);
// region discriminatorGrads
      let scores: tf.Tensor | null = null;
      const { value, grads } = tf.variableGrads(() => {
// endregion
        const realOut = runD(pack(batch.x), pack(batch.labels!));
        const fakeOut = runD(pack(fake), pack(fakeLabels));
// region discriminatorLoss
        let loss = discriminatorLoss(realOut, fakeOut);
// endregion
        loss = tf.add(loss, gradientPenalty((x) => runD(x, pack(fakeLabels)), pack(batch.x), pack(fake))) as tf.Scalar;
        scores = tf.keep(tf.stack([tf.mean(realOut), tf.mean(fakeOut)]));
// region generatorStep
        return loss;
      }, dVars);
      dOptimizer.applyGradients(asList(grads));
      const out = tf.concat([value.reshape([1]), scores!]);
      tf.dispose([batch.x, batch.labels, scores!]);
      return out;
    });

  /** One G update on fresh noise; returns its loss. */
  const generatorStep = (): tf.Tensor =>
    tf.tidy(() => {
// endregion
      const labels = randomLabels(samples);
      const { value, grads } = tf.variableGrads(() => generatorLoss(runD(pack(runG(noise(samples), labels)), pack(labels))), gVars);
// region generatorStepEnd
      gOptimizer.applyGradients(asList(grads));
      return value.reshape([1]);
    });
// endregion

// region updateAverage
  /** a ← a + (1 - β)(w - a) for every weight of G (BatchNorm's statistics too). */
  const updateAverage = (t: number) =>
    tf.tidy(() => {
      const rate = 1 - Math.min(EMA_DECAY, (1 + t) / (10 + t));
      averagedGenerator.weights.forEach((a, i) => {
        const value = a.read();
        a.write(tf.add(value, tf.mul(tf.sub(generator.weights[i]!.read(), value), rate)));
      });
    });
// endregion

// region result
  return {
    generator,
    discriminator,
// endregion
    averagedGenerator,
// region step
    async step() {
      let d: tf.Tensor | null = null;
      for (let i = 0; i < K; i++) {
        const next = discriminatorStep();
        d?.dispose();
        d = next;
      }
      const g = generatorStep();
// endregion
      updateAverage(iteration + 1);
// region stepEnd
      const packed = tf.concat([d!, g]);
      tf.dispose([d!, g]);
      // One asynchronous read per iteration: sync reads stall the GPU backends.
      const [dLoss = NaN, dReal = NaN, dFake = NaN, gLoss = NaN] = await packed.data();
      packed.dispose();
      iteration += 1;
      return { iteration, dLoss, gLoss, dReal, dFake };
    },
    dispose() {
      gOptimizer.dispose();
      dOptimizer.dispose();
    },
  };
}
// endregion
