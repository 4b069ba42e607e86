'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { DATASET_DEFAULTS, datasetInfo } from '@/lib/data/catalog';
import { ACTIONS, ACTION_IDS, actionForKey, type ActionId, type CustomAction } from '@/lib/project/actions';
import { DATASET_IDS, type DatasetId } from '@/lib/project/kinds';
import { newProject } from '@/lib/project/new-project';
import { PRESET_IDS, PRESETS, presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { controlState, type ControlId } from '@/lib/classroom/exercise';
import type { EditorStore } from '@/lib/store/editor-store';
import { useEditor, useEditorApi, useHistory } from '@/components/store/editor';
import { useLocalized } from '../i18n/use-localized';
import { controlView, type ControlView } from '../exercise/use-control';
import { useExercise } from '@/components/store/exercise';
import { describeErrors, downloadProject, readProjectFile, shareLink } from './file-actions';

/** What the header's commands open, which only the header holds. */
export interface ActionUi {
  /** Opens the file picker (Open…). */
  pickFile(): void;
  openExport(): void;
}

/** One command, bound to this editor: run it, whether it can run, and how the exercise shows it. */
export interface BoundAction {
  id: ActionId;
  /** Runs the command, unless the exercise hides or locks it or it cannot run now. */
  perform(): void;
  /** Whether it can run now (Undo with nothing to undo cannot). */
  enabled: boolean;
  view: ControlView;
  /** Its own control in the header, for the commands that are not a plain button (a select, a toggle). */
  render?: () => ReactNode;
}

export type BoundActions = Record<ActionId, BoundAction>;

/** How the exercise shows every command; a graph edit is the `graph` control's business, so always open here. */
function useViews(): Record<ActionId, ControlView> {
  const t = useTranslations('exercise');
  const exercise = useExercise((s) => s.exercise);
  const lockedTitle = t('lockedTitle');
  return Object.fromEntries(
    ACTION_IDS.map((id) => [
      id,
      controlView(ACTIONS[id].exercise === null ? 'open' : controlState(exercise, id as ControlId), lockedTitle),
    ]),
  ) as Record<ActionId, ControlView>;
}

/** Every command of the editor, bound to its stores: the header draws them and the keyboard runs them. */
export function useEditorActions(ui: ActionUi): BoundActions {
  const t = useTranslations('header');
  const tn = useTranslations('notices');
  const text = useLocalized();
  const store = useEditorApi();
  const { canUndo, canRedo } = useHistory();
  const dataset = useEditor((s) => s.project.dataset);
  const layout = useEditor((s) => s.layout);
  const views = useViews();

  const load = (project: GanProject, message: string) => loadProject(store, project, message);
  const editor = () => store.getState();
  const role = () => editor().activeRole;

  const perform: Record<ActionId, () => void | Promise<void>> = {
    dataset: () => undefined,
    new: () => load(newProject(), tn('newProject')),
    presets: () => undefined,
    open: () => ui.pickFile(),
    save: () => downloadProject(editor().project),
    share: async () => {
      const link = await shareLink(editor().project);
      await navigator.clipboard?.writeText(link).catch(() => undefined);
      editor().notify({ tone: 'info', title: tn('shareReady'), details: [link] });
    },
    export: () => ui.openExport(),
    undo: () => store.temporal.getState().undo(),
    redo: () => store.temporal.getState().redo(),
    layout: () => undefined,
    copy: () => editor().copy(role()),
    paste: () => editor().paste(role()),
    duplicate: () => editor().duplicate(role()),
    selectAll: () => editor().selectAll(role()),
    delete: () => editor().deleteSelection(role()),
  };
  const enabled: Partial<Record<ActionId, boolean>> = { undo: canUndo, redo: canRedo };
  const render: Record<CustomAction, () => ReactNode> = {
    dataset: () => (
      <label className="dataset" title={views.dataset.title}>
        <span className="muted">{t('data')}</span>
        <select
          aria-label={t('dataset')}
          data-testid="dataset"
          {...views.dataset.props}
          value={dataset.id}
          onChange={(e) => editor().setDataset(DATASET_DEFAULTS[e.target.value as DatasetId])}
        >
          {DATASET_IDS.map((id) => (
            <option key={id} value={id}>
              {text(datasetInfo(DATASET_DEFAULTS[id]).title)} [{datasetInfo(DATASET_DEFAULTS[id]).shape.join('×')}]
            </option>
          ))}
        </select>
      </label>
    ),
    presets: () => (
      <select
        className="btn"
        aria-label={t('openPreset')}
        data-testid="presets"
        {...views.presets.props}
        value=""
        onChange={(e) => {
          const id = e.target.value as (typeof PRESET_IDS)[number];
          if (PRESETS[id]) load(presetProject(id), tn('presetOpened', { title: text(PRESETS[id].title) }));
        }}
      >
        <option value="" disabled>
          {t('presets')}
        </option>
        {PRESET_IDS.map((id) => (
          <option key={id} value={id}>
            {text(PRESETS[id].title)}
          </option>
        ))}
      </select>
    ),
    layout: () => (
      <div
        className="segmented"
        role="group"
        aria-label={t('canvasLayout')}
        title={views.layout.title}
        data-locked={views.layout.locked || undefined}
      >
        {(['split', 'tabs'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={layout === mode}
            data-testid={`layout-${mode}`}
            disabled={views.layout.locked}
            onClick={() => editor().setLayout(mode)}
          >
            {t(mode)}
          </button>
        ))}
      </div>
    ),
  };

  const bound = {} as BoundActions;
  for (const id of ACTION_IDS) {
    const view = views[id];
    const can = enabled[id] ?? true;
    bound[id] = {
      id,
      enabled: can,
      view,
      perform: () => {
        if (view.hidden || view.locked || !can) return;
        void perform[id]();
      },
      ...(id in render && { render: render[id as CustomAction] }),
    };
  }
  return bound;
}

/** Opens a project file the user picked, or says why it cannot be opened; the current project stays otherwise. */
export function useOpenFile(): (file: File | undefined) => Promise<void> {
  const tn = useTranslations('notices');
  const locale = useLocale();
  const store = useEditorApi();
  return async (file) => {
    if (!file) return;
    const result = await readProjectFile(file);
    if (result.ok) loadProject(store, result.project, tn('fileOpened', { name: file.name }));
    else store.getState().notify({ tone: 'error', title: tn('fileFailed', { name: file.name }), details: describeErrors(result, locale) });
  };
}

/** Replaces the project (a new one, a preset, a file): a fresh start, so the undo history starts over too. */
function loadProject(store: EditorStore, project: GanProject, message: string): void {
  store.getState().loadProject(project);
  store.temporal.getState().clear();
  store.getState().notify({ tone: 'info', title: message });
}

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The commands' keys, page-wide, except while typing in a field; a locked or hidden command ignores its keys. */
export function useActionKeys(actions: BoundActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target)) return;
      const id = actionForKey(event);
      if (!id) return;
      event.preventDefault();
      latest.current[id].perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
