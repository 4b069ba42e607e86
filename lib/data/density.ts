/**
 * One-dimensional density estimates and the quantities of Goodfellow et al. (2014) built on them:
 * the optimal discriminator D* = p_data / (p_data + p_g) and the Jensen–Shannon divergence that
 * the minimax game minimises at D*. Pure functions over typed arrays; no React, no tensors.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Keeps 0/0 in `optimalDiscriminator` at 1/2 (neither density says anything there). */
const D_STAR_EPSILON = 1e-12;

/**
 * Histogram of `samples` over `extent`, normalised as a density: each bin holds
 * count / (n × binWidth), so the bars' total area is the fraction of samples inside the extent.
 * Samples outside the extent are counted in n but fall in no bin; the right edge is inclusive.
 */
export function histogram(samples: ArrayLike<number>, extent: [number, number], bins: number): Float32Array {
  const out = new Float32Array(Math.max(0, Math.floor(bins)));
  const [lo, hi] = extent;
  const n = samples.length;
  if (out.length === 0 || n === 0 || !(hi > lo)) return out;
  const width = (hi - lo) / out.length;
  for (let i = 0; i < n; i++) {
    const v = samples[i]!;
    if (!(v >= lo && v <= hi)) continue;
    out[Math.min(out.length - 1, Math.floor((v - lo) / width))]! += 1;
  }
  const scale = 1 / (n * width);
  for (let b = 0; b < out.length; b++) out[b]! *= scale;
  return out;
}

/**
 * Silverman's rule-of-thumb bandwidth, 0.9 · min(σ, IQR / 1.34) · n^(-1/5). Falls back to σ when
 * the IQR is zero, and returns 0 for fewer than two samples or samples that are all equal.
 */
export function silvermanBandwidth(samples: ArrayLike<number>): number {
  const n = samples.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += samples[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (samples[i]! - mean) ** 2;
  const std = Math.sqrt(ss / (n - 1));
  const sorted = Float64Array.from(samples as ArrayLike<number>).sort();
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(std, iqr / 1.34) : std;
  return 0.9 * spread * n ** -0.2;
}

/**
 * Gaussian kernel density estimate of `samples` evaluated at `xs`. The bandwidth defaults to
 * Silverman's rule; a zero bandwidth (a single sample, or a collapsed generator) is widened to a
 * hundredth of the samples' magnitude so the curve stays finite: a spike, as it should look.
 */
export function gaussianKde(samples: ArrayLike<number>, xs: ArrayLike<number>, bandwidth?: number): Float32Array {
  const out = new Float32Array(xs.length);
  const n = samples.length;
  if (n === 0) return out;
  let h = bandwidth ?? silvermanBandwidth(samples);
  if (!(h > 0) || !Number.isFinite(h)) h = 0.01 * Math.max(1, Math.abs(samples[0]!));
  // Kernels beyond 8h add less than 1e-14 of a peak: skip them via a sorted sweep.
  const sorted = Float64Array.from(samples as ArrayLike<number>).sort();
  const reach = 8 * h;
  const norm = 1 / (n * h * SQRT_2PI);
  let start = 0;
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j]!;
    while (start < n && sorted[start]! < x - reach) start++;
    let sum = 0;
    for (let i = start; i < n && sorted[i]! <= x + reach; i++) {
      const u = (x - sorted[i]!) / h;
      sum += Math.exp(-0.5 * u * u);
    }
    out[j] = sum * norm;
  }
  return out;
}

/**
 * The optimal discriminator for a fixed generator, D*(x) = p_data(x) / (p_data(x) + p_g(x))
 * (Goodfellow et al. 2014, Proposition 1), pointwise. Where both densities vanish it is 1/2.
 */
export function optimalDiscriminator(pData: Float32Array, pG: Float32Array): Float32Array {
  const n = Math.min(pData.length, pG.length);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.max(0, pData[i]!);
    const q = Math.max(0, pG[i]!);
    out[i] = (p + D_STAR_EPSILON) / (p + q + 2 * D_STAR_EPSILON);
  }
  return out;
}

/**
 * Jensen–Shannon divergence, in nats, of two densities sampled on the same evenly spaced grid of
 * step `dx`, in [0, ln 2]: 0 for equal densities, ln 2 for disjoint supports. At D* the minimax
 * value function equals 2·JS − 2 ln 2.
 *
 * Mass the grid misses is not dropped: a density whose mass on the grid is below 1 has the rest
 * counted in one shared "outside the window" cell, so a generator whose samples all fall outside
 * the picture scores ln 2 (it is as far from the data as can be), not 0. Pass `unit: false` for
 * densities that are not normalised over the real line (estimates known only on the grid): each
 * is then renormalised to unit mass on the grid.
 */
export function jsDivergence(p: ArrayLike<number>, q: ArrayLike<number>, dx: number, { unit = true }: { unit?: boolean } = {}): number {
  const n = Math.min(p.length, q.length);
  let massP = 0;
  let massQ = 0;
  for (let i = 0; i < n; i++) {
    massP += Math.max(0, p[i]!) * dx;
    massQ += Math.max(0, q[i]!) * dx;
  }
  // The grid's sums can exceed 1 slightly (Riemann error): never let that become negative mass outside.
  const normP = unit ? Math.max(massP, 1) : massP;
  const normQ = unit ? Math.max(massQ, 1) : massQ;
  if (!(normP > 0) || !(normQ > 0)) return 0;
  const term = (a: number, b: number) => {
    const m = 0.5 * (a + b);
    return (a > 0 ? 0.5 * a * Math.log(a / m) : 0) + (b > 0 ? 0.5 * b * Math.log(b / m) : 0);
  };
  let js = 0;
  for (let i = 0; i < n; i++) js += term(Math.max(0, p[i]!) / normP, Math.max(0, q[i]!) / normQ) * dx;
  js += term(1 - massP / normP, 1 - massQ / normQ);
  return Math.min(Math.LN2, Math.max(0, js));
}

/** `n` evenly spaced points from `lo` to `hi` inclusive. */
export function linspace(lo: number, hi: number, n: number): Float32Array {
  const out = new Float32Array(n);
  const step = n > 1 ? (hi - lo) / (n - 1) : 0;
  for (let i = 0; i < n; i++) out[i] = lo + i * step;
  return out;
}

/** Linear-interpolated quantile of ascending-sorted values. */
function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  const a = sorted[i]!;
  return i + 1 < sorted.length ? a + frac * (sorted[i + 1]! - a) : a;
}
