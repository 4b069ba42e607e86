// The dataset of src/gan.ts for synthetic data (lib/export/typescript/data.ts): after dataset.ts's
// types and the generated MODES and MODE_STD.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './dataset';

declare const DATA_SHAPE: number[];
declare const MODES: number[][];
declare const MODE_STD: number;

// region createDataset
/** Samples: a uniformly chosen mode plus isotropic Gaussian noise. */
export function createDataset(): Dataset {
  const centres = tf.tensor2d(MODES);
  return {
    sample: (n) =>
      tf.tidy(() => {
        const pick = tf.randomUniform([n], 0, MODES.length, 'int32');
        return { x: tf.add(tf.gather(centres, pick), tf.randomNormal([n, DATA_SHAPE[0]!], 0, MODE_STD)) };
      }),
    dispose: () => centres.dispose(),
  };
}
// endregion
