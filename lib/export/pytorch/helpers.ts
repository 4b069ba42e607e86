/**
 * The small Python helpers that reproduce tfjs's conventions in torch. models.py receives only
 * those its graph uses (and their dependencies), in this file's order.
 */
import { HELPERS_PY } from '../templates.generated';

/** A Python helper that some layer kinds need in models.py. */
export type HelperName = 'samePadding' | 'maxPool' | 'avgPool' | 'upsample' | 'convTranspose' | 'batchNorm';

interface Helper {
  needs: HelperName[];
  code: string;
}

/** The helpers' code lives in lib/export/templates/pytorch/helpers.py, one region each. */
const HELPERS: Record<HelperName, Helper> = {
  samePadding: { needs: [], code: HELPERS_PY.samePadding },
  maxPool: { needs: ['samePadding'], code: HELPERS_PY.maxPool },
  avgPool: { needs: ['samePadding'], code: HELPERS_PY.avgPool },
  upsample: { needs: [], code: HELPERS_PY.upsample },
  convTranspose: { needs: [], code: HELPERS_PY.convTranspose },
  batchNorm: { needs: [], code: HELPERS_PY.batchNorm },
};

/** Always emitted: glorot-uniform kernels and zero biases, as tfjs initialises them. */
export const INIT_LIKE_TFJS = HELPERS_PY.initLikeTfjs;

/** The code of the helpers named, with their dependencies, in this file's order: one block each. */
export function helperCode(used: ReadonlySet<HelperName>): string[] {
  const wanted = new Set<HelperName>();
  const add = (name: HelperName) => {
    for (const dep of HELPERS[name].needs) add(dep);
    wanted.add(name);
  };
  for (const name of used) add(name);
  return (Object.keys(HELPERS) as HelperName[]).filter((n) => wanted.has(n)).map((n) => HELPERS[n].code);
}
