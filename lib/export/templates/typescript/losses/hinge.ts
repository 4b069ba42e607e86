// The losses of src/gan.ts for the hinge loss (lib/export/typescript/trainer.ts).
import * as tf from '@tensorflow/tfjs';

// region losses
function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake)))) as tf.Scalar;
}

function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.mean(tf.neg(fake)) as tf.Scalar;
}
// endregion
