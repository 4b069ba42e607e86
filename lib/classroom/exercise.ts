import { z } from 'zod';
import { bi, type BiText } from '../i18n/bi';
import { issueText, zodMessage } from '../i18n/zod-issue';
import { checkSchema, type Check } from './checks';
import { EXERCISE_ACTIONS } from '../project/actions';
import { LAYER_KINDS, type LayerKind } from '../project/kinds';
import { MAX_PROJECT_BYTES, parseProject, type ParseError } from '../project/parse';
import type { GanProject } from '../project/schema';
import { packLinkText, unpackLinkText } from '../project/share';
import { SETTING_NAMES, type SettingName } from '../project/training-settings';

/**
 * A teacher's exercise: a project plus what the student may use. It travels in a link,
 * `#x=<deflate-raw base64url of {format, version, project, exercise}>`, read with the same care as
 * a share link.
 */

/** Header actions an exercise may hide or lock: the editor's commands that say so (lib/project/actions.ts). */
export const HEADER_CONTROLS = EXERCISE_ACTIONS;
/** Training panel controls (not the settings). */
export const TRAINING_CONTROLS = ['backend', 'play', 'step', 'step-d', 'step-g', 'reset'] as const;
/**
 * Edits of the document rather than buttons: `graph` = no adding, deleting, connecting or moving
 * nodes; `params` = the inspector's parameters and labels are read-only.
 */
export const EDIT_CONTROLS = ['graph', 'params'] as const;

export type SettingControl = `setting.${SettingName}`;
export const SETTING_CONTROLS = SETTING_NAMES.map((name) => `setting.${name}` as const) as readonly SettingControl[];

/** Every control an exercise can name. */
export const CONTROL_IDS = [...HEADER_CONTROLS, ...TRAINING_CONTROLS, ...SETTING_CONTROLS, ...EDIT_CONTROLS] as const;
export type ControlId =
  (typeof HEADER_CONTROLS)[number] | (typeof TRAINING_CONTROLS)[number] | SettingControl | (typeof EDIT_CONTROLS)[number];

/** The control that hides or locks one training setting. */
export const settingControl = (name: SettingName): SettingControl => `setting.${name}`;

export const EXERCISE_LIMITS = { title: 120, instructions: 4000 } as const;

const controlId = z.enum(CONTROL_IDS as unknown as [ControlId, ...ControlId[]], {
  message: zodMessage(
    'not a control GANvas knows (such as "export", "graph" or "setting.lrD")',
    '不是 GANvas 认识的控件（例如 "export"、"graph" 或 "setting.lrD"）',
  ),
});
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'each entry may appear only once', params: { zh: '每一项只能出现一次' } });

export const exerciseSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, zodMessage('an exercise needs a title', '练习需要一个标题'))
    .max(
      EXERCISE_LIMITS.title,
      zodMessage(`a title is at most ${EXERCISE_LIMITS.title} characters`, `标题最多 ${EXERCISE_LIMITS.title} 个字符`),
    ),
  /** Plain text, shown as text (line breaks kept), never as HTML. */
  instructions: z
    .string()
    .max(
      EXERCISE_LIMITS.instructions,
      zodMessage(`instructions are at most ${EXERCISE_LIMITS.instructions} characters`, `说明最多 ${EXERCISE_LIMITS.instructions} 个字符`),
    ),
  /** The layer kinds the palette offers; null = all of them. */
  palette: uniqueList(z.enum(LAYER_KINDS), LAYER_KINDS.length).nullable(),
  hidden: uniqueList(controlId, CONTROL_IDS.length),
  locked: uniqueList(controlId, CONTROL_IDS.length),
  check: checkSchema,
});

export interface Exercise {
  title: string;
  instructions: string;
  palette: LayerKind[] | null;
  hidden: ControlId[];
  locked: ControlId[];
  check: Check;
}

/** The URL-hash key of an exercise link. */
export const EXERCISE_PARAM = 'x';
const FORMAT = 'ganvas-exercise';
const VERSION = 1;
/** A project at its largest plus room for the exercise itself. */
const MAX_LINK_BYTES = MAX_PROJECT_BYTES + 64 * 1024;

