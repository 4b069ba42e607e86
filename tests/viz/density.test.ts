import { describe, expect, it } from 'vitest';
import { gaussianKde, histogram, jsDivergence, linspace, optimalDiscriminator, silvermanBandwidth } from '@/lib/data/density';

/** Deterministic N(mean, std) samples: mulberry32 + Box–Muller. */
function normalSamples(n: number, mean: number, std: number, seed = 1): Float32Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - uniform();
    out[i] = mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}

const gaussianPdf = (xs: Float32Array, mean: number, std: number) =>
  xs.map((x) => Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI)));

/** Trapezoid rule on an evenly spaced grid. */
function integrate(ys: ArrayLike<number>, dx: number): number {
  let sum = 0;
  for (let i = 1; i < ys.length; i++) sum += 0.5 * (ys[i - 1]! + ys[i]!) * dx;
  return sum;
}

describe('histogram', () => {
  it('is a density: bar areas sum to 1 when every sample is inside the extent', () => {
    const samples = normalSamples(5000, 0, 1);
    const bins = 40;
    const h = histogram(samples, [-10, 10], bins);
    const area = h.reduce((a, v) => a + v * (20 / bins), 0);
    expect(area).toBeCloseTo(1, 5);
  });

  it('counts exact values in the right bins, right edge inclusive, outside samples in n only', () => {
    const h = histogram([0, 0.5, 1, 2, -1], [0, 1], 2);
    // n = 5, width = 0.5: bin 0 holds {0}, bin 1 holds {0.5, 1}.
    expect(Array.from(h)).toEqual([1 / 2.5, 2 / 2.5].map((v) => Math.fround(v)));
  });
});

describe('gaussianKde', () => {
  it('integrates to ~1', () => {
    const samples = normalSamples(2000, 1, 0.7);
    const xs = linspace(-6, 8, 1401);
    expect(integrate(gaussianKde(samples, xs), 0.01)).toBeCloseTo(1, 3);
  });

  it('of one sample with bandwidth h is the N(sample, h²) density', () => {
    const xs = linspace(-3, 3, 61);
    const kde = gaussianKde([0.5], xs, 0.8);
    const exact = gaussianPdf(xs, 0.5, 0.8);
    kde.forEach((v, i) => expect(v).toBeCloseTo(exact[i]!, 6));
  });

  it('approaches the true density for many samples with Silverman’s bandwidth', () => {
    const samples = normalSamples(20000, 0, 1, 7);
    const xs = linspace(-3, 3, 31);
    const kde = gaussianKde(samples, xs);
    const exact = gaussianPdf(xs, 0, 1);
    kde.forEach((v, i) => expect(Math.abs(v - exact[i]!)).toBeLessThan(0.02));
  });

  it('stays finite when the generator collapses to one point', () => {
    const kde = gaussianKde(new Float32Array(100).fill(2), linspace(0, 4, 41));
    expect(kde.every(Number.isFinite)).toBe(true);
    expect(Math.max(...kde)).toBeGreaterThan(1);
  });
});

describe('silvermanBandwidth', () => {
  it('is 0.9 σ n^(-1/5) for normal samples (σ below IQR/1.34 up to noise)', () => {
    const samples = normalSamples(10000, 3, 2, 3);
    expect(silvermanBandwidth(samples)).toBeCloseTo(0.9 * 2 * 10000 ** -0.2, 1);
  });

  it('is 0 for fewer than two samples', () => {
    expect(silvermanBandwidth([])).toBe(0);
    expect(silvermanBandwidth([1])).toBe(0);
  });
});

describe('optimalDiscriminator', () => {
  const xs = linspace(-3, 5, 81);

  it('is 1/2 everywhere for two identical Gaussians', () => {
    const p = gaussianPdf(xs, 1, 1);
    optimalDiscriminator(p, p.slice()).forEach((v) => expect(v).toBeCloseTo(0.5, 6));
  });

  it('is 1/2 where both densities vanish (0/0)', () => {
    expect(Array.from(optimalDiscriminator(new Float32Array(3), new Float32Array(3)))).toEqual([0.5, 0.5, 0.5]);
  });

  it('of N(0,1) vs N(2,1) equals the logistic 1 / (1 + e^(2x − 2))', () => {
    const dStar = optimalDiscriminator(gaussianPdf(xs, 0, 1), gaussianPdf(xs, 2, 1));
    xs.forEach((x, i) => expect(dStar[i]!).toBeCloseTo(1 / (1 + Math.exp(2 * x - 2)), 5));
  });
});

describe('jsDivergence', () => {
  const dx = 0.01;
  const xs = linspace(-10, 10, 2001);

  it('is 0 for identical densities', () => {
    const p = gaussianPdf(xs, 0, 1);
    expect(jsDivergence(p, p, dx)).toBeCloseTo(0, 10);
  });

  it('is ln 2 for disjoint densities', () => {
    expect(jsDivergence(gaussianPdf(xs, -5, 0.5), gaussianPdf(xs, 5, 0.5), dx)).toBeCloseTo(Math.LN2, 6);
  });

  it('is ½ ln 2 for two uniform densities that overlap by half', () => {
    // U[0, 2) and U[1, 3) on cells of width dx: each half is disjoint, the middle equal.
    const p = new Float32Array(400).map((_, i) => (i < 200 ? 0.5 : 0));
    const q = new Float32Array(400).map((_, i) => (i >= 100 && i < 300 ? 0.5 : 0));
    expect(jsDivergence(p, q, dx)).toBeCloseTo(0.5 * Math.LN2, 6);
  });
});

describe('jsDivergence with mass outside the window', () => {
  const dx = 0.01;
  const xs = linspace(-3, 3, 601);

  it('is ln 2 when one density lies entirely outside the grid (a generator off the picture)', () => {
    const data = gaussianPdf(xs, 0, 0.5);
    const offGrid = gaussianPdf(xs, 40, 0.5); // all zeros on [-3, 3]
    expect(jsDivergence(data, offGrid, dx)).toBeCloseTo(Math.LN2, 6);
  });

  it('counts the part of a density beyond the grid as disjoint from a density inside it', () => {
    // Data N(0, 0.3) well inside; the generator N(3, 0.3) half outside [-3, 3]: still disjoint.
    expect(jsDivergence(gaussianPdf(xs, 0, 0.3), gaussianPdf(xs, 3, 0.3), dx)).toBeCloseTo(Math.LN2, 4);
  });

  it('agrees with the renormalising estimate when both densities sit inside the window', () => {
    const p = gaussianPdf(xs, 0, 0.5);
    const q = gaussianPdf(xs, 0.5, 0.5);
    expect(jsDivergence(p, q, dx)).toBeCloseTo(jsDivergence(p, q, dx, { unit: false }), 6);
  });
});
