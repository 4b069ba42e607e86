import type { LossKind } from '../project/kinds';

/** One iteration's figures, read back from the backend asynchronously. */
export interface IterationMetrics {
  iteration: number;
  /** The last D update's loss in this iteration. */
  dLoss: number;
  gLoss: number;
  /** Mean D(x) on the real batch: a probability for minimax/non-saturating/least-squares, a raw critic score otherwise. */
  dReal: number;
  /** Mean D(G(z)) on the fake batch, same scale as dReal. */
  dFake: number;
  /** Global L2 norm of D's gradients (last D update) and of G's gradients. */
  gradNormD: number;
  gradNormG: number;
}

/**
 * Metrics as columns, one row per iteration: the layout uPlot draws from directly. A run keeps its
 * own in a `RunHistory` (lib/train/history.ts); a table taken from it is the reader's own.
 */
export interface MetricsHistory {
  iteration: number[];
  dLoss: number[];
  gLoss: number[];
  dReal: number[];
  dFake: number[];
  gradNormD: number[];
  gradNormG: number[];
}

export const emptyHistory = (): MetricsHistory => ({
  iteration: [],
  dLoss: [],
  gLoss: [],
  dReal: [],
  dFake: [],
  gradNormD: [],
  gradNormG: [],
});

/** What the dashboard needs to know about the loss to draw reference lines. */
export interface LossInfo {
  loss: LossKind;
  /** D's loss at the equilibrium (2 ln 2 for minimax and non-saturating), when one exists. */
  equilibriumDLoss: number | null;
  /** Whether dReal/dFake are probabilities (so the 1/2 line means something). */
  probabilities: boolean;
}

/** A grid of generated images at one iteration; pixels in [-1, 1], channels-last. */
export interface SampleFrame {
  iteration: number;
  /** count × height × width × channels values. */
  images: Float32Array;
  count: number;
  /** One image's shape [height, width, channels]. */
  shape: [number, number, number];
  /** Images per row; conditional grids use one column per class. */
  columns?: number;
  /** Set when the samples come from G's weight average (`training.ema`): its decay. */
  averaged?: number;
}

/** What the 2-D view draws. Points are x0,y0,x1,y1,... */
export interface Scatter2DData {
  iteration: number;
  real: Float32Array;
  fake: Float32Array;
  /** The drawing extent [xmin, xmax, ymin, ymax]. */
  extent: [number, number, number, number];
  /** D's output (probability) on a gx × gy grid over the extent, row-major from ymin, x fastest. */
  heatmap?: { gx: number; gy: number; values: Float32Array };
  /** For some fake points, the direction G's loss gradient moves them (dx, dy per point). */
  arrows?: { at: Float32Array; direction: Float32Array };
  /** Packing (PacGAN) above 1: the heatmap is D on packs of this many copies of each point. */
  pack?: number;
  /** G's manifold (GAN Lab's warped grid): a grid of z mapped through G, `lines` lines of `points` points, xy pairs. */
  manifold?: { lines: number; points: number; xy: Float32Array };
  /** Set when the samples come from G's weight average (`training.ema`): its decay. */
  averaged?: number;
}

/** What the 1-D view draws. */
export interface Density1DData {
  iteration: number;
  /** Samples of the data and of the generator. */
  real: Float32Array;
  fake: Float32Array;
  /** [min, max] of the x axis. */
  extent: [number, number];
  /** D's probability at evenly spaced xs over the extent. */
  discriminator: { xs: Float32Array; values: Float32Array };
  /** The true data density, when known analytically (1-D Gaussian): evaluated at discriminator.xs. */
  dataDensity?: Float32Array;
  /** Set when the samples come from G's weight average (`training.ema`): its decay. */
  /** Where evenly spaced z along a line land: G's map from noise to data (drawn as a ruler of ticks). */
  mapped?: Float32Array;
  averaged?: number;
}