export type ExerciseLinkResult = { ok: true; project: GanProject; exercise: Exercise } | { ok: false; errors: ParseError[] };
export type ExerciseParseResult = { ok: true; exercise: Exercise } | { ok: false; errors: ParseError[] };

/** Validates an exercise alone (a link's, or one kept for the session). Never throws. */
export function parseExercise(json: unknown): ExerciseParseResult {
  try {
    const result = exerciseSchema.safeParse(json, { reportInput: true });
    if (result.success) return { ok: true, exercise: result.data as Exercise };
    return {
      ok: false,
      errors: result.error.issues
        .slice(0, 20)
        .map((issue) => ({ path: ['exercise', ...issue.path.map(String)].join('.'), ...issueText(issue) })),
    };
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 120) : 'unknown error';
    return fail('exercise', bi(`the exercise could not be read (${why})`, `无法读取练习（${why}）`));
  }
}

/** The text of an exercise link, before packing: the wrapper names its format and version. */
export function exercisePayload(project: GanProject, exercise: Exercise): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, project, exercise });
}

/** Packs a project and its exercise into the string after `#x=`. */
export async function encodeExercise(project: GanProject, exercise: Exercise): Promise<string> {
  return packLinkText(exercisePayload(project, exercise));
}

/** Reads a parsed payload: the wrapper, then the project (as any file), then the exercise. */
export function parseExercisePayload(json: unknown): ExerciseLinkResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('', bi('an exercise link holds an object with a project and an exercise', '练习链接里应是一个包含项目和练习的对象'));
  }
  const doc = json as Record<string, unknown>;
  if (doc.format !== FORMAT) return fail('format', bi('this is not a GANvas exercise', '这不是 GANvas 练习'));
  if (typeof doc.version !== 'number' || doc.version > VERSION || doc.version < 1) {
    const given = String(doc.version);
    return fail(
      'version',
      bi(
        `this exercise was made by a newer GANvas (format ${given}); this one reads format ${VERSION}`,
        `这个练习由更新版本的 GANvas 制作（格式 ${given}）；当前版本只能读取格式 ${VERSION}`,
      ),
    );
  }
  const extra = Object.keys(doc).find((k) => !['format', 'version', 'project', 'exercise'].includes(k));
  if (extra !== undefined) {
    const field = extra.slice(0, 40);
    return fail(extra, bi(`an exercise link has no field "${field}"`, `练习链接中没有字段 "${field}"`));
  }
  const project = parseProject(doc.project);
  if (!project.ok) return { ok: false, errors: project.errors.map((e) => ({ ...e, path: e.path ? `project.${e.path}` : 'project' })) };
  const exercise = parseExercise(doc.exercise);
  if (!exercise.ok) return exercise;
  return { ok: true, project: project.project, exercise: exercise.exercise };
}

/**
 * Reads an exercise link's string. Never throws: everything that fails a share link fails here
 * the same way, and so do an invalid exercise (unknown control ids, a malformed check).
 */
export async function decodeExercise(encoded: string): Promise<ExerciseLinkResult> {
  const unpacked = await unpackLinkText(encoded, MAX_LINK_BYTES);
  if (!unpacked.ok) return fail('', unpacked);
  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return fail('', bi('the link is damaged: its data is not valid JSON', '链接已损坏：其中的数据不是有效的 JSON'));
  }
  return parseExercisePayload(json);
}

/** Finds the exercise string in a location hash such as `#x=...`. */
export function exerciseFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(EXERCISE_PARAM);
}

function fail(path: string, text: BiText): { ok: false; errors: ParseError[] } {
  return { ok: false, errors: [{ path, en: text.en, zh: text.zh }] };
}

/** What a student sees of one control: as usual, not at all, or disabled. Hidden wins over locked. */
export type ControlState = 'open' | 'hidden' | 'locked';

/** The state of a control under an exercise; everything is open outside exercise mode. */
export function controlState(exercise: Exercise | null, id: ControlId): ControlState {
  if (!exercise) return 'open';
  if (exercise.hidden.includes(id)) return 'hidden';
  return exercise.locked.includes(id) ? 'locked' : 'open';
}
