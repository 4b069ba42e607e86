import * as tf from '@tensorflow/tfjs';

/**
 * WGAN-GP differentiates D's input gradient with respect to D's weights, a second derivative.
 * The first derivatives of leakyRelu and friends use comparison ops (Greater, Less, ...) that
 * tfjs ships without gradients, so the second pass fails with "gradient function not found".
 * A comparison is piecewise constant, so its derivative is zero wherever it exists; registering
 * that makes the penalty trainable through every activation GANvas offers.
 */
const COMPARISONS = ['Greater', 'Less', 'LessEqual', 'Equal', 'NotEqual'];

for (const kernelName of COMPARISONS) {
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
