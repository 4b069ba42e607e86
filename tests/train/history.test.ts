import { describe, expect, it } from 'vitest';
import { appendMetrics, emptyRunHistory, historyTable, runHistoryOf, truncateHistory } from '@/lib/train/history';
import type { IterationMetrics } from '@/lib/train/types';

const rows = (from: number, n: number): IterationMetrics[] =>
  Array.from({ length: n }, (_, i) => ({
    iteration: from + i,
    dLoss: from + i,
    gLoss: -(from + i),
    dReal: 0.5,
    dFake: 0.5,
    gradNormD: 1,
    gradNormG: 2,
  }));

describe('RunHistory', () => {
  it('appends as a new version and leaves the old one as it was', () => {
    const v0 = emptyRunHistory();
    const v1 = appendMetrics(v0, rows(1, 3));
    const v2 = appendMetrics(v1, rows(4, 2));
    expect([v0.version, v1.version, v2.version]).toEqual([0, 1, 2]);
    expect([v0.length, v1.length, v2.length]).toEqual([0, 3, 5]);
    expect(historyTable(v1).iteration).toEqual([1, 2, 3]);
    expect(historyTable(v2).iteration).toEqual([1, 2, 3, 4, 5]);
    expect(historyTable(v0).iteration).toEqual([]);
    // Nothing to append: the same version.
    expect(appendMetrics(v2, [])).toBe(v2);
  });

  it('appending to an older version starts columns of its own instead of overwriting the newer one', () => {
    const v1 = appendMetrics(emptyRunHistory(), rows(1, 2));
    const newer = appendMetrics(v1, rows(3, 2));
    const fork = appendMetrics(v1, rows(100, 1));
    expect(historyTable(newer).iteration).toEqual([1, 2, 3, 4]);
    expect(historyTable(fork).iteration).toEqual([1, 2, 100]);
    expect(historyTable(newer).dLoss).toEqual([1, 2, 3, 4]);
  });

  it('hands out tables of the reader’s own', () => {
    const v1 = appendMetrics(emptyRunHistory(), rows(1, 2));
    const table = historyTable(v1);
    appendMetrics(v1, rows(3, 1));
    expect(table.iteration).toEqual([1, 2]);
    table.iteration.push(99);
    expect(historyTable(v1).iteration).toEqual([1, 2]);
  });

  it('cuts after a restored iteration as a new version, the old version keeping its rows', () => {
    const v = appendMetrics(emptyRunHistory(), rows(1, 10));
    const cut = truncateHistory(v, 6);
    expect(cut.version).toBe(v.version + 1);
    expect(historyTable(cut).gLoss).toEqual([-1, -2, -3, -4, -5, -6]);
    expect(historyTable(v).iteration).toHaveLength(10);
    expect(truncateHistory(v, 10)).toBe(v);
    // Appending after a cut goes on from the cut.
    expect(historyTable(appendMetrics(cut, rows(7, 1))).iteration).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('resumes from a checkpoint’s table without sharing it', () => {
    const table = historyTable(appendMetrics(emptyRunHistory(), rows(1, 3)));
    const resumed = runHistoryOf(table);
    table.iteration.length = 0;
    expect(resumed.length).toBe(3);
    expect(historyTable(resumed).iteration).toEqual([1, 2, 3]);
  });
});
