import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ImageSet } from '@/lib/data/image-set';
import { presetProject, type PresetId } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import {
  directions,
  everyClass,
  interpolate,
  labelWalk,
  lerp,
  lineNoise,
  manifoldNoise,
  MANIFOLD_LINES,
  MANIFOLD_POINTS,
  moveAlong,
  row,
  slerp,
} from '@/lib/train/latent';
import { createSession } from '@/lib/train/session';
import { gridCount, gridNoise } from '@/lib/train/visuals';

const norm = (v: Float32Array) => Math.hypot(...v);

describe('latent geometry', () => {
  const a = Float32Array.of(3, 0, 0, 0);
  const b = Float32Array.of(0, 3, 0, 0);

  it('walks from A to B: both ends exact, linear through the midpoint, spherical along the great circle', () => {
    const lin = interpolate(a, b, 5, 'linear');
    const sph = interpolate(a, b, 5, 'spherical');
    for (const path of [lin, sph]) {
      expect(Array.from(row(path, 0, 4))).toEqual(Array.from(a));
      expect(row(path, 4, 4)[1]).toBeCloseTo(3, 6);
    }
    expect(Array.from(lerp(a, b, 0.5))).toEqual([1.5, 1.5, 0, 0]);
    // Spherical keeps the norm of two equally long vectors; linear cuts the corner (3/√2 at the middle).
    for (let s = 0; s < 5; s++) expect(norm(row(sph, s, 4))).toBeCloseTo(3, 5);
    expect(norm(row(lin, 2, 4))).toBeCloseTo(3 / Math.SQRT2, 5);
    // Parallel vectors: slerp falls back to lerp instead of dividing by zero.
    expect(Array.from(slerp(a, a, 0.3))).toEqual(Array.from(a));
  });

  it('gives fixed orthonormal directions, the same every time for a seed', () => {
    const axes = directions(16, 3, 42);
    for (const [i, u] of axes.entries()) {
      expect(norm(u)).toBeCloseTo(1, 5);
      for (const v of axes.slice(i + 1)) expect(u.reduce((s, x, k) => s + x * v[k]!, 0)).toBeCloseTo(0, 5);
    }
    expect(directions(16, 3, 42)).toEqual(axes);
    expect(directions(16, 3, 7)[0]).not.toEqual(axes[0]);
    expect(directions(1, 3, 42)).toHaveLength(1);
    const moved = moveAlong(new Float32Array(16), axes, [2, 0, 0]);
    expect(norm(moved)).toBeCloseTo(2, 5);
  });

  it('mixes label rows from one class to another, each row summing to 1', () => {
    const walk = labelWalk(2, 7, 10, 5);
    expect(Array.from(row(walk, 0, 10))).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(row(walk, 2, 10)[2]).toBeCloseTo(0.5);
    expect(row(walk, 2, 10)[7]).toBeCloseTo(0.5);
    for (let s = 0; s < 5; s++) expect(row(walk, s, 10).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(Array.from(row(labelWalk(3, 3, 4, 3), 1, 4))).toEqual([0, 0, 0, 1]);
    expect(Array.from(row(everyClass(3), 1, 3))).toEqual([0, 1, 0]);
  });

  it('lays the manifold grid over the noise’s bulk: a square of lines in a 2-D slice, or one line for 1-D noise', () => {
    const ring = presetProject('gan-2d-ring');
    const grid = manifoldNoise(ring);
    expect(grid.lines).toBe(2 * MANIFOLD_LINES);
    expect(grid.noise).toHaveLength(grid.lines * grid.points * ring.training.noise.dim);
    // Its corners sit at (±2, ±2) in the slice: norm 2√2 for a normal z.
    expect(norm(row(grid.noise, 0, ring.training.noise.dim))).toBeCloseTo(2 * Math.SQRT2, 4);
    const gauss = presetProject('gan-1d-gaussian');
    expect(manifoldNoise(gauss).lines).toBe(1);
    const line = lineNoise(gauss);
    expect(line).toHaveLength(MANIFOLD_POINTS);
    expect([line[0], line.at(-1)]).toEqual([-1, 1]);
  });
});

/** A small MNIST-shaped set: random pixels and labels, no file needed. */
function fakeImages(count = 64): ImageSet {
  const pixels = Uint8Array.from({ length: count * 784 }, (_, i) => (i * 2654435761) % 251);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { shape: [28, 28, 1], count, pixels, labels, numClasses: 10 };
}

function small(id: PresetId): GanProject {
  const p = presetProject(id);
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes)
      if (n.kind === 'dense' && (n.params.units as number) > 32 && (n.params.units as number) !== 784) n.params.units = 16;
  p.training.batchSize = 8;
  return p;
}

