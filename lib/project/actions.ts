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
  /** `button`: a plain button named by its header label; `custom`: a control of its own (a select, a toggle); `keys`: no control. */
  readonly control: 'button' | 'custom' | 'keys';
  /** Key chords, as `mod+shift+z`: `mod` is Ctrl, or ⌘ on a Mac; a bare key has no modifier. */
  readonly keys: readonly string[];
  readonly exercise: ActionExercise;
}

const button = (place: 'project' | 'history', keys: readonly string[] = []) =>
  ({ place, control: 'button', keys, exercise: 'hide' }) as const;
const custom = (place: 'data' | 'project' | 'view') => ({ place, control: 'custom', keys: [], exercise: 'hide' }) as const;
const edit = (keys: readonly string[]) => ({ place: 'canvas', control: 'keys', keys, exercise: null }) as const;

export const ACTIONS = {
  dataset: custom('data'),
  new: button('project'),
  presets: custom('project'),
  open: button('project'),
  save: button('project'),
  share: button('project'),
  export: button('project'),
  undo: button('history', ['mod+z']),
  redo: button('history', ['mod+shift+z', 'mod+y']),
  layout: custom('view'),
  copy: edit(['mod+c']),
  paste: edit(['mod+v']),
  duplicate: edit(['mod+d']),
  selectAll: edit(['mod+a']),
  delete: edit(['delete', 'backspace']),
} as const satisfies Record<string, ActionSpec>;

export type ActionId = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

type ActionsWhere<F extends keyof ActionSpec, V> = { [K in ActionId]: (typeof ACTIONS)[K][F] extends V ? K : never }[ActionId];
/** The commands shown as a plain button: each needs a label in the header's messages. */
export type ButtonAction = ActionsWhere<'control', 'button'>;
/** The commands that draw a control of their own: each needs a `render` in components/editor/actions.tsx. */
export type CustomAction = ActionsWhere<'control', 'custom'>;
type ExerciseAction = Exclude<ActionId, ActionsWhere<'exercise', null>>;

/** The commands an exercise may hide or lock, in the header's order. */
export const EXERCISE_ACTIONS = ACTION_IDS.filter((id): id is ExerciseAction => ACTIONS[id].exercise !== null);

/** The commands whose controls sit in one place, in order. */
export const actionsIn = (place: ActionPlace): ActionId[] => ACTION_IDS.filter((id) => ACTIONS[id].place === place);

/** Whether a command is a plain button. */
export const isButton = (id: ActionId): id is ButtonAction => ACTIONS[id].control === 'button';

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
