/** The outcome of the mode-collapse protocol on one batch of generated samples. */
export interface ModeQuality {
  /** Modes that are the nearest mode of at least one high-quality sample. */
  modesCaptured: number;
  totalModes: number;
  /** Share of samples within 3·std of their nearest mode (0 when there are no samples). */
  highQualityFraction: number;
}

/**
 * Mode coverage as in VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et al. 2018): a sample is
 * high quality when its Euclidean distance to the nearest mode is at most 3·std, and a mode is
 * captured when it is the nearest mode of some high-quality sample.
 *
 * @param samples row-major `n × dim`, dim being the modes' length (2 for ring-8 and grid-25)
 * @param modes the mixture's centres, e.g. from `syntheticModes`
 * @param std the per-axis standard deviation of each mode
 */
export function modeQuality(samples: Float32Array, modes: number[][], std: number): ModeQuality {
  const nearest = nearestModes(samples, modes);
  const n = nearest.mode.length;
  // Compare squared distances: same ordering, no square roots.
  const limit = (3 * std) ** 2;
  const captured = new Uint8Array(modes.length);
  let highQuality = 0;
  for (let row = 0; row < n; row++) {
    if (nearest.squaredDistance[row]! <= limit) {
      highQuality++;
      captured[nearest.mode[row]!] = 1;
    }
  }
  return {
    modesCaptured: captured.reduce((sum, c) => sum + c, 0),
    totalModes: modes.length,
    highQualityFraction: n === 0 ? 0 : highQuality / n,
  };
}

/**
 * Each sample's nearest mode (the first of equals) and its squared Euclidean distance to it.
 *
 * @param samples row-major `n × dim`, dim being the modes' length
 */
export function nearestModes(samples: Float32Array, modes: number[][]): { mode: Uint32Array; squaredDistance: Float64Array } {
  const dim = modes[0]?.length ?? 0;
  if (dim === 0) throw new Error('modeQuality needs at least one mode with at least one coordinate');
  if (modes.some((m) => m.length !== dim)) throw new Error(`modeQuality: every mode must have ${dim} coordinates`);
  if (samples.length % dim !== 0) {
    throw new Error(`modeQuality: ${samples.length} values cannot be split into ${dim}-D samples`);
  }
  const n = samples.length / dim;
  const mode = new Uint32Array(n);
  const squaredDistance = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let best = 0;
    let bestD = Infinity;
    for (let m = 0; m < modes.length; m++) {
      const centre = modes[m]!;
      let d = 0;
      for (let k = 0; k < dim; k++) {
        const diff = samples[row * dim + k]! - centre[k]!;
        d += diff * diff;
      }
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    mode[row] = best;
    squaredDistance[row] = bestD;
  }
  return { mode, squaredDistance };
}
