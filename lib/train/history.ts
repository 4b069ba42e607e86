import { emptyHistory, type IterationMetrics, type MetricsHistory } from './types';

/**
 * A run's metrics over its iterations, append-only and versioned: every change makes a new
 * version, and a version never changes after it is made, so two store states never share a
 * mutable history and a chart redraws exactly when `version` moves.
 *
 * Appending is O(new rows): a version's columns are shared with the versions appended after it,
 * which only ever write past its `length`; readers (`historyTable`, `decimateHistory`,
 * `recentMetrics`) read the first `length` rows and hand out arrays of their own.
 */
export interface RunHistory {
  /** Bumped by every append and every cut. */
  readonly version: number;
  /** How many iterations this version holds: the first `length` rows of `columns`. */
  readonly length: number;
  /** Shared with later versions; rows past `length` belong to them. */
  readonly columns: MetricsHistory;
}

const COLUMNS = ['iteration', 'dLoss', 'gLoss', 'dReal', 'dFake', 'gradNormD', 'gradNormG'] as const;

const copyRows = (t: MetricsHistory, rows: number): MetricsHistory =>
  Object.fromEntries(COLUMNS.map((key) => [key, t[key].slice(0, rows)])) as unknown as MetricsHistory;

export const emptyRunHistory = (): RunHistory => ({ version: 0, length: 0, columns: emptyHistory() });

/** A history holding `table` (a run resumed from its checkpoint). */
export const runHistoryOf = (table: MetricsHistory): RunHistory => ({
  version: 0,
  length: table.iteration.length,
  columns: copyRows(table, table.iteration.length),
});

/** This version's rows as plain columns of the caller's own (a checkpoint, a test). */
export function historyTable(h: RunHistory): MetricsHistory {
  return copyRows(h.columns, h.length);
}

/** A new version with iterations' metrics appended; `h` stays as it was. */
export function appendMetrics(h: RunHistory, metrics: readonly IterationMetrics[]): RunHistory {
  if (metrics.length === 0) return h;
  // Appending to an older version (a later one already wrote past it) starts its own columns.
  const columns = h.columns.iteration.length === h.length ? h.columns : copyRows(h.columns, h.length);
  const grow = columns as { [K in keyof MetricsHistory]: number[] };
  for (const m of metrics) for (const key of COLUMNS) grow[key].push(m[key]);
  return { version: h.version + 1, length: columns.iteration.length, columns };
}

/** A new version with the iterations after `iteration` cut off (where a divergence restored the weights to). */
export function truncateHistory(h: RunHistory, iteration: number): RunHistory {
  const keep = h.columns.iteration.findIndex((i, row) => row < h.length && i > iteration);
  if (keep < 0) return h;
  return { version: h.version + 1, length: keep, columns: copyRows(h.columns, keep) };
}
