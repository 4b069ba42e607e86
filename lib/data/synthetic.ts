import type { DatasetRef } from '../project/schema';
import type { Rng } from './rng';

/** The dataset references whose samples are drawn from a known mixture of Gaussians. */
export type SyntheticRef = Extract<DatasetRef, { id: 'gaussian-1d' | 'ring-8' | 'grid-25' }>;

/** Narrows a reference to the synthetic ones (the rest are images). */
export function isSyntheticRef(ref: DatasetRef): ref is SyntheticRef {
  return ref.id === 'gaussian-1d' || ref.id === 'ring-8' || ref.id === 'grid-25';
}

/**
 * Mode centres of the mixture: one `[mean]` for gaussian-1d, 8 points on a circle for ring-8
 * (angle 2πi/8, i = 0..7), and the 25 points {-2..2}·spacing squared for grid-25 (x outer, y inner).
 */
export function syntheticModes(ref: SyntheticRef): number[][] {
  switch (ref.id) {
    case 'gaussian-1d':
      return [[ref.options.mean]];
    case 'ring-8': {
      const { radius } = ref.options;
      return Array.from({ length: 8 }, (_, i) => {
        const angle = (2 * Math.PI * i) / 8;
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      });
    }
    case 'grid-25': {
      const { spacing } = ref.options;
      const modes: number[][] = [];
      for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) modes.push([i * spacing, j * spacing]);
      return modes;
    }
  }
}

/** The per-axis standard deviation shared by every mode. */
export function syntheticStd(ref: SyntheticRef): number {
  return ref.options.std;
}

/** `n` samples, row-major `n × dim`, each from a uniformly chosen mode plus isotropic Gaussian noise. */
export function sampleSynthetic(ref: SyntheticRef, n: number, rng: Rng): Float32Array {
  const modes = syntheticModes(ref);
  const std = syntheticStd(ref);
  const dim = modes[0]!.length;
  const out = new Float32Array(n * dim);
  for (let row = 0; row < n; row++) {
    const centre = modes[rng.int(modes.length)]!;
    for (let k = 0; k < dim; k++) out[row * dim + k] = centre[k]! + std * rng.normal();
  }
  return out;
}

/** The true density of the 1-D Gaussian at each of `xs`, for drawing beside the generator's. */
export function gaussian1dDensity(ref: Extract<DatasetRef, { id: 'gaussian-1d' }>, xs: Float32Array): Float32Array {
  const { mean, std } = ref.options;
  const norm = 1 / (std * Math.sqrt(2 * Math.PI));
  return xs.map((x) => {
    const z = (x - mean) / std;
    return norm * Math.exp(-0.5 * z * z);
  });
}
