import * as tf from '@tensorflow/tfjs';
import { compile } from '../compiler/compile';
import { contextFor } from '../compiler/context';
import type { Dataset } from '../data/dataset';
import { createRng, deriveSeed, type Rng, type RngState } from '../data/rng';
import { emaDecay, emaDecayAt, packSize, samplesPerUpdate, type GanProject } from '../project/schema';
import { divergenceOf, gradientsDiverged, lossDiverged, weightsDiverged, type Divergence } from './divergence-text';

export type { Divergence } from './divergence-text';
import { displayScore, generatorLossPerSample } from './losses';
import { selfPack } from './pack';
import './second-order';
import { createTraceRecorder, type IterationTrace, type TraceRecorder } from './trace';
import type { IterationMetrics } from './types';
import { createUpdates, totalSum } from './updates';
import { readWeights, writeWeights, type GanWeights, type NamedWeight } from './weights';

export type StepMode = 'both' | 'd' | 'g';

const SNAPSHOT_EVERY_MS = 2000;

/** Why training stopped on its own, and what to try. */
export interface StepResult {
  metrics: IterationMetrics[];
  /** Set when a loss or weight went NaN/Inf: the weights are back at `restoredIteration`. */
  divergence?: Divergence & { restoredIteration: number };
}

/** One traced iteration: the step's result plus what each sub-step saw. */
export interface TracedStep extends StepResult {
  trace: IterationTrace;
}

export interface TrainerStatus {
  iteration: number;
  last: IterationMetrics | null;
  /** Over the last `step` call. */
  iterationsPerSecond: number;
  /** Real samples consumed per second (k D updates per iteration, one batch each). */
  samplesPerSecond: number;
}

export interface GanTrainer {
  step(iterations: number, mode?: StepMode): Promise<StepResult>;
  /**
   * Exactly `step(1)` (same updates, losses, Adams and random streams; the counter advances by
   * one), while recording small summaries of every sub-step for slow motion.
   */
  traceIteration(): Promise<TracedStep>;
  /**
   * n generated samples; `noise` (n × dim) fixes z, `labels` fixes classes for conditional G, as
   * class numbers or as label rows (n × classes; a walk between two classes mixes them). With
   * weight averaging on (`training.ema`) they come from the averaged generator.
   */
  sample(n: number, noise?: Float32Array, labels?: number[] | Float32Array): Promise<{ data: Float32Array; shape: number[] }>;
  /** D's score on n samples (flattened): a probability for minimax and non-saturating, raw otherwise. */
  scoreD(x: Float32Array, labels?: number[]): Promise<Float32Array>;
  /** For each sample, the direction G's loss pushes it (-∂L_G/∂x): GAN Lab's arrows. */
  generatorGradients(x: Float32Array, labels?: number[]): Promise<Float32Array>;
  metrics(): TrainerStatus;
  getWeights(): Promise<GanWeights>;
  setWeights(weights: GanWeights): void;
  /** Everything the run carries from one iteration to the next, read asynchronously. */
  saveState(): Promise<TrainerState>;
  /**
   * Goes on with a run saved by `saveState`, on whatever backend is current: weights, both Adams'
   * moments and step counts, and the random streams, so the next iteration is the one the saved
   * run would have made (how a run moves to a faster backend and stays the same run).
   */
  loadState(state: TrainerState): Promise<void>;
  dispose(): void;
  /** For tests: corrupt a weight to exercise the divergence guard. */
  readonly models: { generator: tf.LayersModel; discriminator: tf.LayersModel; averagedGenerator: tf.LayersModel | null };
}

/** A run in plain memory: see `GanTrainer.saveState`. */
export interface TrainerState {
  weights: GanWeights;
  optimizers: { generator: NamedWeight[]; discriminator: NamedWeight[] };
  rng: RngState;
  viewRng: RngState;
}

export interface TrainerOptions {
  project: GanProject;
  dataset: Dataset;
  seed?: number;
  /** How often the divergence guard checks every weight and refreshes its restore point (default 2 s; 0: every step). */
  snapshotEveryMs?: number;
}

/**
 * The GAN game on the current tfjs backend. One iteration is Goodfellow et al.'s Algorithm 1:
 * k discriminator updates, each on a fresh real batch and fresh noise, then one generator update;
 * each network has its own Adam and each update changes only its own network's variables.
 */
