'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { DATASET_DEFAULTS, datasetInfo } from '@/lib/data/catalog';
import { DATASET_IDS, type DatasetId } from '@/lib/project/kinds';
import { newProject } from '@/lib/project/new-project';
import { PRESET_IDS, PRESETS, presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { useGraphView } from '@/components/store/graph-hooks';
import { useEditor, useEditorApi, useHistory } from '@/components/store/editor';
import { formatCount } from '../canvas/format';
import { LocaleSelect } from '../i18n/locale-select';
import { PresentationToggle } from '../presentation/presentation-toggle';
import { useLocalized } from '../i18n/use-localized';
import { ExportDialog } from '../export/export-dialog';
import { ExerciseDialog } from '../exercise/exercise-dialog';
import { useControl } from '../exercise/use-control';
import { useExercise } from '@/components/store/exercise';
import { describeErrors, downloadProject, readProjectFile, shareLink } from './file-actions';

/** Project name, parameter totals, dataset, and the project's file, history and layout actions. */
export function Header() {
  const t = useTranslations('header');
  const tn = useTranslations('notices');
  const locale = useLocale();
  const text = useLocalized();
  const store = useEditorApi();
  const name = useEditor((s) => s.project.name);
  const dataset = useEditor((s) => s.project.dataset);
  const layout = useEditor((s) => s.layout);
  const g = useGraphView('generator');
  const d = useGraphView('discriminator');
  const { canUndo, canRedo } = useHistory();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [making, setMaking] = useState(false);
  const inExercise = useExercise((s) => s.exercise !== null);
  const c = {
    new: useControl('new'),
    presets: useControl('presets'),
    open: useControl('open'),
    save: useControl('save'),
    share: useControl('share'),
    export: useControl('export'),
    dataset: useControl('dataset'),
    layout: useControl('layout'),
  };

  const load = (project: GanProject, message: string) => {
    store.getState().loadProject(project);
    store.temporal.getState().clear();
    store.getState().notify({ tone: 'info', title: message });
  };

  const onOpen = async (file: File | undefined) => {
    if (!file) return;
    const result = await readProjectFile(file);
    if (result.ok) load(result.project, tn('fileOpened', { name: file.name }));
    else store.getState().notify({ tone: 'error', title: tn('fileFailed', { name: file.name }), details: describeErrors(result, locale) });
  };

  const onShare = async () => {
    const link = await shareLink(store.getState().project);
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    store.getState().notify({ tone: 'info', title: tn('shareReady'), details: [link] });
  };

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
      {!c.dataset.hidden && (
        <label className="dataset" title={c.dataset.title}>
          <span className="muted">{t('data')}</span>
          <select
            aria-label={t('dataset')}
            data-testid="dataset"
            {...c.dataset.props}
            value={dataset.id}
            onChange={(e) => store.getState().setDataset(DATASET_DEFAULTS[e.target.value as DatasetId])}
          >
            {DATASET_IDS.map((id) => (
              <option key={id} value={id}>
                {text(datasetInfo(DATASET_DEFAULTS[id]).title)} [{datasetInfo(DATASET_DEFAULTS[id]).shape.join('×')}]
              </option>
            ))}
          </select>
        </label>
      )}
      <nav className="actions" aria-label={t('project')}>
        <Link href="/learn" className="btn" data-testid="learn-link">
          {t('learn')}
        </Link>
        <span className="divider" />
        {!c.new.hidden && (
          <button type="button" className="btn" data-testid="new" {...c.new.props} onClick={() => load(newProject(), tn('newProject'))}>
            {t('new')}
          </button>
        )}
        {!c.presets.hidden && (
          <select
            className="btn"
            aria-label={t('openPreset')}
            data-testid="presets"
            {...c.presets.props}
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
        )}
        {!c.open.hidden && (
          <button type="button" className="btn" data-testid="open" {...c.open.props} onClick={() => fileInput.current?.click()}>
            {t('open')}
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file"
          onChange={(e) => {
            void onOpen(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {!c.save.hidden && (
          <button
            type="button"
            className="btn"
            data-testid="save"
            {...c.save.props}
            onClick={() => downloadProject(store.getState().project)}
          >
            {t('save')}
          </button>
        )}
        {!c.share.hidden && (
          <button type="button" className="btn" data-testid="share" {...c.share.props} onClick={() => void onShare()}>
            {t('share')}
          </button>
        )}
        {!c.export.hidden && (
          <button type="button" className="btn" data-testid="export" {...c.export.props} onClick={() => setExporting(true)}>
            {t('export')}
          </button>
        )}
        {!inExercise && (
          <button type="button" className="btn" data-testid="make-exercise" title={t('makeExerciseTitle')} onClick={() => setMaking(true)}>
            {t('makeExercise')}
          </button>
        )}
        <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        {making && <ExerciseDialog open onClose={() => setMaking(false)} />}
        <span className="divider" />
        <button
          type="button"
          className="btn"
          data-testid="undo"
          disabled={!canUndo}
          onClick={() => store.temporal.getState().undo()}
          title={t('undoTitle')}
        >
          {t('undo')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="redo"
          disabled={!canRedo}
          onClick={() => store.temporal.getState().redo()}
          title={t('redoTitle')}
        >
          {t('redo')}
        </button>
        <span className="divider" />
        {!c.layout.hidden && (
          <div
            className="segmented"
            role="group"
            aria-label={t('canvasLayout')}
            title={c.layout.title}
            data-locked={c.layout.locked || undefined}
          >
            <button
              type="button"
              aria-pressed={layout === 'split'}
              data-testid="layout-split"
              disabled={c.layout.locked}
              onClick={() => store.getState().setLayout('split')}
            >
              {t('split')}
            </button>
            <button
              type="button"
              aria-pressed={layout === 'tabs'}
              data-testid="layout-tabs"
              disabled={c.layout.locked}
              onClick={() => store.getState().setLayout('tabs')}
            >
              {t('tabs')}
            </button>
          </div>
        )}
        <span className="divider" />
        <PresentationToggle />
        <LocaleSelect />
      </nav>
    </header>
  );
}
