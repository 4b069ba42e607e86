/**
 * weights.py: reads the tfjs layers format (model.json's weightsManifest plus weights.bin) and
 * copies each `<layer>/<weight>` into the matching torch parameter or buffer, transposed as torch
 * lays it out. Strict: a missing, unexpected or wrongly shaped weight raises before anything is
 * copied. The same text for every project: the layers it knows come from each model's TFJS_LAYERS.
 * The text is lib/export/templates/pytorch/weights.py.
 */
import { WEIGHTS_PY } from '../templates.generated';

/** The text of weights.py. */
export function emitWeightsPy(): string {
  return WEIGHTS_PY;
}
