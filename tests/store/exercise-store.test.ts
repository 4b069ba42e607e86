import { describe, expect, it } from 'vitest';
import type { Exercise } from '@/lib/classroom/exercise';
import { presetProject } from '@/lib/project/presets';
import { createEditorStore, NO_LOCKS } from '@/lib/store/editor-store';
import { createExerciseStore, editLocksFor } from '@/lib/store/exercise-store';

const EXERCISE: Exercise = {
  title: 'Train it',
  instructions: '',
  palette: ['dense', 'activation'],
  hidden: ['export'],
  locked: ['graph'],
  check: { kind: 'iterations', atLeast: 5 },
};

const ring = () => createEditorStore(presetProject('gan-2d-ring'));

describe('edit locks', () => {
  it('a locked graph refuses every structural edit, whichever way it is asked', () => {
    const store = ring();
    store.getState().setLocks({ ...NO_LOCKS, graph: true });
    const before = store.getState().project;
    const s = () => store.getState();
    expect(s().addNode('generator', 'dense', { x: 0, y: 0 })).toBe('');
    expect(s().connect('generator', { source: 'z', target: 'g2' })).toMatchObject({
      ok: false,
      reason: { en: expect.stringMatching(/locks the graph/), zh: expect.stringMatching(/锁定了图/) },
    });
    s().deleteElements('generator', ['g1'], ['z-g1']);
    s().setSelection('generator', { nodes: ['g2'], edges: ['g2-g2a'] });
    s().deleteSelection('generator');
    s().dragNodes('generator', { g1: { x: 999, y: 999 } });
    s().endDrag();
    s().copy('generator');
    s().paste('generator');
    s().duplicate('generator');
    s().autoLayout('generator');
    expect(s().project).toBe(before);
    expect(s().drag).toBeNull();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    // Params are a separate lock: still editable here.
    s().updateParams('generator', 'g1', { units: 32 });
    s().setLabel('generator', 'g1', 'first');
    expect(s().project.generator.nodes.find((n) => n.id === 'g1')).toMatchObject({ params: { units: 32 }, label: 'first' });
  });

  it('locked params refuse param and label edits but not the graph', () => {
    const store = ring();
    store.getState().setLocks({ ...NO_LOCKS, params: true });
    const before = store.getState().project;
    store.getState().updateParams('generator', 'g1', { units: 32 });
    store.getState().setLabel('generator', 'g1', 'first');
    expect(store.getState().project).toBe(before);
    expect(store.getState().addNode('generator', 'dense', { x: 0, y: 0 })).not.toBe('');
  });

  it('only the offered layer kinds can be added, pasted or duplicated', () => {
    const store = ring();
    store.getState().setLocks({ ...NO_LOCKS, kinds: ['activation'] });
    const s = () => store.getState();
    expect(s().addNode('generator', 'dense', { x: 0, y: 0 })).toBe('');
    const act = s().addNode('generator', 'activation', { x: 0, y: 0 });
    expect(act).not.toBe('');
    const count = s().project.generator.nodes.length;
    s().setSelection('generator', { nodes: ['g1'], edges: [] });
    s().copy('generator');
    s().paste('generator');
    s().duplicate('generator');
    expect(s().project.generator.nodes).toHaveLength(count);
    s().setSelection('generator', { nodes: ['g1a'], edges: [] });
    s().duplicate('generator');
    expect(s().project.generator.nodes).toHaveLength(count + 1);
  });
});

describe('exercise store', () => {
  it('sets the editor locks on entering and clears them on leaving', () => {
    const editor = ring();
    const exercises = createExerciseStore(editor, { exercise: EXERCISE });
    expect(editor.getState().locks).toEqual({ graph: true, params: false, kinds: ['dense', 'activation'] });
    exercises.getState().markCompleted();
    expect(exercises.getState().completed).toBe(true);
    exercises.getState().leave();
    expect(exercises.getState()).toMatchObject({ exercise: null, completed: false });
    expect(editor.getState().locks).toBe(NO_LOCKS);
    exercises.getState().markCompleted();
    expect(exercises.getState().completed).toBe(false);
    exercises.getState().enter({ ...EXERCISE, locked: ['params'], palette: null });
    expect(editor.getState().locks).toEqual({ graph: false, params: true, kinds: null });
  });

  it('hiding the graph or the params locks them too', () => {
    expect(editLocksFor({ ...EXERCISE, locked: [], hidden: ['graph', 'params'] })).toMatchObject({ graph: true, params: true });
    expect(editLocksFor(null)).toBe(NO_LOCKS);
  });
});
