// The dataset of src/gan.ts (lib/export/typescript/data.ts): the types, then for image data the
// GANV reader (synthetic data takes dataset-mixture.ts instead).
import * as tf from '@tensorflow/tfjs';

declare const DATA_SHAPE: number[];

// region types
export interface Batch {
  x: tf.Tensor;
  /** One-hot labels, for labelled data. */
  labels?: tf.Tensor;
}

export interface Dataset {
  sample(n: number): Batch;
  dispose(): void;
}
// endregion

// region images
/**
 * Images from a GANvas image set (the app's "GANV" format: a 16-byte header, uint8 pixels
 * channels-last, then one uint8 label per image when labelled), scaled to [-1, 1].
 */
export function createDataset(file: Uint8Array): Dataset {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = String.fromCharCode(...file.subarray(0, 4));
  if (file.byteLength < 16 || magic !== 'GANV') throw new Error('not a GANvas image set (expected the GANV header)');
  const channels = view.getUint8(6);
  const numClasses = view.getUint8(7);
  const count = view.getUint32(8, true);
  const height = view.getUint16(12, true);
  const width = view.getUint16(14, true);
  const size = height * width * channels;
  if ([height, width, channels].join() !== DATA_SHAPE.join()) {
    throw new Error(`the image set holds ${height}×${width}×${channels} images but the model expects ${DATA_SHAPE.join("×")}`);
  }
  if (file.byteLength !== 16 + count * size + (numClasses > 0 ? count : 0)) throw new Error('the image set is truncated or too long');
  const pixels = Float32Array.from(file.subarray(16, 16 + count * size), (v) => v / 127.5 - 1);
  const images = tf.tensor4d(pixels, [count, height, width, channels]);
  const labels = numClasses > 0 ? Int32Array.from(file.subarray(16 + count * size)) : null;
  return {
    sample: (n) =>
      tf.tidy(() => {
        const pick = Int32Array.from({ length: n }, () => Math.floor(Math.random() * count));
        const x = tf.gather(images, tf.tensor1d(pick, 'int32'));
        if (!labels) return { x };
        const classes = Int32Array.from(pick, (i) => labels[i]!);
        return { x, labels: tf.oneHot(tf.tensor1d(classes, 'int32'), numClasses).toFloat() };
      }),
    dispose: () => images.dispose(),
  };
}
// endregion
