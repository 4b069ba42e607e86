import { describe, expect, it } from 'vitest';
import { reporter, type SessionUpdate } from '@/lib/train/session';
import type { IterationMetrics } from '@/lib/train/types';

const metric = (iteration: number): IterationMetrics => ({
  iteration,
  dLoss: 1,
  gLoss: 1,
  dReal: 0.5,
  dFake: 0.5,
  gradNormD: 1,
  gradNormG: 1,
});
const update = (iteration: number, extra: Partial<SessionUpdate> = {}): SessionUpdate => ({
  running: true,
  status: { iteration, last: metric(iteration), iterationsPerSecond: 1, samplesPerSecond: 1 },
  metrics: [metric(iteration)],
  ...extra,
});

describe('the play loop’s reports to the page', () => {
  it('a page that keeps up gets every update as it is', async () => {
    const got: SessionUpdate[] = [];
    const report = reporter((u) => void got.push(u));
    // The play loop yields to the event loop between chunks, as here.
    for (let i = 1; i <= 5; i++) {
      report(update(i));
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(got.map((u) => u.status.iteration)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a busy page gets one merged update per report it finishes, losing no metric', async () => {
    const got: SessionUpdate[] = [];
    let release: () => void = () => undefined;
    const report = reporter((u) => {
      got.push(u);
      return new Promise<void>((resolve) => (release = resolve));
    });
    report(update(1));
    const picture = { kind: 'density', data: { iteration: 3 } } as unknown as SessionUpdate['visual'];
    for (let i = 2; i <= 10; i++) report(update(i, i === 3 ? { visual: picture } : i === 10 ? { running: false } : {}));
    expect(got).toHaveLength(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toHaveLength(2);
    const merged = got[1]!;
    expect(merged.metrics.map((m) => m.iteration)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(merged.status.iteration).toBe(10);
    expect(merged.visual).toBe(picture);
    expect(merged.running).toBe(false);
    release();
  });

  it('a page whose handler throws still gets later updates', async () => {
    const got: number[] = [];
    const report = reporter((u) => {
      got.push(u.status.iteration);
      if (u.status.iteration === 1) throw new Error('boom');
    });
    report(update(1));
    report(update(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1, 2]);
  });
});
