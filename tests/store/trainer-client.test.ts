import { describe, expect, it } from 'vitest';
import { applyUpdate, emptyRunView } from '@/lib/store/trainer-client';
import { historyTable } from '@/lib/train/history';
import type { SessionUpdate } from '@/lib/train/session';
import type { IterationMetrics } from '@/lib/train/types';

const metrics = (from: number, n: number): IterationMetrics[] =>
  Array.from({ length: n }, (_, i) => ({ iteration: from + i, dLoss: 1, gLoss: 1, dReal: 0.5, dFake: 0.5, gradNormD: 1, gradNormG: 1 }));
const status = (iteration: number) => ({ iteration, last: null, iterationsPerSecond: 10, samplesPerSecond: 640 });
const update = (from: number, n: number, extra: Partial<SessionUpdate> = {}): SessionUpdate => ({
  running: true,
  status: status(from + n - 1),
  metrics: metrics(from, n),
  ...extra,
});

describe('applyUpdate (the run view both training stores keep)', () => {
  it('appends metrics as a new history version and keeps the last status', () => {
    const before = emptyRunView();
    const after = applyUpdate(before, update(1, 5));
    expect(after.history.version).toBe(1);
    expect(historyTable(after.history).iteration).toEqual([1, 2, 3, 4, 5]);
    expect(after.status?.iteration).toBe(5);
    expect(before.history.length).toBe(0);
  });

  it('on a divergence cuts the history and the quality readings back to the restored iteration', () => {
    let view = applyUpdate(emptyRunView(), update(1, 10));
    const reading = (iteration: number) => ({
      reading: { iteration, fid: 50, classes: 10, score: 5 },
      reference: { fid: 0.5, classes: 10, score: 9 },
      judgeAccuracy: 0.99,
    });
    view = applyUpdate(view, update(11, 0, { quality: reading(10) as SessionUpdate['quality'] }));
    view = applyUpdate(view, update(11, 5, { quality: reading(15) as SessionUpdate['quality'] }));
    const divergence = { iteration: 16, restoredIteration: 8 } as SessionUpdate['divergence'];
    const cut = applyUpdate(view, update(16, 1, { divergence }));
    expect(historyTable(cut.history).iteration.at(-1)).toBe(8);
    expect(cut.quality?.readings.map((r) => r.iteration)).toEqual([]);
    expect(cut.divergence).toBe(divergence);
    // The view before the cut still holds its 15 iterations.
    expect(view.history.length).toBe(15);
  });

  it('keeps the backend unless the update names a new one', () => {
    const decision = { backend: 'wasm', reason: 'test' } as never;
    const view = { ...emptyRunView(), decision };
    expect(applyUpdate(view, update(1, 1)).decision).toBe(decision);
    const next = { backend: 'webgl', reason: 'faster' } as never;
    expect(applyUpdate(view, update(2, 1, { backend: next })).decision).toBe(next);
  });
});