export function createGanTrainer({
  project,
  dataset,
  seed = project.training.seed,
  snapshotEveryMs = SNAPSHOT_EVERY_MS,
}: TrainerOptions): GanTrainer {
  const cfg = project.training;
  const rng: Rng = createRng(seed);
  const generator = compile(project.generator, contextFor(project, 'generator'), { name: 'generator', seed });
  const discriminator = compile(project.discriminator, contextFor(project, 'discriminator'), { name: 'discriminator', seed: seed + 1 });
  // G's weight average (`training.ema`): a second generator of the same design whose weights
  // follow G's as an exponential moving average; it starts as a copy of G.
  const decay = emaDecay(cfg);
  const averaged = decay > 0 ? compile(project.generator, contextFor(project, 'generator'), { name: 'generator_average', seed }) : null;
  const copyIntoAverage = () => {
    if (averaged) tf.tidy(() => averaged.weights.forEach((a, i) => a.write(generator.weights[i]!.read())));
  };
  copyIntoAverage();
  const conditional = generator.inputs.length > 1;
  const numClasses = dataset.numClasses ?? 0;
  const dataShape = dataset.shape;
  const gVars = () => generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const dVars = () => discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
  const makeAdam = (o: GanProject['training']['optimizers']['generator']) => tf.train.adam(o.lr, o.beta1, o.beta2);
  let gOpt = makeAdam(cfg.optimizers.generator);
  let dOpt = makeAdam(cfg.optimizers.discriminator);
  let iteration = 0;
  let status: TrainerStatus = { iteration: 0, last: null, iterationsPerSecond: 0, samplesPerSecond: 0 };
  let snapshot: { iteration: number; tensors: tf.Tensor[] } | null = null;

  // Pictures, scores and samples draw from their own stream, so how often the dashboard (or a
  // benchmark) looks never changes the run: the same seed trains the same weights.
  const viewRng: Rng = createRng(seed ^ 0x5bd1e995);
  const noise = (n: number, from: Rng = rng): tf.Tensor =>
    cfg.noise.distribution === 'normal'
      ? tf.randomNormal([n, cfg.noise.dim], 0, 1, 'float32', deriveSeed(from))
      : tf.randomUniform([n, cfg.noise.dim], -1, 1, 'float32', deriveSeed(from));
  const randomLabels = (n: number, from: Rng = rng): tf.Tensor => {
    const ids = Array.from({ length: n }, () => from.int(numClasses));
    return tf.oneHot(tf.tensor1d(ids, 'int32'), numClasses).toFloat();
  };
  const labelsOf = (ids: number[]): tf.Tensor => tf.oneHot(tf.tensor1d(ids, 'int32'), numClasses).toFloat();
  const runG = (z: tf.Tensor, y: tf.Tensor | undefined, training: boolean, model: tf.LayersModel = generator) =>
    model.apply(conditional && y ? [z, y] : z, { training }) as tf.Tensor;
  const runD = (x: tf.Tensor, y: tf.Tensor | undefined, training: boolean) =>
    discriminator.apply(conditional && y ? [x, y] : x, { training }) as tf.Tensor;
  const { dUpdate, gUpdate } = createUpdates({
    cfg,
    dataset,
    rng,
    conditional,
    noise,
    randomLabels,
    runG,
    runD,
    gVars,
    dVars,
    gOpt: () => gOpt,
    dOpt: () => dOpt,
  });

  // a ← a + (1 − β_t)(w − a) for every weight, trainable or not (BatchNorm's statistics too).
  const updateAverage = (t: number) => {
    if (!averaged) return;
    const rate = 1 - emaDecayAt(decay, t);
    tf.tidy(() =>
      averaged.weights.forEach((a, i) => {
        const value = a.read();
        a.write(tf.add(value, tf.mul(tf.sub(generator.weights[i]!.read(), value), rate)));
      }),
    );
  };

  // Every weight the run owns: the divergence guard checks, saves and restores all of them.
  const layerWeights = () => [...generator.weights, ...discriminator.weights, ...(averaged?.weights ?? [])];
  const allWeights = () => layerWeights().map((w) => w.read());

  // Copying (and checking) every weight costs as much as a small iteration on slow backends, so
  // the restore point is refreshed at most every couple of seconds; a divergence loses at most that much.
  let snapshotAt = -Infinity;
  const snapshotDue = () => performance.now() - snapshotAt >= snapshotEveryMs;
  const takeSnapshot = () => {
    snapshotAt = performance.now();
    const tensors = tf.tidy(() => allWeights().map((w) => tf.clone(w)));
    if (snapshot) tf.dispose(snapshot.tensors);
    snapshot = { iteration, tensors };
  };

  const restoreSnapshot = () => {
    if (!snapshot) return;
    const saved = snapshot;
    tf.tidy(() => layerWeights().forEach((w, i) => w.write(saved.tensors[i]!)));
    iteration = saved.iteration;
    // Adam's moments may hold the NaN too: start them afresh.
    gOpt.dispose();
    dOpt.dispose();
    gOpt = makeAdam(cfg.optimizers.generator);
    dOpt = makeAdam(cfg.optimizers.discriminator);
  };

  takeSnapshot();

  const step = (iterations: number, mode: StepMode = 'both'): Promise<StepResult> => run(iterations, mode);

  const traceIteration = async (): Promise<TracedStep> => {
    const recorder = createTraceRecorder(cfg, dataShape);
    try {
      const result = await run(1, 'both', recorder);
      const trace = await recorder.read(result.metrics[0] ?? null, result.divergence ? result.divergence.iteration : iteration);
      return { ...result, trace };
    } finally {
      recorder.dispose();
    }
  };

  const run = async (iterations: number, mode: StepMode, recorder?: TraceRecorder): Promise<StepResult> => {
    const start = performance.now();
    // Each iteration's [D loss, mean D(x), mean D(G(z)), ‖∇D‖², G loss, ‖∇G‖²], joined only once
    // for the whole call: per-iteration joins are kernels too.
    const parts: tf.Tensor[] = [];
    const skipped = (n: number) => tf.fill([n], Number.NaN);
    for (let i = 0; i < iterations; i++) {
      let d: tf.Tensor[] | null = null;
      const dSteps = mode === 'both' ? cfg.k : mode === 'd' ? 1 : 0;
      for (let j = 0; j < dSteps; j++) {
        const next = dUpdate(recorder?.dProbe(j));
        if (d) tf.dispose(d);
        d = next;
      }
      const g = mode === 'g' || mode === 'both' ? gUpdate(recorder?.gProbe()) : null;
      if (g) updateAverage(iteration + i + 1);
      parts.push(...(d ?? [skipped(4)]), ...(g ?? [skipped(2)]));
    }
    // One read for the whole call. Finite weights stay finite while every loss and gradient is
    // finite, so the weights themselves (a pass over all of them) are checked only when they are
    // about to become the restore point: nothing unverified is ever restored.
    const verify = snapshotDue();
    const packed = tf.tidy(() => tf.concat(verify ? [...parts, totalSum(allWeights()).reshape([1])] : parts));
    tf.dispose(parts);
    const values = (await packed.data()) as Float32Array;
    packed.dispose();
    const metrics: IterationMetrics[] = [];
    let bad: Divergence | null = null;
    for (let i = 0; i < iterations; i++) {
      const r = values.subarray(i * 6, i * 6 + 6);
      // Squared norms come back (a square root is cheaper here than as a kernel); NaN stays NaN.
      const m: IterationMetrics = {
        iteration: iteration + i + 1,
        dLoss: r[0]!,
        dReal: r[1]!,
        dFake: r[2]!,
        gradNormD: Math.sqrt(r[3]!),
        gLoss: r[4]!,
        gradNormG: Math.sqrt(r[5]!),
      };
      if (!bad && ((mode !== 'g' && !Number.isFinite(m.dLoss)) || (mode !== 'd' && !Number.isFinite(m.gLoss)))) {
        const network = Number.isFinite(m.dLoss) || mode === 'g' ? 'generator' : 'discriminator';
        bad = divergenceOf(m.iteration, lossDiverged(network, Number.isNaN(mode === 'g' ? m.gLoss : m.dLoss), m.iteration), project);
      } else if (!bad && ((mode !== 'g' && !Number.isFinite(m.gradNormD)) || (mode !== 'd' && !Number.isFinite(m.gradNormG)))) {
        const network = mode !== 'g' && !Number.isFinite(m.gradNormD) ? 'discriminator' : 'generator';
        bad = divergenceOf(m.iteration, gradientsDiverged(network, m.iteration), project);
      }
      metrics.push(m);
    }
    if (!bad && verify && !Number.isFinite(values[values.length - 1]!)) {
      bad = divergenceOf(iteration + iterations, weightsDiverged(iteration + iterations), project);
    }
    if (bad) {
      restoreSnapshot();
      return { metrics: metrics.filter((m) => m.iteration < bad.iteration), divergence: { ...bad, restoredIteration: iteration } };
    }
    iteration += iterations;
    // The guard's restore point: weights just verified finite.
    if (verify) takeSnapshot();
    const seconds = Math.max((performance.now() - start) / 1000, 1e-9);
    const perSecond = iterations / seconds;
    status = {
      iteration,
      last: metrics[metrics.length - 1] ?? status.last,
      iterationsPerSecond: perSecond,
      samplesPerSecond: perSecond * samplesPerUpdate(cfg) * (mode === 'g' ? 0 : mode === 'd' ? 1 : cfg.k),
    };
    return { metrics };
  };

  const sample = async (n: number, fixedNoise?: Float32Array, labels?: number[] | Float32Array) => {
    const out = tf.tidy(() => {
      const z = fixedNoise ? tf.tensor2d(fixedNoise, [n, cfg.noise.dim]) : noise(n, viewRng);
      // Label rows as given (a walk between two classes mixes them), or one-hot from class numbers.
      const rows = labels instanceof Float32Array ? tf.tensor2d(labels, [n, numClasses]) : labels ? labelsOf(labels) : null;
      const y = conditional ? (rows ?? randomLabels(n, viewRng)) : undefined;
      return runG(z, y, false, averaged ?? generator);
    });
    const data = (await out.data()) as Float32Array;
    const shape = [...out.shape];
    out.dispose();
    return { data, shape };
  };

  const asBatch = (x: Float32Array) => tf.tensor(x, [x.length / dataShape.reduce((a, b) => a * b, 1), ...dataShape]);
  // One point on its own, as a D that judges packs sees it: packed with copies of itself.
  const judge = (batch: tf.Tensor, y: tf.Tensor | undefined) =>
    runD(selfPack(batch, packSize(cfg)), y && selfPack(y, packSize(cfg)), false);

  const scoreD = async (x: Float32Array, labels?: number[]) => {
    const out = tf.tidy(() => {
      const batch = asBatch(x);
      const y = conditional ? (labels ? labelsOf(labels) : randomLabels(batch.shape[0]!, viewRng)) : undefined;
      return displayScore(cfg.loss, judge(batch, y)).reshape([-1]);
    });
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  };

  const generatorGradients = async (x: Float32Array, labels?: number[]) => {
    const out = tf.tidy(() => {
      const batch = asBatch(x);
      const y = conditional ? (labels ? labelsOf(labels) : randomLabels(batch.shape[0]!, viewRng)) : undefined;
      const grad = tf.grad((p: tf.Tensor) => tf.sum(generatorLossPerSample(cfg.loss, judge(p, y))))(batch);
      return tf.neg(grad).reshape([-1]);
    });
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  };

  const getWeights = async (): Promise<GanWeights> => ({
    iteration,
    generator: await readWeights(generator),
    discriminator: await readWeights(discriminator),
    ...(averaged ? { averagedGenerator: await readWeights(averaged) } : {}),
  });
  const setWeights = (w: GanWeights) => {
    writeWeights(tf, generator, w.generator);
    writeWeights(tf, discriminator, w.discriminator);
    // Weights saved without an average (averaging was off): the average starts again from G.
    if (averaged && w.averagedGenerator) writeWeights(tf, averaged, w.averagedGenerator);
    else copyIntoAverage();
    iteration = w.iteration;
    status = { ...status, iteration };
    takeSnapshot();
  };
  const readOptimizer = async (opt: tf.Optimizer): Promise<NamedWeight[]> => {
    const named = await opt.getWeights();
    try {
      return await Promise.all(
        named.map(async ({ name, tensor }) => ({ name, shape: [...tensor.shape], values: (await tensor.data()) as Float32Array })),
      );
    } finally {
      // The step count comes as a fresh scalar on every call; the moments are the optimizer's own variables.
      tf.dispose(named.filter(({ tensor }) => !(tensor instanceof tf.Variable)).map(({ tensor }) => tensor));
    }
  };
  const writeOptimizer = async (opt: tf.Optimizer, saved: NamedWeight[]) => {
    const tensors = saved.map(({ name, shape, values }) => ({ name, tensor: tf.tensor(values, shape) }));
    try {
      await opt.setWeights(tensors);
    } finally {
      // The optimizer's variables keep their own reference to the data.
      tf.dispose(tensors.map((t) => t.tensor));
    }
  };

  return {
    step,
    traceIteration,
    sample,
    scoreD,
    generatorGradients,
    metrics: () => status,
    getWeights,
    setWeights,
    saveState: async () => ({
      weights: await getWeights(),
      optimizers: { generator: await readOptimizer(gOpt), discriminator: await readOptimizer(dOpt) },
      rng: rng.save(),
      viewRng: viewRng.save(),
    }),
    loadState: async (state) => {
      setWeights(state.weights);
      await writeOptimizer(gOpt, state.optimizers.generator);
      await writeOptimizer(dOpt, state.optimizers.discriminator);
      rng.load(state.rng);
      viewRng.load(state.viewRng);
    },
    dispose: () => {
      if (snapshot) tf.dispose(snapshot.tensors);
      snapshot = null;
      gOpt.dispose();
      dOpt.dispose();
      generator.dispose();
      discriminator.dispose();
      averaged?.dispose();
    },
    models: { generator, discriminator, averagedGenerator: averaged },
  };
}
