import * as tf from '@tensorflow/tfjs';
import { packedShape } from '../compiler/pack';

/**
 * Packing (PacGAN, Lin et al. 2018): D judges m samples at once, all real or all generated, joined
 * along their last axis (a point's coordinates, an image's channels). A generator that covers only
 * some modes makes packs that are visibly less varied than real ones, so D can punish mode collapse.
 */

/** `[n·m, ...shape]` → `[n, ...packedShape(shape, m)]`: consecutive rows form one pack. */
export function packBatch(x: tf.Tensor, m: number): tf.Tensor {
  if (m <= 1) return x;
  const [rows, ...rest] = x.shape;
  const n = rows! / m;
  if (rest.length <= 1) return tf.reshape(x, [n, m * (rest[0] ?? 1)]);
  // [n, m, ...rest] with m moved next to the last axis, then merged into it.
  const split = tf.reshape(x, [n, m, ...rest]);
  const perm = [0, ...rest.slice(0, -1).map((_, i) => i + 2), 1, rest.length + 1];
  return tf.reshape(tf.transpose(split, perm), [n, ...packedShape(rest, m)]);
}

/** Each sample packed with m - 1 copies of itself: how D sees one point on its own (heatmaps, curves). */
export function selfPack(x: tf.Tensor, m: number): tf.Tensor {
  if (m <= 1) return x;
  return tf.tile(
    x,
    x.shape.map((_, axis) => (axis === x.rank - 1 ? m : 1)),
  );
}

/** D's `[n, 1]` scores of n packs → `[n·m, 1]`: each sample gets the score of its pack. */
export function spreadPackScores(scores: tf.Tensor, m: number): tf.Tensor {
  if (m <= 1) return scores;
  return tf.reshape(tf.tile(tf.reshape(scores, [-1, 1]), [1, m]), [-1, 1]);
}
