import { describe, expect, it } from 'vitest';
import type { CompareChoice } from '@/lib/classroom/compare-runs';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { createCompareStore, type CompareStore, type CompareWorker, type RunId } from '@/lib/store/compare-store';
import { createSession, type TrainingSession } from '@/lib/train/session';
import { historyTable } from '@/lib/train/history';

/** The 1-D preset, small enough to train quickly on the cpu backend. */
function tiny(): GanProject {
  const p = presetProject('gan-1d-gaussian');
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && (n.params.units as number) > 2) n.params.units = 6;
  p.training.batchSize = 16;
  return p;
}

const noImages = async () => {
  throw new Error('no images in this test');
};

/** The worker's API, in process: one session per run, as each Web Worker holds one. */
function inProcess(log: string[]) {
  return (run: RunId): { api: CompareWorker; terminate(): void } => {
    let session: TrainingSession | null = null;
    const live = () => {
      if (!session) throw new Error('Training has not started');
      return session;
    };
    const api: CompareWorker = {
      start: async (project, backend) => {
        session?.dispose();
        session = await createSession({ project, backend, loadImages: noImages });
        log.push(`start ${run} ${project.training.loss}`);
        return session.decision;
      },
      advance: async (iterations) => {
        log.push(`${run} ${iterations}`);
        return live().advance(iterations);
      },
      visual: async () => live().visual(),
      dispose: async () => {
        session?.dispose();
        session = null;
      },
    };
    return { api, terminate: () => log.push(`terminate ${run}`) };
  };
}

async function trainUntil(
  store: CompareStore,
  project: GanProject,
  iterations: number,
  choice: CompareChoice = { setting: 'loss', value: 'minimax' },
) {
  const done = store.getState().train(project, choice, 'cpu');
  await new Promise<void>((resolve) => {
    const check = () => {
      const { runs, phase } = store.getState();
      if (phase === 'error' || (runs && (runs.b.status?.iteration ?? 0) >= iterations)) resolve();
      else setTimeout(check, 5);
    };
    check();
  });
  store.getState().pause();
  await done;
}

describe('compare store', { timeout: 30_000 }, () => {
  it('trains A and B in turn from the same seed, so only the loss differs', async () => {
    const log: string[] = [];
    const store = createCompareStore({ connect: inProcess(log), turnMs: 20, visualEveryMs: 0 });
    await trainUntil(store, tiny(), 12);
    const { runs, phase, error } = store.getState();
    expect(error).toBeNull();
    expect(phase).toBe('paused');
    const a = runs!.a;
    const b = runs!.b;
    expect(a.label.en).toBe('A: non-saturating');
    expect(b.label.en).toBe('B: minimax');
    expect(a.info.loss).toBe('non-saturating');
    expect(b.info.loss).toBe('minimax');
    // The pause waits for B's turn: both stand at the same iteration with every iteration recorded.
    const n = a.status!.iteration;
    expect(b.status!.iteration).toBe(n);
    expect(historyTable(a.history).iteration).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(historyTable(b.history).iteration).toEqual(historyTable(a.history).iteration);
    // Turns alternate A, B, A, B with the same chunk for both.
    const turns = log.filter((l) => /^[ab] \d+$/.test(l));
    turns.forEach((turn, i) => expect(turn.startsWith(i % 2 ? 'b' : 'a')).toBe(true));
    for (let i = 0; i < turns.length; i += 2) expect(turns[i]!.slice(2)).toBe(turns[i + 1]!.slice(2));
    // Same seed: the first D update sees the same weights, data and noise in both runs, and D's
    // loss is the same formula for minimax and non-saturating, so it matches exactly.
    expect(historyTable(b.history).dLoss[0]).toBe(historyTable(a.history).dLoss[0]);
    expect(historyTable(b.history).dFake[0]).toBe(historyTable(a.history).dFake[0]);
    // G's losses differ: log D(G(z)) to maximise is positive as a loss, log(1 - D(G(z))) negative.
    expect(historyTable(a.history).gLoss[0]).toBeGreaterThan(0);
    expect(historyTable(b.history).gLoss[0]).toBeLessThan(0);
    // 1-D data: each run has its own density picture.
    expect(a.density?.discriminator.values.length).toBeGreaterThan(0);
    expect(b.density?.discriminator.values.length).toBeGreaterThan(0);
    expect(a.density).not.toBe(b.density);
    store.getState().dispose();
  });

  it('continues the same runs, starts over for a new B, and ends both workers on dispose', async () => {
    const log: string[] = [];
    const store = createCompareStore({ connect: inProcess(log), turnMs: 20, visualEveryMs: 1e9 });
    const project = tiny();
    await trainUntil(store, project, 5);
    const first = store.getState().runs!.a.status!.iteration;
    await trainUntil(store, project, first + 5);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start a non-saturating', 'start b minimax']);
    expect(historyTable(store.getState().runs!.a.history).iteration[0]).toBe(1);
    expect(store.getState().runs!.a.status!.iteration).toBeGreaterThan(first);

    await trainUntil(store, project, 3, { setting: 'k', value: 2 });
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(4);
    expect(store.getState().error).toBeNull();
    expect(store.getState().runs!.b.label.en).toBe('B: k = 2');
    expect(historyTable(store.getState().runs!.a.history).iteration[0]).toBe(1);

    await store.getState().reset();
    expect(store.getState()).toMatchObject({ phase: 'idle', runs: null, choice: null });
    store.getState().dispose();
    expect(log.filter((l) => l.startsWith('terminate')).sort()).toEqual(['terminate a', 'terminate b']);
  });

  it('refuses a B equal to A without starting anything', async () => {
    const log: string[] = [];
    const store = createCompareStore({ connect: inProcess(log) });
    await store.getState().train(tiny(), { setting: 'loss', value: 'non-saturating' }, 'cpu');
    expect(store.getState().phase).toBe('error');
    expect(store.getState().error).toEqual({ en: 'B must differ from A.', zh: 'B 必须与 A 不同。' });
    expect(store.getState().runs).toBeNull();
    expect(log).toEqual([]);
  });
});
