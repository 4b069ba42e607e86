import { emaDecay, packSize } from '../../project/schema';
import type { LossKind } from '../../project/kinds';
import type { IrProject } from '../model-ir';

/** D's and G's loss on logits, only for the project's loss: the same formulas as lib/train/losses.ts. */
function emitLosses(loss: LossKind): string {
  const common = [
    '/** log D = -softplus(-logit) and log(1 - D) = -softplus(logit): finite where log(sigmoid) underflows. */',
    'function bce(logits: tf.Tensor, target: number): tf.Scalar {',
    '  const positive = tf.softplus(tf.neg(logits));',
    '  const negative = tf.softplus(logits);',
    '  return tf.mean(tf.add(tf.mul(positive, target), tf.mul(negative, 1 - target))) as tf.Scalar;',
    '}',
    '',
  ];
  switch (loss) {
    case 'minimax':
    case 'non-saturating':
      return [
        ...common,
        '/** D ascends log D(x) + log(1 - D(G(z))): it minimises the negation. */',
        'function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {',
        '  return tf.add(bce(real, 1 - LABEL_SMOOTHING), bce(fake, 0)) as tf.Scalar;',
        '}',
        '',
        loss === 'minimax' ? '/** Minimax: G minimises log(1 - D(G(z))). */' : '/** Non-saturating: G maximises log D(G(z)). */',
        'function generatorLoss(fake: tf.Tensor): tf.Scalar {',
        loss === 'minimax'
          ? '  return tf.mean(tf.neg(tf.softplus(fake))) as tf.Scalar;'
          : '  return tf.mean(tf.softplus(tf.neg(fake))) as tf.Scalar;',
        '}',
      ].join('\n');
    case 'least-squares':
      return [
        '/** Least-squares GAN (Mao et al. 2017), a = 0, b = c = 1. */',
        'function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {',
        '  const realTerm = tf.mul(0.5, tf.mean(tf.square(tf.sub(real, 1 - LABEL_SMOOTHING))));',
        '  const fakeTerm = tf.mul(0.5, tf.mean(tf.square(fake)));',
        '  return tf.add(realTerm, fakeTerm) as tf.Scalar;',
        '}',
        '',
        'function generatorLoss(fake: tf.Tensor): tf.Scalar {',
        '  return tf.mean(tf.mul(0.5, tf.square(tf.sub(fake, 1)))) as tf.Scalar;',
        '}',
      ].join('\n');
    case 'wasserstein-gp':
      return [
        '/** The critic maximises E[D(x)] - E[D(G(z))]; the gradient penalty is added in the D update. */',
        'function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {',
        '  return tf.sub(tf.mean(fake), tf.mean(real)) as tf.Scalar;',
        '}',
        '',
        'function generatorLoss(fake: tf.Tensor): tf.Scalar {',
        '  return tf.mean(tf.neg(fake)) as tf.Scalar;',
        '}',
        '',
        '/** λ·E[(‖∇D(x̂)‖ - 1)²] on random interpolates x̂ of real and fake samples (Gulrajani et al. 2017). */',
        'function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor): tf.Scalar {',
        '  const [batch = 1, ...sample] = real.shape;',
        '  const eps = tf.randomUniform([batch, ...sample.map(() => 1)], 0, 1);',
        '  const mixed = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));',
        '  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(mixed);',
        '  const axes = sample.map((_, i) => i + 1);',
        '  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));',
        '  return tf.mul(GRADIENT_PENALTY, tf.mean(tf.square(tf.sub(norm, 1)))) as tf.Scalar;',
        '}',
        '',
        '// The penalty is a second derivative; tfjs ships comparison ops (used by the first derivative',
        '// of relu-like activations) without gradients. They are piecewise constant: register zero.',
        "for (const kernelName of ['Greater', 'Less', 'LessEqual', 'Equal', 'NotEqual']) {",
        '  if (tf.getGradient(kernelName)) continue;',
        '  tf.registerGradient({',
        '    kernelName,',
        "    inputsToSave: ['a', 'b'],",
        '    gradFunc: (_dy, saved) => {',
        '      const [a, b] = saved as tf.Tensor[];',
        '      return { a: () => tf.zerosLike(a!), b: () => tf.zerosLike(b!) };',
        '    },',
        '  });',
        '}',
      ].join('\n');
    case 'hinge':
      return [
        'function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {',
        '  return tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake)))) as tf.Scalar;',
        '}',
        '',
        'function generatorLoss(fake: tf.Tensor): tf.Scalar {',
        '  return tf.mean(tf.neg(fake)) as tf.Scalar;',
        '}',
      ].join('\n');
  }
}

