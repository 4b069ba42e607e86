import type { LayerKind } from '../../project/kinds';
import type { LayerSpec } from '../types';
import activation from './activation';
import add from './add';
import averagePooling2d from './average-pooling2d';
import batchNorm from './batch-norm';
import concatenate from './concatenate';
import conv2d from './conv2d';
import conv2dTranspose from './conv2d-transpose';
import data from './data';
import dense from './dense';
import dropout from './dropout';
import flatten from './flatten';
import label from './label';
import layerNorm from './layer-norm';
import maxPooling2d from './max-pooling2d';
import noise from './noise';
import output from './output';
import rescale from './rescale';
import reshape from './reshape';
import upSampling2d from './up-sampling2d';

/** Every layer kind's spec. A kind missing here fails type-checking. */
export const LAYERS: Record<LayerKind, LayerSpec> = {
  noise,
  label,
  data,
  dense,
  conv2d,
  conv2dTranspose,
  upSampling2d,
  maxPooling2d,
  averagePooling2d,
  batchNorm,
  layerNorm,
  dropout,
  activation,
  rescale,
  reshape,
  flatten,
  concatenate,
  add,
  output,
};

/** The spec of a kind, or undefined for a string that names none (analysis of untrusted graphs). */
export function layerSpec(kind: string): LayerSpec | undefined {
  return Object.prototype.hasOwnProperty.call(LAYERS, kind) ? LAYERS[kind as LayerKind] : undefined;
}

/** How comments in exported code name a layer kind: its export title, else its English title. */
export function exportTitle(kind: LayerKind): string {
  const spec = LAYERS[kind];
  return spec.exportTitle ?? spec.title.en;
}
