import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { presetProject } from '@/lib/project/presets';
import { createSlowMotionStore, currentStep } from '@/lib/store/slow-motion-store';
import type { TrainingState, TrainingStore } from '@/lib/store/training-store';
import type { IterationTrace } from '@/lib/train/trace';

/** A training store that hands out a given trace (or none) and counts recorded events. */
function fakeTraining(traces: (IterationTrace | null)[]) {
  const events: string[] = [];
  const store = createStore<Pick<TrainingState, 'traceIteration' | 'record'>>()(() => ({
    traceIteration: async () => traces.shift() ?? null,
    record: (event) => void events.push(event),
  }));
  return { store: store as unknown as TrainingStore, events };
}

const trace = (iteration: number): IterationTrace => ({ iteration, k: 1 }) as IterationTrace;

describe('slow-motion store', () => {
  it('opens on a traced iteration, steps within bounds, and records slow-motion-done once per trace', async () => {
    const { store: training, events } = fakeTraining([trace(5), trace(6)]);
    const slow = createSlowMotionStore(training);
    const project = presetProject('gan-1d-gaussian');
    const opening = slow.getState().open(project);
    expect(slow.getState().status).toBe('loading');
    await opening;
    expect(slow.getState()).toMatchObject({ status: 'open', index: 0 });
    expect(slow.getState().steps).toHaveLength(14);
    slow.getState().back();
    expect(slow.getState().index).toBe(0);
    for (let i = 0; i < 12; i++) slow.getState().next();
    expect(events).toEqual([]);
    slow.getState().next();
    expect(currentStep(slow.getState())?.kind).toBe('done');
    expect(events).toEqual(['slow-motion-done']);
    slow.getState().next();
    slow.getState().back();
    slow.getState().go(13);
    expect(slow.getState().index).toBe(13);
    expect(events).toEqual(['slow-motion-done']);
    slow.getState().close();
    expect(slow.getState()).toMatchObject({ status: 'closed', trace: null, steps: [] });
    expect(currentStep(slow.getState())).toBeNull();
    await slow.getState().open(project);
    slow.getState().go(99);
    expect(events).toEqual(['slow-motion-done', 'slow-motion-done']);
  });

  it('stays closed when the iteration could not run, and shows nothing of one closed while it ran', async () => {
    const { store: training } = fakeTraining([null, trace(2)]);
    const slow = createSlowMotionStore(training);
    await slow.getState().open(presetProject('gan-1d-gaussian'));
    expect(slow.getState().status).toBe('closed');
    const opening = slow.getState().open(presetProject('gan-1d-gaussian'));
    slow.getState().close();
    await opening;
    expect(slow.getState().status).toBe('closed');
  });
});
