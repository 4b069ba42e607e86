import { syntheticModes, isSyntheticRef } from '../../data/synthetic';
import type { IrProject } from '../model-ir';
import { DATASET_MIXTURE_TS, DATASET_TS } from '../templates.generated';

/** Batch and Dataset: lib/export/templates/typescript/dataset.ts, as the image reader. */
const DATASET_TYPES = DATASET_TS.types;

/** The dataset: the same mixture formulas as the app for synthetic data, a GANV file reader for images. */
export function emitDataset(ir: IrProject): string {
  const ref = ir.dataset;
  if (isSyntheticRef(ref)) {
    const modes = syntheticModes(ref);
    const rows = modes.map((m) => `[${m.map((v) => +v.toPrecision(12)).join(', ')}]`);
    const title = ref.id === 'gaussian-1d' ? 'one Gaussian' : ref.id === 'ring-8' ? '8 Gaussians on a ring' : 'a 5×5 grid of Gaussians';
    return [
      DATASET_TYPES,
      '',
      `/** Centres of the mixture (${title}). */`,
      `export const MODES = [${rows.join(', ')}];`,
      `/** Standard deviation of every mode, per axis. */`,
      `export const MODE_STD = ${ref.options.std};`,
      '',
      DATASET_MIXTURE_TS.createDataset,
    ].join('\n');
  }
  return [DATASET_TYPES, '', DATASET_TS.images].join('\n');
}
