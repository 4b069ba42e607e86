import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_IDS, actionForKey, actionsIn, EXERCISE_ACTIONS, matchesChord, type KeyPress } from '@/lib/project/actions';
import { CONTROL_IDS, controlState, exercisePayload, parseExercisePayload } from '@/lib/classroom/exercise';
import { presetProject } from '@/lib/project/presets';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('the action registry', () => {
  it('maps each key chord to its command, with exactly its modifiers', () => {
    expect(actionForKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(actionForKey(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(actionForKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(actionForKey(press('c', { ctrlKey: true }))).toBe('copy');
    expect(actionForKey(press('v', { metaKey: true }))).toBe('paste');
    expect(actionForKey(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(actionForKey(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(actionForKey(press('Delete'))).toBe('delete');
    expect(actionForKey(press('Backspace'))).toBe('delete');
    // Plain letters are typing, and a chord with a modifier it does not name is another chord.
    expect(actionForKey(press('z'))).toBeNull();
    expect(actionForKey(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(actionForKey(press('Delete', { ctrlKey: true }))).toBeNull();
    expect(matchesChord(press('z', { ctrlKey: true, shiftKey: true }), 'mod+z')).toBe(false);
  });

  it('gives no two commands the same chord', () => {
    const chords = ACTION_IDS.flatMap((id) => ACTIONS[id].keys);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('offers exercises every header command, undo and redo included, and no graph edit (the graph control governs those)', () => {
    expect(EXERCISE_ACTIONS).toEqual(['dataset', 'new', 'presets', 'open', 'save', 'share', 'export', 'undo', 'redo', 'layout']);
    for (const id of actionsIn('canvas')) expect(CONTROL_IDS as readonly string[]).not.toContain(id);
    expect(actionsIn('history')).toEqual(['undo', 'redo']);
  });

  it('lets an exercise link lock undo and redo', () => {
    const exercise = {
      title: 'No going back',
      instructions: '',
      palette: null,
      hidden: ['redo'],
      locked: ['undo'],
      check: { kind: 'valid' },
    } as const;
    const parsed = parseExercisePayload(
      JSON.parse(exercisePayload(presetProject('gan-1d-gaussian'), { ...exercise, hidden: ['redo'], locked: ['undo'] })),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(controlState(parsed.exercise, 'undo')).toBe('locked');
    expect(controlState(parsed.exercise, 'redo')).toBe('hidden');
  });
});
