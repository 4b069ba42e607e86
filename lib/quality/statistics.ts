import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** The mean and covariance of a set of feature vectors: what the Fréchet distance compares. */
export interface FeatureStats {
  /** Dimensions per vector. */
  dim: number;
  /** How many vectors the statistics come from. */
  count: number;
  mean: Float64Array;
  /** dim × dim, row-major; the unbiased estimate (divides by count − 1). */
  cov: Float64Array;
}

/**
 * Mean and covariance of `count` vectors of `dim` values each, stored row after row.
 * @throws Error when there are fewer than two vectors or the array's length does not fit
 */
export function featureStats(values: ArrayLike<number>, dim: number): FeatureStats {
  const count = values.length / dim;
  if (!Number.isInteger(count) || count < 2) throw new Error(`need at least two vectors of ${dim} values, got ${values.length} values`);
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) mean[j]! += values[i * dim + j]!;
  for (let j = 0; j < dim; j++) mean[j]! /= count;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j++) centred[j] = values[i * dim + j]! - mean[j]!;
    for (let a = 0; a < dim; a++) {
      const ca = centred[a]!;
      if (ca === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b]! += ca * centred[b]!;
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const v = cov[a * dim + b]! / (count - 1);
      cov[a * dim + b] = v;
      cov[b * dim + a] = v;
    }
  }
  return { dim, count, mean, cov };
}

const asMatrix = (cov: Float64Array, dim: number) =>
  new Matrix(Array.from({ length: dim }, (_, r) => Array.from(cov.subarray(r * dim, (r + 1) * dim))));

/** Eigenvalues and eigenvectors of a symmetric matrix, negative eigenvalues (rounding) set to 0. */
function symmetricEigen(m: Matrix): { values: number[]; vectors: Matrix } {
  const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  return { values: e.realEigenvalues.map((v) => Math.max(0, v)), vectors: e.eigenvectorMatrix };
}

/** The symmetric square root of a covariance matrix. */
function sqrtm(m: Matrix): Matrix {
  const { values, vectors } = symmetricEigen(m);
  const scaled = vectors.clone();
  for (let c = 0; c < values.length; c++) {
    const s = Math.sqrt(values[c]!);
    for (let r = 0; r < scaled.rows; r++) scaled.set(r, c, scaled.get(r, c) * s);
  }
  return scaled.mmul(vectors.transpose());
}

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (Heusel et al. 2017, "FID"):
 * ‖μ₁ − μ₂‖² + tr(Σ₁) + tr(Σ₂) − 2 tr((Σ₁Σ₂)^½). tr((Σ₁Σ₂)^½) is taken as the sum of the square
 * roots of the eigenvalues of Σ₁^½ Σ₂ Σ₁^½, which is symmetric, so no complex parts arise.
 * @throws Error when the two sets have different dimensions
 */
export function frechetDistance(a: FeatureStats, b: FeatureStats): number {
  if (a.dim !== b.dim) throw new Error(`feature sets differ in dimension: ${a.dim} and ${b.dim}`);
  const { dim } = a;
  let meanTerm = 0;
  let traces = 0;
  for (let j = 0; j < dim; j++) {
    meanTerm += (a.mean[j]! - b.mean[j]!) ** 2;
    traces += a.cov[j * dim + j]! + b.cov[j * dim + j]!;
  }
  const rootA = sqrtm(asMatrix(a.cov, dim));
  const middle = rootA.mmul(asMatrix(b.cov, dim)).mmul(rootA);
  // Symmetrise away rounding before the symmetric solver.
  const symmetric = middle.add(middle.transpose()).mul(0.5);
  const cross = symmetricEigen(symmetric).values.reduce((sum, v) => sum + Math.sqrt(v), 0);
  return Math.max(0, meanTerm + traces - 2 * cross);
}

/** Each row's most likely class, for `count` rows of `classes` probabilities. */
export function predictedClasses(probs: ArrayLike<number>, classes: number): Uint8Array {
  const count = probs.length / classes;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
    out[i] = best;
  }
  return out;
}

/**
 * How many classes the classifier reads in at least `share` of the samples (2 % by default): with
 * ten classes, 10 for a generator that covers them all, 1 for one that collapsed onto one.
 */
export function classesCovered(probs: ArrayLike<number>, classes: number, share = 0.02): number {
  const predicted = predictedClasses(probs, classes);
  const counts = new Array<number>(classes).fill(0);
  for (const k of predicted) counts[k]!++;
  return counts.filter((c) => c >= share * predicted.length).length;
}

/**
 * The classifier score (the Inception Score of Salimans et al. 2016 with a dataset's own
 * classifier): exp of the mean KL divergence between each sample's class distribution p(y|x) and
 * the marginal p(y). 1 when every sample looks alike, at most the number of classes when each
 * sample is one sure class and the classes are used equally.
 */
export function classifierScore(probs: ArrayLike<number>, classes: number): number {
  const count = probs.length / classes;
  const marginal = new Float64Array(classes);
  for (let i = 0; i < count; i++) for (let k = 0; k < classes; k++) marginal[k]! += probs[i * classes + k]! / count;
  let kl = 0;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < classes; k++) {
      const p = probs[i * classes + k]!;
      if (p > 0) kl += p * (Math.log(p) - Math.log(marginal[k]!));
    }
  }
  return Math.exp(kl / count);
}

/** How often the classifier reads sample i as `labels[i]` (a conditional G asked for that class). */
export function labelAccuracy(probs: ArrayLike<number>, classes: number, labels: ArrayLike<number>): number {
  const predicted = predictedClasses(probs, classes);
  let right = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) right++;
  return predicted.length ? right / predicted.length : 0;
}
