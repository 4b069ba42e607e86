import { describe, expect, it } from 'vitest';
import { DATASET_DEFAULTS } from '@/lib/data/catalog';
import { createRng } from '@/lib/data/rng';
import { gaussian1dDensity, isSyntheticRef, sampleSynthetic, syntheticModes, syntheticStd } from '@/lib/data/synthetic';

const ring = DATASET_DEFAULTS['ring-8'];
const grid = DATASET_DEFAULTS['grid-25'];
const gauss = DATASET_DEFAULTS['gaussian-1d'];

/** Index of the nearest mode of each 2-D sample. */
function assign(samples: Float32Array, modes: number[][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples.length; i += 2) {
    const d = modes.map(([mx, my]) => (samples[i]! - mx!) ** 2 + (samples[i + 1]! - my!) ** 2);
    out.push(d.indexOf(Math.min(...d)));
  }
  return out;
}

describe('synthetic modes', () => {
  it('places ring-8 on a circle at angles 2πi/8', () => {
    const modes = syntheticModes({ id: 'ring-8', options: { radius: 2, std: 0.02 } });
    expect(modes).toHaveLength(8);
    expect(modes[0]![0]).toBeCloseTo(2);
    expect(modes[0]![1]).toBeCloseTo(0);
    expect(modes[2]![0]).toBeCloseTo(0);
    expect(modes[2]![1]).toBeCloseTo(2);
    expect(modes[1]![0]).toBeCloseTo(Math.SQRT2);
    for (const [x, y] of modes) expect(Math.hypot(x!, y!)).toBeCloseTo(2);
  });

  it('places grid-25 at {-4,-2,0,2,4}² with the default spacing', () => {
    const modes = syntheticModes(grid);
    expect(modes).toHaveLength(25);
    const axis = [-4, -2, 0, 2, 4];
    expect(modes).toEqual(axis.flatMap((x) => axis.map((y) => [x, y])));
  });

  it('gives gaussian-1d one mode at its mean, and each set its std', () => {
    expect(syntheticModes(gauss)).toEqual([[4]]);
    expect(syntheticStd(gauss)).toBe(0.5);
    expect(syntheticStd(ring)).toBe(0.01);
    expect(isSyntheticRef(gauss)).toBe(true);
    expect(isSyntheticRef(DATASET_DEFAULTS.mnist)).toBe(false);
  });
});

describe('sampleSynthetic', () => {
  it('matches the 1-D Gaussian mean and std', () => {
    const xs = sampleSynthetic(gauss, 50_000, createRng(1));
    expect(xs).toHaveLength(50_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(4, 1);
    expect(std).toBeCloseTo(0.5, 1);
    expect(Math.abs(mean - 4)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.01);
  });

  it.each([
    ['ring-8', ring],
    ['grid-25', grid],
  ] as const)('spreads %s samples uniformly over the modes with the given std', (_, ref) => {
    const modes = syntheticModes(ref);
    const n = 40_000;
    const samples = sampleSynthetic(ref, n, createRng(7));
    expect(samples).toHaveLength(2 * n);
    const counts = new Array(modes.length).fill(0);
    let sq = 0;
    assign(samples, modes).forEach((m, i) => {
      counts[m]++;
      sq += (samples[2 * i]! - modes[m]![0]!) ** 2 + (samples[2 * i + 1]! - modes[m]![1]!) ** 2;
    });
    const expected = n / modes.length;
    // 5 binomial standard deviations.
    for (const c of counts) expect(Math.abs(c - expected)).toBeLessThan(5 * Math.sqrt(expected));
    // Per-axis std from the residuals around the assigned mode.
    expect(Math.sqrt(sq / (2 * n)) / ref.options.std).toBeCloseTo(1, 1);
  });

  it('is deterministic for a seed', () => {
    expect(sampleSynthetic(ring, 100, createRng(5))).toEqual(sampleSynthetic(ring, 100, createRng(5)));
    expect(sampleSynthetic(ring, 100, createRng(5))).not.toEqual(sampleSynthetic(ring, 100, createRng(6)));
  });
});

describe('gaussian1dDensity', () => {
  it('is the normal pdf and integrates to 1', () => {
    const ref = { id: 'gaussian-1d', options: { mean: 1, std: 2 } } as const;
    const step = 0.01;
    const xs = Float32Array.from({ length: 4001 }, (_, i) => -19 + i * step);
    const pdf = gaussian1dDensity(ref, xs);
    expect(pdf[2000]).toBeCloseTo(1 / (2 * Math.sqrt(2 * Math.PI)), 6);
    expect(gaussian1dDensity(ref, Float32Array.of(3))[0]).toBeCloseTo(Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), 6);
    expect(pdf.reduce((a, b) => a + b, 0) * step).toBeCloseTo(1, 3);
  });
});
