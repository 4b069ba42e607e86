'use client';

import { useRef, useState } from 'react';
import { DATASET_DEFAULTS, datasetInfo } from '@/lib/data/catalog';
import { DATASET_IDS, type DatasetId } from '@/lib/project/kinds';
import { newProject } from '@/lib/project/new-project';
import { PRESET_IDS, PRESETS, presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { useGraphView } from '@/lib/store/hooks';
import { useEditor, useEditorApi, useHistory } from '@/lib/store/provider';
import { formatCount } from '../canvas/format';
import { ExportDialog } from '../export/export-dialog';
import { describeErrors, downloadProject, readProjectFile, shareLink } from './file-actions';

/** Project name, parameter totals, dataset, and the project's file, history and layout actions. */
export function Header() {
  const store = useEditorApi();
  const name = useEditor((s) => s.project.name);
  const dataset = useEditor((s) => s.project.dataset);
  const layout = useEditor((s) => s.layout);
  const g = useGraphView('generator');
  const d = useGraphView('discriminator');
  const { canUndo, canRedo } = useHistory();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);

  const load = (project: GanProject, message: string) => {
    store.getState().loadProject(project);
    store.temporal.getState().clear();
    store.getState().notify({ tone: 'info', title: message });
  };

  const onOpen = async (file: File | undefined) => {
    if (!file) return;
    const result = await readProjectFile(file);
    if (result.ok) load(result.project, `Opened “${file.name}”`);
    else store.getState().notify({ tone: 'error', title: `Could not open “${file.name}”. Your project is unchanged.`, details: describeErrors(result) });
  };

  const onShare = async () => {
    const link = await shareLink(store.getState().project);
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    store.getState().notify({ tone: 'info', title: 'Share link ready (copied if your browser allows). Anyone who opens it gets a copy.', details: [link] });
  };

  return (
    <header className="editor-header">
      <div className="brand">
        GAN<span>vas</span>
      </div>
      <input
        className="project-name"
        aria-label="Project name"
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
        <span className="muted">params</span>
      </div>
      <label className="dataset">
        <span className="muted">Data</span>
        <select
          aria-label="Dataset"
          data-testid="dataset"
          value={dataset.id}
          onChange={(e) => store.getState().setDataset(DATASET_DEFAULTS[e.target.value as DatasetId])}
        >
          {DATASET_IDS.map((id) => (
            <option key={id} value={id}>
              {datasetInfo(DATASET_DEFAULTS[id]).title.en} [{datasetInfo(DATASET_DEFAULTS[id]).shape.join('×')}]
            </option>
          ))}
        </select>
      </label>
      <nav className="actions" aria-label="Project">
        <button type="button" className="btn" data-testid="new" onClick={() => load(newProject(), 'New project')}>
          New
        </button>
        <select
          className="btn"
          aria-label="Open a preset"
          data-testid="presets"
          value=""
          onChange={(e) => {
            const id = e.target.value as (typeof PRESET_IDS)[number];
            if (PRESETS[id]) load(presetProject(id), `Opened preset “${PRESETS[id].title.en}”`);
          }}
        >
          <option value="" disabled>
            Presets…
          </option>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].title.en}
            </option>
          ))}
        </select>
        <button type="button" className="btn" data-testid="open" onClick={() => fileInput.current?.click()}>
          Open…
        </button>
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
        <button type="button" className="btn" data-testid="save" onClick={() => downloadProject(store.getState().project)}>
          Save
        </button>
        <button type="button" className="btn" data-testid="share" onClick={() => void onShare()}>
          Share
        </button>
        <button type="button" className="btn" data-testid="export" onClick={() => setExporting(true)}>
          Export…
        </button>
        <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        <span className="divider" />
        <button type="button" className="btn" data-testid="undo" disabled={!canUndo} onClick={() => store.temporal.getState().undo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" className="btn" data-testid="redo" disabled={!canRedo} onClick={() => store.temporal.getState().redo()} title="Redo (Shift+Ctrl+Z)">
          Redo
        </button>
        <span className="divider" />
        <div className="segmented" role="group" aria-label="Canvas layout">
          <button type="button" aria-pressed={layout === 'split'} data-testid="layout-split" onClick={() => store.getState().setLayout('split')}>
            Side by side
          </button>
          <button type="button" aria-pressed={layout === 'tabs'} data-testid="layout-tabs" onClick={() => store.getState().setLayout('tabs')}>
            Tabs
          </button>
        </div>
      </nav>
    </header>
  );
}
