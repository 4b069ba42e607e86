// G's loss of src/gan.ts for the non-saturating GAN, after bce.ts's shared region.
import * as tf from '@tensorflow/tfjs';

// region generatorLoss
/** Non-saturating: G maximises log D(G(z)). */
function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.mean(tf.softplus(tf.neg(fake))) as tf.Scalar;
}
// endregion
