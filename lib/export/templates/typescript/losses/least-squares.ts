// The losses of src/gan.ts for the least-squares GAN (lib/export/typescript/trainer.ts).
import * as tf from '@tensorflow/tfjs';

declare const LABEL_SMOOTHING: number;

// region losses
/** Least-squares GAN (Mao et al. 2017), a = 0, b = c = 1. */
function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  const realTerm = tf.mul(0.5, tf.mean(tf.square(tf.sub(real, 1 - LABEL_SMOOTHING))));
  const fakeTerm = tf.mul(0.5, tf.mean(tf.square(fake)));
  return tf.add(realTerm, fakeTerm) as tf.Scalar;
}

function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.mean(tf.mul(0.5, tf.square(tf.sub(fake, 1)))) as tf.Scalar;
}
// endregion
