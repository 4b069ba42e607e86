import type { RunHistory } from './history';
import { emptyHistory, type MetricsHistory } from './types';

/** About how many points a live chart draws, however long the run. */
export const CHART_POINTS = 1000;

/**
 * A history thinned for drawing: past `maxPoints` iterations, consecutive iterations are averaged
 * in buckets of a power-of-two width, aligned to iteration numbers (so two runs at the same
 * iterations get the same x values), each drawn at its last iteration. A chart then costs the
 * same at iteration 100,000 as at 1,000, and the averaging shows the trend through the noise.
 * The table is new: it shares nothing with the run's history.
 */
export function decimateHistory(run: RunHistory, maxPoints = CHART_POINTS): MetricsHistory {
  const h = run.columns;
  const n = run.length;
  const width = n <= maxPoints ? 1 : 2 ** Math.ceil(Math.log2(n / maxPoints));
  const out = emptyHistory();
  const keys = ['dLoss', 'gLoss', 'dReal', 'dFake', 'gradNormD', 'gradNormG'] as const;
  let start = 0;
  while (start < n) {
    const bucket = Math.floor(h.iteration[start]! / width);
    let end = start + 1;
    while (end < n && Math.floor(h.iteration[end]! / width) === bucket) end++;
    out.iteration.push(h.iteration[end - 1]!);
    for (const key of keys) {
      const column = h[key];
      let sum = 0;
      for (let i = start; i < end; i++) sum += column[i]!;
      out[key].push(sum / (end - start));
    }
    start = end;
  }
  return out;
}
