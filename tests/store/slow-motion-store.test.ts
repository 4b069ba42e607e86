import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { presetProject } from '@/lib/project/presets';
import { createEditorStore } from '@/lib/store/editor-store';
import { createSlowMotionStore, currentStep, wireSlowMotion } from '@/lib/store/slow-motion-store';
import type { TrainingState, TrainingStore } from '@/lib/store/training-store';
import type { IterationTrace } from '@/lib/train/trace';

/** A training store that hands out a given trace (or none) and counts recorded events. */
function fakeTraining(traces: (IterationTrace | null)[]) {
  const events: string[] = [];
  const store = createStore<Pick<TrainingState, 'traceIteration' | 'record' | 'phase'>>()(() => ({
    phase: 'paused',
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

describe('slow motion wired to the editor and the run', () => {
  async function opened(layout: 'tabs' | 'split') {
    const { store: training } = fakeTraining([trace(3), trace(4)]);
    const project = presetProject('gan-1d-gaussian');
    const editor = createEditorStore(project, { layout });
    const slow = createSlowMotionStore(training);
    const unwire = wireSlowMotion(slow, { editor, training });
    await slow.getState().open(project);
    return { training, editor, slow, unwire };
  }

  it('in the tabs layout shows the network each sub-step works in; side by side it changes no tab', async () => {
    const tabs = await opened('tabs');
    const seen = new Set<string>();
    for (let i = 0; i < tabs.slow.getState().steps.length; i++) {
      tabs.slow.getState().go(i);
      const focus = currentStep(tabs.slow.getState())?.focus;
      if (focus) {
        seen.add(focus);
        expect(tabs.editor.getState().activeRole, `sub-step ${i}`).toBe(focus);
      }
    }
    expect([...seen].sort()).toEqual(['discriminator', 'generator']);

    const split = await opened('split');
    const before = split.editor.getState().activeRole;
    for (let i = 0; i < split.slow.getState().steps.length; i++) split.slow.getState().go(i);
    expect(split.editor.getState().activeRole).toBe(before);
  });

  it('closes when the design changes or the run is reset, not when only the name changes', async () => {
    const a = await opened('split');
    a.editor.getState().rename('another name');
    expect(a.slow.getState().status).toBe('open');
    a.editor.getState().setTraining({ optimizers: { generator: { lr: 0.005 } } });
    expect(a.slow.getState().status).toBe('closed');

    const b = await opened('split');
    b.training.setState({ phase: 'idle' });
    expect(b.slow.getState().status).toBe('closed');
  });

  it('unwired, it closes and follows nothing', async () => {
    const c = await opened('tabs');
    c.unwire();
    expect(c.slow.getState().status).toBe('closed');
    await c.slow.getState().open(presetProject('gan-1d-gaussian'));
    expect(c.slow.getState().status).toBe('open');
    const role = c.editor.getState().activeRole;
    for (let i = 0; i < c.slow.getState().steps.length; i++) c.slow.getState().go(i);
    expect(c.editor.getState().activeRole).toBe(role);
    c.editor.getState().setTraining({ optimizers: { generator: { lr: 0.005 } } });
    expect(c.slow.getState().status).toBe('open');
  });
});
