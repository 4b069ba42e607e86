import * as tf from '@tensorflow/tfjs';
import type { DatasetRef } from '../project/schema';
import { datasetInfo } from './catalog';
import { toUnitRange, type ImageSet } from './image-set';
import type { Rng } from './rng';
import { isSyntheticRef, sampleSynthetic, syntheticModes, type SyntheticRef } from './synthetic';

/** One training batch. The caller owns and disposes both tensors. */
export interface Batch {
  x: tf.Tensor;
  /** One-hot float32 [batch, numClasses], for labelled datasets only. */
  labels?: tf.Tensor;
}

/** What the trainer draws real data from. Every draw's randomness comes from the `rng` passed in. */
export interface Dataset {
  /** One sample's shape, batch excluded, channels-last. */
  shape: number[];
  /** Present when samples carry class labels. */
  numClasses?: number;
  /** A batch of `batchSize` samples drawn with replacement. */
  sample(batchSize: number, rng: Rng): Batch;
  /** `n` samples as plain numbers (n × shape, row-major), for charts and quality metrics; allocates no tensors. */
  realSamples(n: number, rng: Rng): Float32Array;
  /** Frees the dataset's tensors; later draws throw. Safe to call twice. */
  dispose(): void;
}

/** A mixture-of-Gaussians dataset. It holds no tensors; each batch is built from a fresh JS sample. */
export function createSyntheticDataset(ref: SyntheticRef): Dataset {
  const dim = syntheticModes(ref)[0]!.length;
  return {
    shape: [dim],
    sample: (batchSize, rng) => ({ x: tf.tensor2d(sampleSynthetic(ref, batchSize, rng), [batchSize, dim]) }),
    realSamples: (n, rng) => sampleSynthetic(ref, n, rng),
    dispose: () => {},
  };
}

/**
 * An image dataset. Keeps one float32 tensor [count, h, w, c] in [-1, 1], made here, so that a
 * batch is a single `tf.gather` on the backend instead of an upload per step.
 */
export function createImageDataset(set: ImageSet): Dataset {
  if (set.count === 0) throw new Error('The image set is empty: add at least one image before training.');
  const [h, w, c] = set.shape;
  const { labels, numClasses } = set;
  let images: tf.Tensor4D | null = tf.tensor4d(toUnitRange(set.pixels), [set.count, h, w, c], 'float32');
  const imageSize = h * w * c;

  const pick = (n: number, rng: Rng) => Int32Array.from({ length: n }, () => rng.int(set.count));
  const live = () => {
    if (!images) throw new Error('This dataset was disposed; create a new one to keep sampling.');
    return images;
  };

  return {
    shape: [h, w, c],
    ...(numClasses !== undefined && { numClasses }),
    sample(batchSize, rng) {
      const all = live();
      const idx = pick(batchSize, rng);
      return tf.tidy(() => {
        const x = tf.gather(all, tf.tensor1d(idx, 'int32'));
        if (!labels || numClasses === undefined) return { x };
        const classes = tf.tensor1d(
          Int32Array.from(idx, (i) => labels[i]!),
          'int32',
        );
        return { x, labels: tf.cast(tf.oneHot(classes, numClasses), 'float32') };
      });
    },
    realSamples(n, rng) {
      const idx = pick(n, rng);
      const out = new Float32Array(n * imageSize);
      idx.forEach((i, row) => out.set(toUnitRange(set.pixels.subarray(i * imageSize, (i + 1) * imageSize)), row * imageSize));
      return out;
    },
    dispose() {
      images?.dispose();
      images = null;
    },
  };
}

/**
 * The dataset a project refers to. Image references need their set, loaded beforehand
 * (`loadImageSet` for MNIST and Fashion-MNIST, `loadUserImages` for the user's own).
 * @throws Error when an image reference comes without a set, or with one of another shape
 */
export function createDataset(ref: DatasetRef, images?: ImageSet): Dataset {
  if (isSyntheticRef(ref)) return createSyntheticDataset(ref);
  if (!images) throw new Error(`The "${ref.id}" dataset must be loaded before training.`);
  const expected = datasetInfo(ref).shape;
  if (images.shape.some((v, i) => v !== expected[i])) {
    throw new Error(
      `The loaded images are ${images.shape.join('×')} but the project expects ${expected.join('×')}; reload them at the project's size.`,
    );
  }
  return createImageDataset(images);
}
