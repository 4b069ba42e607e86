import { describe, expect, it } from 'vitest';
import { createRng } from '@/lib/data/rng';
import { alignReadings, readingsUpTo, withReading } from '@/lib/quality/history';
import { classesCovered, classifierScore, featureStats, frechetDistance, labelAccuracy, type FeatureStats } from '@/lib/quality/statistics';

/** `count` vectors of `dim` standard normal values. */
function gaussian(count: number, dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count * dim }, () => rng.normal());
}

const stats = (mean: number[], cov: number[][]): FeatureStats => ({
  dim: mean.length,
  count: 1000,
  mean: Float64Array.from(mean),
  cov: Float64Array.from(cov.flat()),
});

/** Rows of `count` one-hot probability vectors, row i sure of class classOf(i). */
function oneHot(count: number, classes: number, classOf: (i: number) => number): Float32Array {
  const p = new Float32Array(count * classes);
  for (let i = 0; i < count; i++) p[i * classes + classOf(i)] = 1;
  return p;
}

describe('feature statistics', () => {
  it('gives the mean and the unbiased covariance', () => {
    const s = featureStats([1, 2, 3, 6, 5, 10], 2);
    expect(Array.from(s.mean)).toEqual([3, 6]);
    expect(Array.from(s.cov)).toEqual([4, 8, 8, 16]);
    expect(() => featureStats([1, 2], 2)).toThrow(/at least two vectors/);
  });
});

describe('Fréchet distance', () => {
  it('is 0 between a set and itself', () => {
    const a = featureStats(gaussian(500, 8, 1), 8);
    expect(frechetDistance(a, a)).toBeLessThan(1e-8);
  });

  it('is the squared shift between a set and its shifted copy (same covariance)', () => {
    const values = gaussian(400, 6, 2);
    const shift = [1, -2, 0.5, 0, 3, -1];
    const shifted = values.map((v, i) => v + shift[i % 6]!);
    const expected = shift.reduce((s, v) => s + v * v, 0);
    expect(frechetDistance(featureStats(values, 6), featureStats(shifted, 6))).toBeCloseTo(expected, 6);
  });

  it('matches the closed form for diagonal covariances: ‖Δμ‖² + Σ(√a − √b)²', () => {
    const a = stats(
      [0, 1, 2],
      [
        [4, 0, 0],
        [0, 1, 0],
        [0, 0, 9],
      ],
    );
    const b = stats(
      [1, 1, 0],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 16],
      ],
    );
    expect(frechetDistance(a, b)).toBeCloseTo(1 + 4 + (2 - 1) ** 2 + 0 + (3 - 4) ** 2, 9);
  });

  it('matches the closed form for covariances that do not commute', () => {
    // tr((Σ₁Σ₂)^½) for 2×2: √(tr M + 2√det M) with M = Σ₁Σ₂ = [[2, 4], [1, 8]].
    const a = stats(
      [0, 0],
      [
        [2, 1],
        [1, 2],
      ],
    );
    const b = stats(
      [0, 0],
      [
        [1, 0],
        [0, 4],
      ],
    );
    const cross = Math.sqrt(10 + 2 * Math.sqrt(12));
    expect(frechetDistance(a, b)).toBeCloseTo(4 + 5 - 2 * cross, 9);
    expect(frechetDistance(b, a)).toBeCloseTo(4 + 5 - 2 * cross, 9);
  });

  it('refuses sets of different dimensions', () => {
    expect(() =>
      frechetDistance(
        stats([0], [[1]]),
        stats(
          [0, 0],
          [
            [1, 0],
            [0, 1],
          ],
        ),
      ),
    ).toThrow(/dimension/);
  });
});

describe('classifier score, classes covered, label accuracy', () => {
  it('scores a sure, uniform set of ten classes 10 and a constant prediction 1', () => {
    expect(
      classifierScore(
        oneHot(1000, 10, (i) => i % 10),
        10,
      ),
    ).toBeCloseTo(10, 9);
    expect(
      classifierScore(
        oneHot(1000, 10, () => 3),
        10,
      ),
    ).toBeCloseTo(1, 9);
    const unsure = new Float32Array(1000 * 10).fill(0.1);
    expect(classifierScore(unsure, 10)).toBeCloseTo(1, 5);
    // Two classes, sure and balanced: 2.
    expect(
      classifierScore(
        oneHot(1000, 10, (i) => i % 2),
        10,
      ),
    ).toBeCloseTo(2, 9);
  });

  it('counts the classes that get at least 2 % of the samples', () => {
    expect(
      classesCovered(
        oneHot(1000, 10, (i) => i % 10),
        10,
      ),
    ).toBe(10);
    expect(
      classesCovered(
        oneHot(1000, 10, () => 7),
        10,
      ),
    ).toBe(1);
    // Class 9 only 10 times in 1,000 (1 %): not covered.
    expect(
      classesCovered(
        oneHot(1000, 10, (i) => (i < 10 ? 9 : i % 9)),
        10,
      ),
    ).toBe(9);
  });

  it('reads how often the class asked for is the class read', () => {
    const probs = oneHot(10, 10, (i) => (i < 7 ? i : 0));
    expect(
      labelAccuracy(
        probs,
        10,
        Array.from({ length: 10 }, (_, i) => i),
      ),
    ).toBeCloseTo(0.7, 9);
  });
});

describe('quality histories', () => {
  const reading = (iteration: number, fid: number) => ({ iteration, fid, classes: 10, score: 5 });
  const reference = { fid: 1, classes: 10, score: 9 };

  it('grow by new objects, go back with a diverged run, and align two runs by iteration', () => {
    const one = withReading(null, { reading: reading(10, 300), reference, judgeAccuracy: 0.97 });
    const two = withReading(one, { reading: reading(20, 200), reference, judgeAccuracy: 0.97 });
    expect(one.readings).toHaveLength(1);
    expect(two.readings.map((r) => r.iteration)).toEqual([10, 20]);
    expect(readingsUpTo(two, 15)?.readings.map((r) => r.iteration)).toEqual([10]);
    expect(readingsUpTo(null, 15)).toBeNull();
    expect(alignReadings(two.readings, [reading(15, 250), reading(20, 180)], 'fid')).toEqual([
      [10, 15, 20],
      [300, null, 200],
      [null, 250, 180],
    ]);
  });
});
