import { gaussianKde, histogram, jsDivergence, optimalDiscriminator, silvermanBandwidth } from '@/lib/data/density';
import type { Density1DData } from '@/lib/train/types';

/** Bars of the data histogram when the true density is unknown. */
const HISTOGRAM_BINS = 48;

/** Everything the 1-D view draws, on D's grid. */
export interface DensityCurves {
  xs: Float32Array;
  /** The data density: the true one when given, else a KDE of the real samples. */
  pData: Float32Array;
  /** Whether `pData` is the true density (drawn as a curve) or an estimate (histogram drawn). */
  analytic: boolean;
  /** The generator's density, a Gaussian KDE of the fake samples. */
  pG: Float32Array;
  /** D*(x) = p_data / (p_data + p_g); NaN (not drawn) where neither density has visible mass. */
  dStar: Float32Array;
  /** Histogram of the real samples over the extent, as a density; null when `analytic`. */
  histogram: Float32Array | null;
  /** JS(p_data ‖ p_g) in nats. */
  js: number;
  /** The top of the density axis: the data's peak fits; a collapsed generator's spike may not. */
  densityMax: number;
}

/**
 * Computes the 1-D view's curves. Bandwidths are floored at the grid step, so a collapsed
 * generator shows as a narrow spike the grid can still draw.
 */
export function densityCurves(data: Density1DData): DensityCurves {
  const xs = data.discriminator.xs;
  const dx = xs.length > 1 ? xs[1]! - xs[0]! : (data.extent[1] - data.extent[0]) / 100;
  const kde = (samples: Float32Array) => gaussianKde(samples, xs, Math.max(silvermanBandwidth(samples), dx));
  const analytic = data.dataDensity !== undefined && data.dataDensity.length === xs.length;
  const pData = analytic ? data.dataDensity! : kde(data.real);
  const pG = kde(data.fake);
  const hist = analytic ? null : histogram(data.real, data.extent, HISTOGRAM_BINS);
  const dataPeak = Math.max(peak(pData), hist ? peak(hist) : 0);
  const gPeak = peak(pG);
  const top = dataPeak > 0 ? Math.max(dataPeak, Math.min(gPeak, 2.5 * dataPeak)) : gPeak;
  return {
    xs,
    pData,
    analytic,
    pG,
    dStar: maskEmpty(optimalDiscriminator(pData, pG), pData, pG),
    histogram: hist,
    js: jsDivergence(pData, pG, dx),
    densityMax: top > 0 ? 1.1 * top : 1,
  };
}

/**
 * D* is a ratio of two vanishing numbers far from both distributions, where estimation noise
 * (a KDE's finite reach, a few outliers, float underflow) swings it between 0 and 1. Drawing it
 * only where p_data + p_g reaches 1% of its peak keeps the picture to what the densities determine.
 */
function maskEmpty(dStar: Float32Array, pData: Float32Array, pG: Float32Array): Float32Array {
  let top = 0;
  for (let i = 0; i < dStar.length; i++) top = Math.max(top, pData[i]! + pG[i]!);
  for (let i = 0; i < dStar.length; i++) if (pData[i]! + pG[i]! < 0.01 * top) dStar[i] = NaN;
  return dStar;
}

function peak(values: Float32Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}
