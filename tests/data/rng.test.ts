import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '@/lib/data/rng';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => [rng.next(), rng.normal(), rng.int(10)]);
};

describe('createRng', () => {
  it('replays the same stream for the same seed and differs across seeds', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('draws uniforms in [0, 1) with the right moments', () => {
    const rng = createRng(1);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sq += u * u;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('draws standard normals (Box–Muller with the spare cached)', () => {
    const rng = createRng(2);
    const n = 100_000;
    const xs = Float64Array.from({ length: n }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeCloseTo(1, 1);
    expect(xs.filter((x) => Math.abs(x) < 1).length / n).toBeCloseTo(0.6827, 2);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('draws every integer below n about equally often', () => {
    const rng = createRng(3);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('derives int32 seeds for tfjs deterministically', () => {
    const a = createRng(9);
    const b = createRng(9);
    const seeds = Array.from({ length: 20 }, () => deriveSeed(a));
    expect(seeds).toEqual(Array.from({ length: 20 }, () => deriveSeed(b)));
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    expect(new Set(seeds).size).toBe(20);
  });
});