describe('the worker’s latent requests', () => {
  it('draws the grid sample the page names: G on gridNoise row k is sample k of the grid, and tensors stay flat', async () => {
    const project = small('mlp-gan-mnist');
    const session = await createSession({ project, backend: 'cpu', loadImages: async () => fakeImages() });
    await session.step('both');
    const visual = await session.visual();
    if (visual.kind !== 'images') throw new Error('expected images');
    const dim = project.training.noise.dim;
    const grid = gridNoise(project);
    expect(grid).toHaveLength(gridCount(project) * dim);
    await session.latent({ noise: row(grid, 5, dim), count: 1 });
    const before = tf.memory().numTensors;
    const got = await session.latent({ noise: row(grid, 5, dim), count: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(got.shape).toEqual([1, 28, 28, 1]);
    const want = visual.frame.images.subarray(5 * 784, 6 * 784);
    let diff = 0;
    for (let i = 0; i < 784; i++) diff = Math.max(diff, Math.abs(got.data[i]! - want[i]!));
    expect(diff).toBeLessThan(1e-5);
    // A walk's ends are the picked samples themselves.
    const walk = await session.latent({ noise: interpolate(row(grid, 5, dim), row(grid, 9, dim), 4, 'spherical'), count: 4 });
    expect(Math.abs(walk.data[0]! - want[0]!)).toBeLessThan(1e-5);
    await expect(session.latent({ noise: new Float32Array(3), count: 1 })).rejects.toThrow(/noise does not match/);
    session.dispose();
  });

  it('a conditional G draws the same z as every class, from label rows', async () => {
    const project = small('cgan-mnist');
    const session = await createSession({ project, backend: 'cpu', loadImages: async () => fakeImages() });
    await session.step('both');
    const dim = project.training.noise.dim;
    const z = row(gridNoise(project), 0, dim);
    const zs = new Float32Array(10 * dim);
    for (let c = 0; c < 10; c++) zs.set(z, c * dim);
    const classes = await session.latent({ noise: zs, count: 10, labels: everyClass(10) });
    expect(classes.shape).toEqual([10, 28, 28, 1]);
    // Different labels, different pictures from the same z.
    expect(classes.data.subarray(0, 784)).not.toEqual(classes.data.subarray(784, 2 * 784));
    session.dispose();
  });

  it('the 2-D view carries G’s warped grid and the 1-D view where evenly spaced z land', async () => {
    const ring = small('gan-2d-ring');
    const s2 = await createSession({ project: ring, backend: 'cpu', loadImages: async () => fakeImages() });
    const v2 = await s2.visual();
    if (v2.kind !== 'scatter') throw new Error('expected a scatter');
    expect(v2.data.manifold?.xy).toHaveLength(2 * MANIFOLD_LINES * MANIFOLD_POINTS * 2);
    s2.dispose();
    const gauss = presetProject('gan-1d-gaussian');
    const s1 = await createSession({ project: gauss, backend: 'cpu', loadImages: async () => fakeImages() });
    const v1 = await s1.visual();
    if (v1.kind !== 'density') throw new Error('expected a density');
    expect(v1.data.mapped).toHaveLength(MANIFOLD_POINTS);
    s1.dispose();
  });
});
