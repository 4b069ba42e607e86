import type { QualityFigures, QualityReading } from './meter';
import type { QualityUpdate } from './watch';

/** The quality meter's readings of one run, with what real images score. */
export interface QualityHistory {
  readings: QualityReading[];
  reference: QualityFigures;
  judgeAccuracy: number;
}

/** A history with one more reading (a new object: charts see the change; the old one is left alone). */
export function withReading(history: QualityHistory | null, update: QualityUpdate): QualityHistory {
  return { readings: [...(history?.readings ?? []), update.reading], reference: update.reference, judgeAccuracy: update.judgeAccuracy };
}

/** The readings up to an iteration (a diverged run goes back to its last good weights). */
export function readingsUpTo(history: QualityHistory | null, iteration: number): QualityHistory | null {
  return history && { ...history, readings: history.readings.filter((r) => r.iteration <= iteration) };
}

/**
 * Two runs' readings of one figure on one x axis: the union of their iterations, null where a run
 * was not measured (each run is measured every few seconds of its own time, so the two rarely
 * share an iteration). Columns as uPlot takes them: [iterations, run A, run B].
 */
export function alignReadings(
  a: QualityReading[],
  b: QualityReading[],
  measure: 'fid' | 'classes' | 'score',
): [number[], (number | null)[], (number | null)[]] {
  const xs = [...new Set([...a, ...b].map((r) => r.iteration))].sort((p, q) => p - q);
  const column = (rs: QualityReading[]) => {
    const at = new Map(rs.map((r) => [r.iteration, r[measure]]));
    return xs.map((x) => at.get(x) ?? null);
  };
  return [xs, column(a), column(b)];
}
