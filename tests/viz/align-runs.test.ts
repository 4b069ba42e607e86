import { describe, expect, it } from 'vitest';
import { alignRuns } from '@/components/compare/align-runs';
import { emptyHistory, type MetricsHistory } from '@/lib/train/types';

function history(iterations: number[], base: number): MetricsHistory {
  const h = emptyHistory();
  for (const i of iterations) {
    h.iteration.push(i);
    h.dLoss.push(base + i);
    h.gLoss.push(-(base + i));
    h.dReal.push(0);
    h.dFake.push(0);
    h.gradNormD.push(0);
    h.gradNormG.push(0);
  }
  return h;
}

describe('alignRuns', () => {
  it('puts runs in lockstep on one x column, B one turn behind padded with nulls', () => {
    const data = alignRuns(history([1, 2, 3, 4], 100), history([1, 2], 200), ['dLoss', 'gLoss']);
    expect(data).toEqual([
      [1, 2, 3, 4],
      [101, 102, 103, 104],
      [-101, -102, -103, -104],
      [201, 202, null, null],
      [-201, -202, null, null],
    ]);
  });

  it('merges iterations that differ (a run cut back after a divergence)', () => {
    const data = alignRuns(history([1, 2, 5], 0), history([2, 3, 4], 10), ['dLoss']);
    expect(data).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, null, null, 5],
      [null, 12, 13, 14, null],
    ]);
  });

  it('gives empty columns for empty runs', () => {
    expect(alignRuns(emptyHistory(), emptyHistory(), ['dReal', 'dFake'])).toEqual([[], [], [], [], []]);
  });
});
