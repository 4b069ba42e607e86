import { describe, expect, it } from 'vitest';
import { CHART_POINTS, decimateHistory } from '@/lib/train/decimate';
import { runHistoryOf, type RunHistory } from '@/lib/train/history';
import { emptyHistory } from '@/lib/train/types';

function run(n: number, value: (i: number) => number, from = 1): RunHistory {
  const h = emptyHistory();
  for (let i = from; i < from + n; i++) {
    h.iteration.push(i);
    for (const k of ['dLoss', 'gLoss', 'dReal', 'dFake', 'gradNormD', 'gradNormG'] as const) h[k].push(value(i));
  }
  return runHistoryOf(h);
}

describe('decimateHistory', () => {
  it('leaves a short history as it is, in columns of its own', () => {
    const h = run(500, (i) => i);
    const d = decimateHistory(h);
    expect(d).toEqual(h.columns);
    expect(d.iteration).not.toBe(h.columns.iteration);
  });

  it('keeps at most about CHART_POINTS points, ending at the last iteration, with bucket means', () => {
    const h = run(100_000, (i) => i % 2);
    const d = decimateHistory(h);
    expect(d.iteration.length).toBeLessThanOrEqual(CHART_POINTS + 1);
    expect(d.iteration.length).toBeGreaterThan(CHART_POINTS / 2);
    expect(d.iteration.at(-1)).toBe(100_000);
    // Alternating 0/1 averages to 1/2 in every full bucket.
    expect(d.dLoss.slice(1, -1).every((v) => v === 0.5)).toBe(true);
    // Iterations stay ascending, every column the same length.
    for (let i = 1; i < d.iteration.length; i++) expect(d.iteration[i]).toBeGreaterThan(d.iteration[i - 1]!);
    for (const k of ['dLoss', 'gLoss', 'dReal', 'dFake', 'gradNormD', 'gradNormG'] as const) expect(d[k]).toHaveLength(d.iteration.length);
  });

  it('preserves the overall mean (weighted by bucket size) and a linear trend', () => {
    const h = run(5000, (i) => 3 * i);
    const d = decimateHistory(h, 100);
    // A linear column: each bucket mean is the value at the bucket's mid-iteration, so it lies on the line.
    for (let i = 0; i < d.iteration.length; i++) expect(d.dLoss[i]!).toBeLessThanOrEqual(3 * d.iteration[i]!);
    expect(d.dLoss.at(-1)!).toBeGreaterThan(3 * 4900);
  });

  it('two runs at the same iterations get the same x values', () => {
    const a = decimateHistory(run(4096, () => 1));
    const b = decimateHistory(run(4096, () => 2));
    expect(b.iteration).toEqual(a.iteration);
  });
});
