import { createRng } from '../data/rng';
import type { GanProject } from '../project/schema';

/**
 * The latent-space explorer's geometry: which noise vectors (and labels) to feed G to walk from
 * one sample to another, to move along one direction, or to draw G's map of a grid of z. Pure:
 * the worker feeds the vectors to G (lib/train/session.ts `latent`), the panel draws the result.
 */

/** How to walk between two noise vectors. */
export type Interpolation = 'linear' | 'spherical';

/** `a + t (b - a)`. */
export function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  return a.map((v, i) => v + t * (b[i]! - v));
}

/**
 * Spherical interpolation (Shoemake; White 2016, "Sampling generative networks"): along the great
 * circle, so the path keeps the norm a Gaussian z usually has instead of passing near the origin,
 * where G has seldom been; falls back to linear when the two point the same way.
 */
export function slerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  const cos = Math.min(1, Math.max(-1, dot / (Math.sqrt(na * nb) || 1)));
  const omega = Math.acos(cos);
  if (Math.sin(omega) < 1e-6) return lerp(a, b, t);
  const wa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const wb = Math.sin(t * omega) / Math.sin(omega);
  return a.map((v, i) => wa * v + wb * b[i]!);
}

/** `steps` vectors from `a` to `b` inclusive, one after another in one array. */
export function interpolate(a: Float32Array, b: Float32Array, steps: number, mode: Interpolation): Float32Array {
  const out = new Float32Array(steps * a.length);
  const walk = mode === 'spherical' ? slerp : lerp;
  for (let s = 0; s < steps; s++) out.set(walk(a, b, steps === 1 ? 0 : s / (steps - 1)), s * a.length);
  return out;
}

/** Row `i` of `n`-wide rows. */
export const row = (rows: Float32Array, i: number, n: number): Float32Array => rows.slice(i * n, (i + 1) * n);

/**
 * `count` fixed random directions of unit length in z-space, orthogonal to each other
 * (Gram-Schmidt), the same for a project every time: the sliders' axes.
 */
export function directions(dim: number, count: number, seed: number): Float32Array[] {
  const rng = createRng(seed ^ 0xd1ec7);
  const out: Float32Array[] = [];
  while (out.length < Math.min(count, dim)) {
    const v = Float32Array.from({ length: dim }, () => rng.normal());
    for (const u of out) {
      const d = v.reduce((s, x, i) => s + x * u[i]!, 0);
      for (let i = 0; i < dim; i++) v[i]! -= d * u[i]!;
    }
    const norm = Math.hypot(...v);
    if (norm < 1e-6) continue;
    out.push(v.map((x) => x / norm));
  }
  return out;
}

/** `z` moved by `amounts[k]` along `directions[k]`. */
export function moveAlong(z: Float32Array, axes: readonly Float32Array[], amounts: readonly number[]): Float32Array {
  return z.map((v, i) => axes.reduce((s, axis, k) => s + (amounts[k] ?? 0) * axis[i]!, v));
}

/** One label row: class `from`'s one-hot mixed into class `to`'s by `t`. */
export function labelAt(from: number, to: number, classes: number, t: number): Float32Array {
  const out = new Float32Array(classes);
  out[from] = 1 - t;
  out[to] = (from === to ? 1 - t : 0) + t;
  return out;
}

/** One-hot label rows mixed from class `from` to class `to` in `steps` steps (a conditional G's label walk). */
export function labelWalk(from: number, to: number, classes: number, steps: number): Float32Array {
  const out = new Float32Array(steps * classes);
  for (let s = 0; s < steps; s++) out.set(labelAt(from, to, classes, steps === 1 ? 0 : s / (steps - 1)), s * classes);
  return out;
}

/** One-hot rows for classes 0..classes-1, one per row. */
export function everyClass(classes: number): Float32Array {
  const out = new Float32Array(classes * classes);
  for (let c = 0; c < classes; c++) out[c * classes + c] = 1;
  return out;
}

/** `z` repeated `n` times. */
export function repeat(z: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * z.length);
  for (let i = 0; i < n; i++) out.set(z, i * z.length);
  return out;
}

/**
 * Evenly spaced noise along one line through the origin of z-space (the first fixed direction;
 * with 1-D noise, z itself), over the noise's bulk: where G sends them shows how it stretches
 * and squeezes z onto 1-D data.
 */
export function lineNoise(project: Pick<GanProject, 'training'>, points = MANIFOLD_POINTS): Float32Array {
  const { dim, distribution } = project.training.noise;
  const span = distribution === 'normal' ? 2 : 1;
  const [u] = dim === 1 ? [Float32Array.of(1)] : directions(dim, 1, project.training.seed);
  const out = new Float32Array(points * dim);
  for (let p = 0; p < points; p++) {
    const a = -span + (2 * span * p) / (points - 1);
    for (let i = 0; i < dim; i++) out[p * dim + i] = a * u![i]!;
  }
  return out;
}

/** How many lines each way the manifold grid has, and points along each line. */
export const MANIFOLD_LINES = 11;
export const MANIFOLD_POINTS = 31;

/**
 * G's manifold as GAN Lab draws it: a square grid in a 2-D slice of z-space (the first two
 * directions of `directions(dim, 2, seed)`, through the origin; with 1-D noise a line), to be
 * mapped through G and drawn as warped lines over the data. The span covers the noise's bulk:
 * ±2 for a normal z, ±1 for a uniform one. Returns MANIFOLD_LINES horizontal lines, then as many
 * vertical ones, each MANIFOLD_POINTS vectors (with 1-D noise: one line).
 */
export function manifoldNoise(project: Pick<GanProject, 'training'>): { noise: Float32Array; lines: number; points: number } {
  const { dim, distribution } = project.training.noise;
  const span = distribution === 'normal' ? 2 : 1;
  const at = (k: number, n: number) => -span + (2 * span * k) / (n - 1);
  if (dim === 1) return { noise: lineNoise(project), lines: 1, points: MANIFOLD_POINTS };
  const [u, v] = directions(dim, 2, project.training.seed) as [Float32Array, Float32Array];
  const lines = MANIFOLD_LINES;
  const points = MANIFOLD_POINTS;
  const noise = new Float32Array(2 * lines * points * dim);
  let offset = 0;
  for (const across of [false, true]) {
    for (let l = 0; l < lines; l++) {
      for (let p = 0; p < points; p++) {
        const [a, b] = across ? [at(l, lines), at(p, points)] : [at(p, points), at(l, lines)];
        for (let i = 0; i < dim; i++) noise[offset + i] = a * u[i]! + b * v[i]!;
        offset += dim;
      }
    }
  }
  return { noise, lines: 2 * lines, points };
}
