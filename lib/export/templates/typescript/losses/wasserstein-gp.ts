// The losses of src/gan.ts for WGAN-GP (lib/export/typescript/trainer.ts).
import * as tf from '@tensorflow/tfjs';

declare const GRADIENT_PENALTY: number;

// region losses
/** The critic maximises E[D(x)] - E[D(G(z))]; the gradient penalty is added in the D update. */
function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.sub(tf.mean(fake), tf.mean(real)) as tf.Scalar;
}

function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.mean(tf.neg(fake)) as tf.Scalar;
}

/** λ·E[(‖∇D(x̂)‖ - 1)²] on random interpolates x̂ of real and fake samples (Gulrajani et al. 2017). */
function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  const [batch = 1, ...sample] = real.shape;
  const eps = tf.randomUniform([batch, ...sample.map(() => 1)], 0, 1);
  const mixed = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));
  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(mixed);
  const axes = sample.map((_, i) => i + 1);
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
  return tf.mul(GRADIENT_PENALTY, tf.mean(tf.square(tf.sub(norm, 1)))) as tf.Scalar;
}

// The penalty is a second derivative; tfjs ships comparison ops (used by the first derivative
// of relu-like activations) without gradients. They are piecewise constant: register zero.
for (const kernelName of ['Greater', 'Less', 'LessEqual', 'Equal', 'NotEqual']) {
  if (tf.getGradient(kernelName)) continue;
  tf.registerGradient({
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (_dy, saved) => {
      const [a, b] = saved as tf.Tensor[];
      return { a: () => tf.zerosLike(a!), b: () => tf.zerosLike(b!) };
    },
  });
}
// endregion
