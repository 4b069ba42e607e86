// The losses of src/gan.ts for minimax and non-saturating GANs (lib/export/typescript/trainer.ts):
// the shared region, then the generator's loss from minimax.ts or non-saturating.ts.
import * as tf from '@tensorflow/tfjs';

declare const LABEL_SMOOTHING: number;

// region shared
/** log D = -softplus(-logit) and log(1 - D) = -softplus(logit): finite where log(sigmoid) underflows. */
function bce(logits: tf.Tensor, target: number): tf.Scalar {
  const positive = tf.softplus(tf.neg(logits));
  const negative = tf.softplus(logits);
  return tf.mean(tf.add(tf.mul(positive, target), tf.mul(negative, 1 - target))) as tf.Scalar;
}

/** D ascends log D(x) + log(1 - D(G(z))): it minimises the negation. */
function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.add(bce(real, 1 - LABEL_SMOOTHING), bce(fake, 0)) as tf.Scalar;
}
// endregion
