import type uPlot from 'uplot';
import type { MetricsHistory } from '@/lib/train/types';

/** A column of the history other than the iteration. */
export type MetricKey = Exclude<keyof MetricsHistory, 'iteration'>;

/**
 * Two runs' histories as one uPlot table: the union of their iterations as x, then run A's
 * `keys` columns, then run B's, with null where a run has no value at an iteration (a run one
 * turn behind, or cut back after a divergence). Iterations are ascending in both histories.
 */
export function alignRuns(a: MetricsHistory, b: MetricsHistory, keys: readonly MetricKey[]): uPlot.AlignedData {
  const x: number[] = [];
  const columnsA = keys.map(() => [] as (number | null)[]);
  const columnsB = keys.map(() => [] as (number | null)[]);
  let i = 0;
  let j = 0;
  while (i < a.iteration.length || j < b.iteration.length) {
    const ia = a.iteration[i] ?? Infinity;
    const ib = b.iteration[j] ?? Infinity;
    const at = Math.min(ia, ib);
    x.push(at);
    const takeA = ia === at;
    const takeB = ib === at;
    keys.forEach((key, k) => {
      columnsA[k]!.push(takeA ? a[key][i]! : null);
      columnsB[k]!.push(takeB ? b[key][j]! : null);
    });
    if (takeA) i++;
    if (takeB) j++;
  }
  return [x, ...columnsA, ...columnsB];
}
