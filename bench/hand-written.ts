import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../lib/data/dataset';
import { createRng } from '../lib/data/rng';

/**
 * The reference for the trainer's overhead: the same architectures written by hand the way
 * tfjs-examples writes GANs (Sequential models, `optimizer.minimize` with each network's
 * variables, sigmoid cross-entropy from tf.losses, a loss read back each iteration).
 */
export function handWrittenModels(kind: 'mlp' | 'dcgan'): { generator: tf.Sequential; discriminator: tf.Sequential; noiseDim: number } {
  const generator = tf.sequential();
  const discriminator = tf.sequential();
  if (kind === 'mlp') {
    generator.add(tf.layers.dense({ units: 128, inputShape: [64] }));
    generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    generator.add(tf.layers.dense({ units: 784, activation: 'tanh' }));
    generator.add(tf.layers.reshape({ targetShape: [28, 28, 1] }));
    discriminator.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
    discriminator.add(tf.layers.dense({ units: 128 }));
    discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    discriminator.add(tf.layers.dense({ units: 1 }));
    return { generator, discriminator, noiseDim: 64 };
  }
  generator.add(tf.layers.dense({ units: 7 * 7 * 128, useBias: false, inputShape: [100] }));
  generator.add(tf.layers.batchNormalization());
  generator.add(tf.layers.reLU());
  generator.add(tf.layers.reshape({ targetShape: [7, 7, 128] }));
  generator.add(tf.layers.conv2dTranspose({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', useBias: false }));
  generator.add(tf.layers.batchNormalization());
  generator.add(tf.layers.reLU());
  generator.add(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }));
  discriminator.add(tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', inputShape: [28, 28, 1] }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.conv2d({ filters: 128, kernelSize: 4, strides: 2, padding: 'same', useBias: false }));
  discriminator.add(tf.layers.batchNormalization());
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.flatten());
  discriminator.add(tf.layers.dense({ units: 1 }));
  return { generator, discriminator, noiseDim: 100 };
}

/** Runs `iterations` of 1 D step + 1 G step by hand; returns ms per iteration. */
export async function handWrittenLoop(kind: 'mlp' | 'dcgan', dataset: Dataset, iterations: number, warmup = 1): Promise<number> {
  const { generator, discriminator, noiseDim } = handWrittenModels(kind);
  const dOpt = tf.train.adam(2e-4, 0.5);
  const gOpt = tf.train.adam(2e-4, 0.5);
  const dVars = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
  const gVars = generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const rng = createRng(1);
  const batch = 64;
  const iteration = async () => {
    const dLoss = dOpt.minimize(
      () => {
        const real = dataset.sample(batch, rng).x;
        const fake = generator.apply(tf.randomNormal([batch, noiseDim]), { training: true }) as tf.Tensor;
        const realLoss = tf.losses.sigmoidCrossEntropy(tf.ones([batch, 1]), discriminator.apply(real, { training: true }) as tf.Tensor);
        const fakeLoss = tf.losses.sigmoidCrossEntropy(tf.zeros([batch, 1]), discriminator.apply(fake, { training: true }) as tf.Tensor);
        return tf.add(realLoss, fakeLoss) as tf.Scalar;
      },
      true,
      dVars,
    )!;
    const gLoss = gOpt.minimize(
      () => {
        const fake = generator.apply(tf.randomNormal([batch, noiseDim]), { training: true }) as tf.Tensor;
        return tf.losses.sigmoidCrossEntropy(tf.ones([batch, 1]), discriminator.apply(fake, { training: true }) as tf.Tensor) as tf.Scalar;
      },
      true,
      gVars,
    )!;
    await dLoss.data();
    await gLoss.data();
    tf.dispose([dLoss, gLoss]);
  };
  try {
    for (let i = 0; i < warmup; i++) await iteration();
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await iteration();
    return (performance.now() - start) / iterations;
  } finally {
    dOpt.dispose();
    gOpt.dispose();
    generator.dispose();
    discriminator.dispose();
  }
}