/** The trainer: Goodfellow et al.'s Algorithm 1 exactly as GANvas runs it. */
export function emitTrainer(ir: IrProject): string {
  const c = ir.conditional;
  const score = ir.training.loss === 'minimax' || ir.training.loss === 'non-saturating' ? 'tf.sigmoid' : '';
  // Packing (PacGAN): D takes packs of PACK samples, so each update draws batchSize · PACK samples.
  const packed = packSize(ir.training) > 1;
  const P = (x: string) => (packed ? `pack(${x})` : x);
  const n = packed ? 'samples' : 'batchSize';
  // G's weight average: a second generator following G's weights as a moving average.
  const ema = emaDecay(ir.training) > 0;
  const penalty =
    ir.training.loss === 'wasserstein-gp'
      ? [`        loss = tf.add(loss, gradientPenalty((x) => runD(x, ${P('fakeLabels')}), ${P('batch.x')}, ${P('fake')})) as tf.Scalar;`]
      : [];
  const lines: (string | null)[] = [
    emitLosses(ir.training.loss),
    '',
    ...(packed
      ? [
          '/** PacGAN: [n·PACK, ...shape] → [n, ..., PACK·last]; consecutive samples side by side along the last axis. */',
          'export function pack(x: tf.Tensor): tf.Tensor {',
          '  const [rows = 0, ...rest] = x.shape;',
          '  const n = rows / PACK;',
          '  if (rest.length <= 1) return tf.reshape(x, [n, PACK * (rest[0] ?? 1)]);',
          '  const last = rest.length + 1;',
          '  const perm = [0, ...rest.slice(0, -1).map((_, i) => i + 2), 1, last];',
          '  return tf.reshape(tf.transpose(tf.reshape(x, [n, PACK, ...rest]), perm), [n, ...rest.slice(0, -1), PACK * rest[rest.length - 1]!]);',
          '}',
          '',
        ]
      : []),
    'export interface Metrics {',
    '  iteration: number;',
    '  dLoss: number;',
    '  gLoss: number;',
    `  /** Mean D(x) on the last real batch${score ? '' : ' (a raw score: this loss has no probabilities)'}. */`,
    '  dReal: number;',
    '  /** Mean D(G(z)) on the last generated batch. */',
    '  dFake: number;',
    '}',
    '',
    'export interface GanTrainer {',
    '  generator: tf.LayersModel;',
    '  discriminator: tf.LayersModel;',
    ema ? "  /** G's weight average (EMA_DECAY): the generator to sample from and to save. */" : null,
    ema ? '  averagedGenerator: tf.LayersModel;' : null,
    '  /** One iteration: K discriminator updates, then one generator update. */',
    '  step(): Promise<Metrics>;',
    '  dispose(): void;',
    '}',
    '',
    '/** Gradients in the list form `applyGradients` takes. */',
    'const asList = (grads: tf.NamedTensorMap) => Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));',
    '',
    'export function noise(n: number): tf.Tensor {',
    "  return NOISE_DISTRIBUTION === 'normal' ? tf.randomNormal([n, NOISE_DIM]) : tf.randomUniform([n, NOISE_DIM], -1, 1);",
    '}',
    ...(c
      ? [
          '',
          'function randomLabels(n: number): tf.Tensor {',
          '  const ids = Array.from({ length: n }, () => Math.floor(Math.random() * NUM_CLASSES));',
          "  return tf.oneHot(tf.tensor1d(ids, 'int32'), NUM_CLASSES).toFloat();",
          '}',
        ]
      : []),
    '',
    '/**',
    ' * Each network has its own Adam, and each update takes gradients over its own variables only.',
    ' * Pass models to continue from trained weights; by default both are built fresh.',
    ' */',
    'export interface TrainerOptions {',
    '  generator?: tf.LayersModel;',
    '  discriminator?: tf.LayersModel;',
    ema ? "  /** G's weight average to continue from; a copy of the generator otherwise. */" : null,
    ema ? '  averagedGenerator?: tf.LayersModel;' : null,
    '  /** Overrides BATCH_SIZE, e.g. for a quick smoke run. */',
    '  batchSize?: number;',
    '}',
    '',
    'export function createTrainer(dataset: Dataset, options: TrainerOptions = {}): GanTrainer {',
    '  const generator = options.generator ?? buildGenerator();',
    '  const discriminator = options.discriminator ?? buildDiscriminator();',
    '  const batchSize = options.batchSize ?? BATCH_SIZE;',
    ...(ema
      ? [
          '  const averagedGenerator = options.averagedGenerator ?? buildGenerator();',
          '  if (!options.averagedGenerator) {',
          '    tf.tidy(() => averagedGenerator.weights.forEach((a, i) => a.write(generator.weights[i]!.read())));',
          '  }',
        ]
      : []),
    packed ? '  /** D judges batchSize packs of PACK samples each. */' : null,
    packed ? '  const samples = batchSize * PACK;' : null,
    '  const gVars = generator.trainableWeights.map((w) => w.read() as tf.Variable);',
    '  const dVars = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);',
    '  const gOptimizer = tf.train.adam(GENERATOR_ADAM.lr, GENERATOR_ADAM.beta1, GENERATOR_ADAM.beta2);',
    '  const dOptimizer = tf.train.adam(DISCRIMINATOR_ADAM.lr, DISCRIMINATOR_ADAM.beta1, DISCRIMINATOR_ADAM.beta2);',
    c
      ? '  const runG = (z: tf.Tensor, y: tf.Tensor) => generator.apply([z, y], { training: true }) as tf.Tensor;'
      : '  const runG = (z: tf.Tensor) => generator.apply(z, { training: true }) as tf.Tensor;',
    c
      ? '  const runD = (x: tf.Tensor, y: tf.Tensor) => discriminator.apply([x, y], { training: true }) as tf.Tensor;'
      : '  const runD = (x: tf.Tensor) => discriminator.apply(x, { training: true }) as tf.Tensor;',
    '  let iteration = 0;',
    '',
    '  /** One D update on a fresh real batch and fresh noise; returns [loss, mean D(x), mean D(G(z))]. */',
    '  const discriminatorStep = (): tf.Tensor =>',
    '    tf.tidy(() => {',
    `      const batch = dataset.sample(${n});`,
    c ? `      const fakeLabels = randomLabels(${n});` : null,
    c ? `      const fake = runG(noise(${n}), fakeLabels);` : `      const fake = runG(noise(${n}));`,
    '      let scores: tf.Tensor | null = null;',
    '      const { value, grads } = tf.variableGrads(() => {',
    c ? `        const realOut = runD(${P('batch.x')}, ${P('batch.labels!')});` : `        const realOut = runD(${P('batch.x')});`,
    c ? `        const fakeOut = runD(${P('fake')}, ${P('fakeLabels')});` : `        const fakeOut = runD(${P('fake')});`,
    '        let loss = discriminatorLoss(realOut, fakeOut);',
    ...penalty,
    `        scores = tf.keep(tf.stack([tf.mean(${score ? `${score}(realOut)` : 'realOut'}), tf.mean(${score ? `${score}(fakeOut)` : 'fakeOut'})]));`,
    '        return loss;',
    '      }, dVars);',
    '      dOptimizer.applyGradients(asList(grads));',
    '      const out = tf.concat([value.reshape([1]), scores!]);',
    '      tf.dispose([batch.x, batch.labels, scores!]);',
    '      return out;',
    '    });',
    '',
    '  /** One G update on fresh noise; returns its loss. */',
    '  const generatorStep = (): tf.Tensor =>',
    '    tf.tidy(() => {',
    c ? `      const labels = randomLabels(${n});` : null,
    c
      ? `      const { value, grads } = tf.variableGrads(() => generatorLoss(runD(${P(`runG(noise(${n}), labels)`)}, ${P('labels')})), gVars);`
      : `      const { value, grads } = tf.variableGrads(() => generatorLoss(runD(${P(`runG(noise(${n}))`)})), gVars);`,
    '      gOptimizer.applyGradients(asList(grads));',
    '      return value.reshape([1]);',
    '    });',
    ...(ema
      ? [
          '',
          "  /** a ← a + (1 - β)(w - a) for every weight of G (BatchNorm's statistics too). */",
          '  const updateAverage = (t: number) =>',
          '    tf.tidy(() => {',
          '      const rate = 1 - Math.min(EMA_DECAY, (1 + t) / (10 + t));',
          '      averagedGenerator.weights.forEach((a, i) => {',
          '        const value = a.read();',
          '        a.write(tf.add(value, tf.mul(tf.sub(generator.weights[i]!.read(), value), rate)));',
          '      });',
          '    });',
        ]
      : []),
    '',
    '  return {',
    '    generator,',
    '    discriminator,',
    ema ? '    averagedGenerator,' : null,
    '    async step() {',
    '      let d: tf.Tensor | null = null;',
    '      for (let i = 0; i < K; i++) {',
    '        const next = discriminatorStep();',
    '        d?.dispose();',
    '        d = next;',
    '      }',
    '      const g = generatorStep();',
    ema ? '      updateAverage(iteration + 1);' : null,
    '      const packed = tf.concat([d!, g]);',
    '      tf.dispose([d!, g]);',
    '      // One asynchronous read per iteration: sync reads stall the GPU backends.',
    '      const [dLoss = NaN, dReal = NaN, dFake = NaN, gLoss = NaN] = await packed.data();',
    '      packed.dispose();',
    '      iteration += 1;',
    '      return { iteration, dLoss, gLoss, dReal, dFake };',
    '    },',
    '    dispose() {',
    '      gOptimizer.dispose();',
    '      dOptimizer.dispose();',
    '    },',
    '  };',
    '}',
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}
