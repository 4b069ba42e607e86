import { emaDecay, packSize } from '../../project/schema';
import type { LossKind } from '../../project/kinds';
import type { IrProject } from '../model-ir';
import {
  LOSSES_BCE_TS,
  LOSSES_HINGE_TS,
  LOSSES_LEAST_SQUARES_TS,
  LOSSES_MINIMAX_TS,
  LOSSES_NON_SATURATING_TS,
  LOSSES_WASSERSTEIN_GP_TS,
  TRAINER_TS,
} from '../templates.generated';

/** D's and G's loss on logits, only for the project's loss: the same formulas as lib/train/losses.ts. */
function emitLosses(loss: LossKind): string {
  switch (loss) {
    case 'minimax':
      return [LOSSES_BCE_TS.shared, '', LOSSES_MINIMAX_TS.generatorLoss].join('\n');
    case 'non-saturating':
      return [LOSSES_BCE_TS.shared, '', LOSSES_NON_SATURATING_TS.generatorLoss].join('\n');
    case 'least-squares':
      return LOSSES_LEAST_SQUARES_TS.losses;
    case 'wasserstein-gp':
      return LOSSES_WASSERSTEIN_GP_TS.losses;
    case 'hinge':
      return LOSSES_HINGE_TS.losses;
  }
}

/**
 * The trainer: Goodfellow et al.'s Algorithm 1 exactly as GANvas runs it. The static code is
 * lib/export/templates/typescript/trainer.ts (and losses/), joined here with the lines that depend
 * on the design: conditional or not, packed or not, with G's weight average or not.
 */
export function emitTrainer(ir: IrProject): string {
  const c = ir.conditional;
  const score = ir.training.loss === 'minimax' || ir.training.loss === 'non-saturating' ? 'tf.sigmoid' : '';
  // Packing (PacGAN): D takes packs of PACK samples, so each update draws batchSize · PACK samples.
  const packed = packSize(ir.training) > 1;
  const P = (x: string) => (packed ? `pack(${x})` : x);
  const n = packed ? 'samples' : 'batchSize';
  // G's weight average: a second generator following G's weights as a moving average.
  const ema = emaDecay(ir.training) > 0;
  const T = TRAINER_TS;
  const penalty =
    ir.training.loss === 'wasserstein-gp'
      ? [`        loss = tf.add(loss, gradientPenalty((x) => runD(x, ${P('fakeLabels')}), ${P('batch.x')}, ${P('fake')})) as tf.Scalar;`]
      : [];
  const lines: (string | null)[] = [
    emitLosses(ir.training.loss),
    '',
    ...(packed ? [T.pack, ''] : []),
    T.metrics,
    `  /** Mean D(x) on the last real batch${score ? '' : ' (a raw score: this loss has no probabilities)'}. */`,
    T.trainer,
    ema ? T.trainerAverage : null,
    T.noise,
    ...(c ? ['', T.randomLabels] : []),
    '',
    T.options,
    ema ? T.optionsAverage : null,
    T.createTrainer,
    ema ? T.averageInit : null,
    packed ? T.samples : null,
    T.optimizers,
    c
      ? '  const runG = (z: tf.Tensor, y: tf.Tensor) => generator.apply([z, y], { training: true }) as tf.Tensor;'
      : '  const runG = (z: tf.Tensor) => generator.apply(z, { training: true }) as tf.Tensor;',
    c
      ? '  const runD = (x: tf.Tensor, y: tf.Tensor) => discriminator.apply([x, y], { training: true }) as tf.Tensor;'
      : '  const runD = (x: tf.Tensor) => discriminator.apply(x, { training: true }) as tf.Tensor;',
    T.discriminatorStep,
    `      const batch = dataset.sample(${n});`,
    c ? `      const fakeLabels = randomLabels(${n});` : null,
    c ? `      const fake = runG(noise(${n}), fakeLabels);` : `      const fake = runG(noise(${n}));`,
    T.discriminatorGrads,
    c ? `        const realOut = runD(${P('batch.x')}, ${P('batch.labels!')});` : `        const realOut = runD(${P('batch.x')});`,
    c ? `        const fakeOut = runD(${P('fake')}, ${P('fakeLabels')});` : `        const fakeOut = runD(${P('fake')});`,
    T.discriminatorLoss,
    ...penalty,
    `        scores = tf.keep(tf.stack([tf.mean(${score ? `${score}(realOut)` : 'realOut'}), tf.mean(${score ? `${score}(fakeOut)` : 'fakeOut'})]));`,
    T.generatorStep,
    c ? `      const labels = randomLabels(${n});` : null,
    c
      ? `      const { value, grads } = tf.variableGrads(() => generatorLoss(runD(${P(`runG(noise(${n}), labels)`)}, ${P('labels')})), gVars);`
      : `      const { value, grads } = tf.variableGrads(() => generatorLoss(runD(${P(`runG(noise(${n}))`)})), gVars);`,
    T.generatorStepEnd,
    ...(ema ? ['', T.updateAverage] : []),
    '',
    T.result,
    ema ? '    averagedGenerator,' : null,
    T.step,
    ema ? '      updateAverage(iteration + 1);' : null,
    T.stepEnd,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}
