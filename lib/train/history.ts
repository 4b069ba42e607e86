import type { IterationMetrics, MetricsHistory } from './types';

/** Appends iterations' metrics to a history's columns in place. */
export function appendMetrics(history: MetricsHistory, metrics: readonly IterationMetrics[]): void {
  for (const m of metrics) {
    history.iteration.push(m.iteration);
    history.dLoss.push(m.dLoss);
    history.gLoss.push(m.gLoss);
    history.dReal.push(m.dReal);
    history.dFake.push(m.dFake);
    history.gradNormD.push(m.gradNormD);
    history.gradNormG.push(m.gradNormG);
  }
}

/** The history up to and including `iteration` (where a divergence restored the weights to). */
export function truncateHistory(h: MetricsHistory, iteration: number): MetricsHistory {
  const keep = h.iteration.findIndex((i) => i > iteration);
  if (keep < 0) return h;
  const cut = (xs: number[]) => xs.slice(0, keep);
  return {
    iteration: cut(h.iteration),
    dLoss: cut(h.dLoss),
    gLoss: cut(h.gLoss),
    dReal: cut(h.dReal),
    dFake: cut(h.dFake),
    gradNormD: cut(h.gradNormD),
    gradNormG: cut(h.gradNormG),
  };
}
