/**
 * The editor's commands as data: for each, where its control sits, which keys run it, and what an
 * exercise may do with it. The header draws its controls from this list in this order, the
 * keyboard handler reads the keys, and the exercise dialog offers the hideable and lockable ones,
 * so a new command is one entry here and one binding in components/editor/actions.tsx, and the
 * type-checker names both (after excalidraw's actions).
 */

/** Where a command's control sits: the header's groups, or nowhere (keys only, on the canvas). */
export type ActionPlace = 'data' | 'project' | 'history' | 'view' | 'canvas';

/**
 * What an exercise can do with a command: `hide` (hide or lock it), or null when it is a graph
 * edit, which the exercise's `graph` control already governs (a locked graph refuses it).
 */
export type ActionExercise = 'hide' | null;

export interface ActionSpec {
  readonly place: ActionPlace;
  /** Key chords, as `mod+shift+z`: `mod` is Ctrl, or ⌘ on a Mac; a bare key has no modifier. */
  readonly keys: readonly string[];
  readonly exercise: ActionExercise;
}

const spec = <E extends ActionExercise = 'hide'>(place: ActionPlace, keys: readonly string[] = [], exercise = 'hide' as E) => ({
  place,
  keys,
  exercise,
});

export const ACTIONS = {
  dataset: spec('data'),
  new: spec('project'),
  presets: spec('project'),
  open: spec('project'),
  save: spec('project'),
  share: spec('project'),
  export: spec('project'),
  undo: spec('history', ['mod+z']),
  redo: spec('history', ['mod+shift+z', 'mod+y']),
  layout: spec('view'),
  copy: spec('canvas', ['mod+c'], null),
  paste: spec('canvas', ['mod+v'], null),
  duplicate: spec('canvas', ['mod+d'], null),
  selectAll: spec('canvas', ['mod+a'], null),
  delete: spec('canvas', ['delete', 'backspace'], null),
} as const satisfies Record<string, ActionSpec>;

export type ActionId = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

type ExerciseAction = { [K in ActionId]: (typeof ACTIONS)[K]['exercise'] extends null ? never : K }[ActionId];

/** The commands an exercise may hide or lock, in the header's order. */
export const EXERCISE_ACTIONS = ACTION_IDS.filter((id): id is ExerciseAction => ACTIONS[id].exercise !== null);

/** The commands whose controls sit in one place, in order. */
export const actionsIn = (place: ActionPlace): ActionId[] => ACTION_IDS.filter((id) => ACTIONS[id].place === place);

/** What a key chord needs of a keyboard event. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Whether a key press is the chord (`mod+shift+z`, `delete`): the same key, and exactly the chord's modifiers. */
export function matchesChord(press: KeyPress, chord: string): boolean {
  const parts = chord.split('+');
  const key = parts.at(-1)!;
  const mod = parts.includes('mod');
  const shift = parts.includes('shift');
  return press.key.toLowerCase() === key && (press.ctrlKey || press.metaKey) === mod && press.shiftKey === shift;
}

/** The command a key press runs, if any. */
export function actionForKey(press: KeyPress): ActionId | null {
  return ACTION_IDS.find((id) => ACTIONS[id].keys.some((chord) => matchesChord(press, chord))) ?? null;
}
