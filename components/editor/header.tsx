'use client';

import Link from 'next/link';
import { Fragment, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { actionsIn, isButton, type ActionPlace, type ButtonAction } from '@/lib/project/actions';
import { useGraphView } from '@/components/store/graph-hooks';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { formatCount } from '../canvas/format';
import { LocaleSelect } from '../i18n/locale-select';
import { PresentationToggle } from '../presentation/presentation-toggle';
import { ExportDialog } from '../export/export-dialog';
import { ExerciseDialog } from '../exercise/exercise-dialog';
import { useExercise } from '@/components/store/exercise';
import { useActionKeys, useEditorActions, useOpenFile, type BoundAction } from './actions';

/** The header's plain buttons: their label, and a tooltip where the label needs one. */
const TITLES: Partial<Record<ButtonAction, 'undoTitle' | 'redoTitle'>> = { undo: 'undoTitle', redo: 'redoTitle' };

/** Project name, parameter totals, dataset, and the editor's commands (lib/project/actions.ts), which also own the keys. */
export function Header() {
  const t = useTranslations('header');
  const store = useEditorApi();
  const name = useEditor((s) => s.project.name);
  const g = useGraphView('generator');
  const d = useGraphView('discriminator');
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [making, setMaking] = useState(false);
  const inExercise = useExercise((s) => s.exercise !== null);
  const openFile = useOpenFile();
  const actions = useEditorActions({ pickFile: () => fileInput.current?.click(), openExport: () => setExporting(true) });
  useActionKeys(actions);

  const control = (action: BoundAction) => {
    if (action.view.hidden) return null;
    if (!isButton(action.id)) return action.render ? <Fragment key={action.id}>{action.render()}</Fragment> : null;
    const id: ButtonAction = action.id;
    const title = TITLES[id];
    return (
      <button
        key={action.id}
        type="button"
        className="btn"
        data-testid={id}
        {...action.view.props}
        disabled={action.view.locked || !action.enabled}
        title={action.view.title ?? (title && t(title))}
        onClick={action.perform}
      >
        {t(id)}
      </button>
    );
  };
  const group = (place: ActionPlace) => actionsIn(place).map((id) => control(actions[id]));

  return (
    <header className="editor-header">
      <div className="brand">
        GAN<span>vas</span>
      </div>
      <input
        className="project-name"
        aria-label={t('projectName')}
        data-testid="project-name"
        maxLength={200}
        size={Math.min(40, Math.max(14, name.length + 1))}
        value={name}
        onChange={(e) => store.getState().rename(e.target.value)}
      />
      <div className="totals" data-testid="totals">
        <span>
          G <strong data-testid="params-generator">{formatCount(g.totalParams)}</strong>
        </span>
        <span>
          D <strong data-testid="params-discriminator">{formatCount(d.totalParams)}</strong>
        </span>
        <span className="muted">{t('params')}</span>
      </div>
      {group('data')}
      <nav className="actions" aria-label={t('project')}>
        <Link href="/learn" className="btn" data-testid="learn-link">
          {t('learn')}
        </Link>
        <span className="divider" />
        {group('project')}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {!inExercise && (
          <button type="button" className="btn" data-testid="make-exercise" title={t('makeExerciseTitle')} onClick={() => setMaking(true)}>
            {t('makeExercise')}
          </button>
        )}
        <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        {making && <ExerciseDialog open onClose={() => setMaking(false)} />}
        <span className="divider" />
        {group('history')}
        <span className="divider" />
        {group('view')}
        <span className="divider" />
        <PresentationToggle />
        <LocaleSelect />
      </nav>
    </header>
  );
}
