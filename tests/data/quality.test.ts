import { describe, expect, it } from 'vitest';
import { modeQuality } from '@/lib/data/quality';
import { createRng } from '@/lib/data/rng';
import { sampleSynthetic, syntheticModes } from '@/lib/data/synthetic';

const square = [
  [0, 0],
  [10, 0],
  [0, 10],
  [10, 10],
];

describe('modeQuality', () => {
  it('counts high-quality samples and the modes they capture', () => {
    // std 1: high quality within distance 3.
    const samples = Float32Array.of(
      0.5,
      0.5, // mode 0, d≈0.71
      2.9,
      0, // mode 0, d=2.9
      10,
      3, // mode 1, d=3 exactly: still high quality
      5,
      5, // equidistant from everything, d≈7.07: low quality
      0,
      6.5, // nearest is mode 2 (d=3.5): low quality, so mode 2 is not captured
    );
    expect(modeQuality(samples, square, 1)).toEqual({ modesCaptured: 2, totalModes: 4, highQualityFraction: 3 / 5 });
  });

  it('credits a sample only to its nearest mode', () => {
    // Within 3·std of both modes 0 and 1 but nearer to 1.
    expect(modeQuality(Float32Array.of(5.5, 0), square, 2)).toEqual({ modesCaptured: 1, totalModes: 4, highQualityFraction: 1 });
  });

  it('sees a collapsed generator as one mode', () => {
    const collapsed = new Float32Array(200).fill(10);
    expect(modeQuality(collapsed, square, 0.1)).toEqual({ modesCaptured: 1, totalModes: 4, highQualityFraction: 1 });
  });

  it('gives the real data all modes and nearly all samples', () => {
    const ref = { id: 'grid-25', options: { spacing: 2, std: 0.05 } } as const;
    const q = modeQuality(sampleSynthetic(ref, 5000, createRng(1)), syntheticModes(ref), 0.05);
    expect(q.modesCaptured).toBe(25);
    expect(q.totalModes).toBe(25);
    // P(|N(0, I_2)| <= 3) = 1 - e^{-4.5} ≈ 0.989.
    expect(q.highQualityFraction).toBeCloseTo(1 - Math.exp(-4.5), 2);
  });

  it('handles no samples and rejects malformed input', () => {
    expect(modeQuality(new Float32Array(0), square, 1)).toEqual({ modesCaptured: 0, totalModes: 4, highQualityFraction: 0 });
    expect(() => modeQuality(Float32Array.of(1, 2, 3), square, 1)).toThrow(/2-D samples/);
    expect(() => modeQuality(Float32Array.of(1, 2), [], 1)).toThrow(/at least one mode/);
  });
});
