import { toUnitRange, type ImageSet } from '../data/image-set';
import { isHeldOut, JUDGE_CLASSES, JUDGE_FEATURES, JUDGE_SHAPE, type Judge, type JudgeCard, type JudgeReading } from './judge';
import { classesCovered, classifierScore, featureStats, frechetDistance, labelAccuracy, type FeatureStats } from './statistics';

/** How good a set of images looks to a dataset's judge. */
export interface QualityFigures {
  /** Fréchet distance of the judge's features to the held-out real images' (lower is better, 0 at best). */
  fid: number;
  /** Classes the judge reads in at least 2 % of the samples (10 when nothing is missing). */
  classes: number;
  /** The classifier score, exp E[KL(p(y|x) ‖ p(y))]: 1 to 10, higher is better. */
  score: number;
  /** Conditional G only: how often the judge reads G(z, y) as y. */
  labelAccuracy?: number;
}

/** The figures at one iteration of a run. */
export interface QualityReading extends QualityFigures {
  iteration: number;
}

/** The images G is measured on by default (about 1,000, as the meter asks). */
export const QUALITY_SAMPLES = 1000;

export interface QualityMeter {
  card: JudgeCard;
  /**
   * Real images against real images: `samples` images of the judge's training split against the
   * held-out ones. What G's figures should approach (a reference line on every chart); the label
   * accuracy is the judge's on held-out images.
   */
  reference: QualityFigures;
  /** The figures for `count` generated images in [-1, 1]; `labels` are the classes a conditional G was asked for. */
  measure(images: Float32Array, count: number, labels?: ArrayLike<number>): Promise<QualityFigures>;
}

function pick(set: ImageSet, indices: number[]): Float32Array {
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, row) => out.set(toUnitRange(set.pixels.subarray(i * size, (i + 1) * size)), row * size));
  return out;
}

function figuresOf(reading: JudgeReading, real: FeatureStats, labels?: ArrayLike<number>): QualityFigures {
  const figures: QualityFigures = {
    fid: frechetDistance(featureStats(reading.features, JUDGE_FEATURES), real),
    classes: classesCovered(reading.probs, JUDGE_CLASSES),
    score: classifierScore(reading.probs, JUDGE_CLASSES),
  };
  if (labels) figures.labelAccuracy = labelAccuracy(reading.probs, JUDGE_CLASSES, labels);
  return figures;
}

/**
 * A meter for one labelled 28×28 grey image set: reads the held-out images once for the real
 * statistics and the real-vs-real reference, then measures generated images against them.
 * @throws Error when the set is not 28×28×1 with labels
 */
export async function createQualityMeter(judge: Judge, set: ImageSet, samples = QUALITY_SAMPLES): Promise<QualityMeter> {
  if (set.shape.join('x') !== JUDGE_SHAPE.join('x') || !set.labels)
    throw new Error(`the judge reads labelled ${JUDGE_SHAPE.join('×')} images, not ${set.shape.join('×')}`);
  const labels = set.labels;
  const heldOut: number[] = [];
  const training: number[] = [];
  for (let i = 0; i < set.count; i++) (isHeldOut(i) ? heldOut : training).push(i);
  const held = await judge.read(pick(set, heldOut), heldOut.length);
  const real = featureStats(held.features, JUDGE_FEATURES);
  // Evenly spread over the training split, so every class is in (the packed sets are by class).
  const n = Math.min(samples, training.length);
  const spread = Array.from({ length: n }, (_, k) => training[Math.floor((k * training.length) / n)]!);
  const reference = figuresOf(await judge.read(pick(set, spread), n), real);
  reference.labelAccuracy = labelAccuracy(
    held.probs,
    JUDGE_CLASSES,
    heldOut.map((i) => labels[i]!),
  );
  return {
    card: judge.card,
    reference,
    measure: async (images, count, asked) => figuresOf(await judge.read(images, count), real, asked),
  };
}
