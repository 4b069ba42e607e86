import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../project/kinds';
import type { LossInfo } from './types';

/**
 * GAN losses on D's raw outputs (logits). Every loss here takes logits: for minimax and
 * non-saturating the sigmoid is applied inside, as log-sigmoid, which stays finite where
 * log(sigmoid(x)) would underflow.
 *
 *   log D(x)       = -softplus(-l)
 *   log(1 - D(x))  = -softplus(l)
 */

/**
 * Binary cross-entropy against target t, from logits: t·softplus(-l) + (1-t)·softplus(l). The
 * usual targets 1 and 0 keep only their own term: fewer kernels forward and backward, which is
 * the cost on backends that pay per kernel launch.
 */
function bce(logits: tf.Tensor, target: number): tf.Scalar {
  return tf.tidy(() => {
    if (target === 1) return tf.mean(tf.softplus(tf.neg(logits))) as tf.Scalar;
    if (target === 0) return tf.mean(tf.softplus(logits)) as tf.Scalar;
    const pos = tf.softplus(tf.neg(logits));
    const neg = tf.softplus(logits);
    return tf.mean(tf.add(tf.mul(pos, target), tf.mul(neg, 1 - target))) as tf.Scalar;
  });
}

/**
 * D's loss to minimise, given its logits on a real and a fake batch. For minimax and
 * non-saturating this is -[log D(x) + log(1 - D(G(z)))], so D ascends the value function V.
 * `smoothing` is one-sided label smoothing: real targets become 1 - smoothing.
 */
export function discriminatorLoss(kind: LossKind, real: tf.Tensor, fake: tf.Tensor, smoothing = 0): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'minimax':
      case 'non-saturating':
        return tf.add(bce(real, 1 - smoothing), bce(fake, 0)) as tf.Scalar;
      case 'least-squares':
        // Mao et al. (2017) with a = 0, b = c = 1.
        return tf.add(tf.mul(0.5, tf.mean(tf.square(tf.sub(real, 1 - smoothing)))), tf.mul(0.5, tf.mean(tf.square(fake)))) as tf.Scalar;
      case 'wasserstein-gp':
        // The critic maximises E[D(x)] - E[D(G(z))]; the gradient penalty is added by the trainer.
        return tf.sub(tf.mean(fake), tf.mean(real)) as tf.Scalar;
      case 'hinge':
        return tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake)))) as tf.Scalar;
    }
  });
}

/** Per-sample G loss, so the 2-D view can show which way each generated point is pushed. */
export function generatorLossPerSample(kind: LossKind, fake: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    switch (kind) {
      case 'minimax':
        // G minimises log(1 - D(G(z))): flat where D confidently rejects the fakes, early in training.
        return tf.neg(tf.softplus(fake));
      case 'non-saturating':
        // G maximises log D(G(z)) instead: the same fixed point, strong gradients early on.
        return tf.softplus(tf.neg(fake));
      case 'least-squares':
        return tf.mul(0.5, tf.square(tf.sub(fake, 1)));
      case 'wasserstein-gp':
      case 'hinge':
        return tf.neg(fake);
    }
  });
}

/** G's loss to minimise, given D's logits on a fake batch. */
export function generatorLoss(kind: LossKind, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(generatorLossPerSample(kind, fake)) as tf.Scalar);
}

/**
 * WGAN-GP's penalty λ·E[(‖∇ₓD(x̂)‖₂ - 1)²] on random interpolates x̂ of real and fake samples
 * (Gulrajani et al. 2017). Differentiable in D's weights: tfjs takes the gradient of a gradient.
 * Real pairs with a label are scored with the label of the fake batch, as the interpolates mix both.
 */
export function gradientPenalty(
  critic: (x: tf.Tensor) => tf.Tensor,
  real: tf.Tensor,
  fake: tf.Tensor,
  weight: number,
  seed: number,
): tf.Scalar {
  return tf.tidy(() => {
    const [batch = 1, ...sample] = real.shape;
    const eps = tf.randomUniform([batch, ...sample.map(() => 1)], 0, 1, 'float32', seed);
    const mixed = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));
    const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(mixed);
    const axes = sample.map((_, i) => i + 1);
    const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
    return tf.mul(weight, tf.mean(tf.square(tf.sub(norm, 1)))) as tf.Scalar;
  });
}

/** D's output as shown on the dashboard: a probability where the loss defines one. */
export function displayScore(kind: LossKind, logits: tf.Tensor): tf.Tensor {
  return kind === 'minimax' || kind === 'non-saturating' ? tf.sigmoid(logits) : tf.clone(logits);
}

/** Reference lines for the charts. */
export function lossInfo(kind: LossKind): LossInfo {
  switch (kind) {
    case 'minimax':
    case 'non-saturating':
      return { loss: kind, equilibriumDLoss: 2 * Math.LN2, probabilities: true };
    case 'least-squares':
      // D = 1/2 everywhere: 0.5·(1/2)² + 0.5·(1/2)².
      return { loss: kind, equilibriumDLoss: 0.25, probabilities: true };
    case 'hinge':
      return { loss: kind, equilibriumDLoss: 2, probabilities: false };
    case 'wasserstein-gp':
      return { loss: kind, equilibriumDLoss: 0, probabilities: false };
  }
}
