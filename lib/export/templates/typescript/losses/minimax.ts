// G's loss of src/gan.ts for the minimax GAN, after bce.ts's shared region.
import * as tf from '@tensorflow/tfjs';

// region generatorLoss
/** Minimax: G minimises log(1 - D(G(z))). */
function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.mean(tf.neg(tf.softplus(fake))) as tf.Scalar;
}
// endregion
