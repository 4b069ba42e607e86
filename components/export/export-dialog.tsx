'use client';

import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { CompileError } from '@/lib/compiler/errors';
import { isLocale, localized } from '@/lib/i18n/locale';
import { exportNotebook, type NotebookExport } from '@/lib/export/notebook';
import { exportPyTorch } from '@/lib/export/pytorch';
import { DATA_FILE, exportTypeScript } from '@/lib/export/typescript';
import type { GanProject } from '@/lib/project/schema';
import { useEditor } from '@/components/store/editor';
import { datasetFile, download, zipFolder } from './bundle';
import { DialogHead, useModalDialog } from '../modal';
import { CodeView } from './code-view';
import styles from './export.module.css';
import { NotebookPane } from './notebook-pane';
import { WeightsPane } from './weights-pane';

type Tab = 'typescript' | 'pytorch' | 'notebook' | 'weights';
type Files = { path: string; text: string }[];

const language = (path: string) =>
  path.endsWith('.py') ? 'python' : path.endsWith('.json') ? 'json' : path.endsWith('.md') ? 'markdown' : 'typescript';

type Exports = { typescript: Files; pytorch: Files; notebook: NotebookExport | null; needsData: boolean } | { error: string };
const CLOSED: Exports = { typescript: [], pytorch: [], notebook: null, needsData: false };

/**
 * Both exports, or why there are none (a graph with errors). The dialog stays mounted, so only an
 * open one generates code: a closed one must not add two emitters to every edit.
 */
function useExports(project: GanProject, open: boolean): Exports {
  const t = useTranslations('export');
  const locale = useLocale();
  return useMemo(() => {
    if (!open) return CLOSED;
    try {
      const ts = exportTypeScript(project);
      return {
        typescript: ts.files,
        pytorch: exportPyTorch(project).files,
        notebook: exportNotebook(project, isLocale(locale) ? locale : 'en'),
        needsData: ts.needsDataFile,
      };
    } catch (err) {
      if (err instanceof CompileError) {
        const first = err.diagnostics[0];
        return { error: t('fixErrors', { count: err.diagnostics.length, message: first ? localized(first, locale) : '' }) };
      }
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [project, open, t, locale]);
}

/** Export: the design as TypeScript (tfjs) and PyTorch code, and the trained weights. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('export');
  const project = useEditor((s) => s.project);
  const dialog = useModalDialog(open);
  const [tab, setTab] = useState<Tab>('typescript');
  const [file, setFile] = useState<Record<'typescript' | 'pytorch', string>>({ typescript: 'src/gan.ts', pytorch: 'models.py' });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const exports = useExports(project, open);

  const files = 'error' in exports || tab === 'weights' || tab === 'notebook' ? [] : exports[tab];
  const current = tab === 'weights' || tab === 'notebook' ? undefined : (files.find((f) => f.path === file[tab]) ?? files[0]);
  const folder = tab === 'pytorch' ? 'ganvas-pytorch' : 'ganvas-tfjs';

  const downloadProject = async () => {
    if ('error' in exports || tab === 'weights' || tab === 'notebook') return;
    setBusy(t('packing'));
    setProblem(null);
    try {
      const extra = exports.needsData
        ? [{ path: tab === 'pytorch' ? 'data.bin' : DATA_FILE, bytes: await datasetFile(project.dataset) }]
        : [];
      download(`${folder}.zip`, zipFolder(folder, [...files, ...extra]), 'application/zip');
    } catch (err) {
      setProblem(t('packFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} data-testid="export-dialog" aria-label={t('title')}>
      <div className={styles.body}>
        <DialogHead
          title={t('title')}
          note={t('note')}
          closeLabel={t('close')}
          closeTestId="export-close"
          onClose={onClose}
          classes={styles}
        />
        <div className={styles.tabs} role="tablist">
          {(['typescript', 'pytorch', 'notebook', 'weights'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              data-testid={`export-tab-${id}`}
              onClick={() => setTab(id)}
            >
              {id === 'typescript' ? 'TypeScript (tfjs)' : id === 'pytorch' ? 'PyTorch' : id === 'notebook' ? 'Jupyter' : t('weightsTab')}
            </button>
          ))}
        </div>
        {tab === 'weights' ? (
          <WeightsPane />
        ) : 'error' in exports ? (
          <p className={`${styles.weights} ${styles.bad}`} role="alert" data-testid="export-error">
            {exports.error}
          </p>
        ) : tab === 'notebook' ? (
          exports.notebook && <NotebookPane notebook={exports.notebook} dataset={project.dataset} />
        ) : (
          <div className={styles.pane}>
            <nav className={styles.files} aria-label={t('files')}>
              {files.map((f) => (
                <button
                  key={f.path}
                  type="button"
                  aria-pressed={f.path === current?.path}
                  onClick={() => setFile({ ...file, [tab]: f.path })}
                  data-testid={`export-file-${f.path}`}
                >
                  {f.path}
                </button>
              ))}
            </nav>
            <div className={styles.codeWrap}>{current && <CodeView code={current.text} language={language(current.path)} />}</div>
          </div>
        )}
        {tab !== 'weights' && current && (
          <div className={styles.foot}>
            <button
              type="button"
              className="btn"
              data-testid="export-copy"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(current.text)
                  .then(() => {
                    setCopied(true);
                    setTimeout(() => setCopied(false), 1500);
                  })
                  .catch(() => setProblem(t('copyDenied')))
              }
            >
              {copied ? t('copied') : t('copy')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="export-download"
              onClick={() => download(current.path.split('/').pop()!, current.text)}
            >
              {t('download', { file: current.path.split('/').pop() ?? current.path })}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="export-project"
              disabled={busy !== null}
              onClick={() => void downloadProject()}
            >
              {busy ?? t('downloadProject')}
            </button>
            <span className={styles.note}>{tab === 'typescript' ? t('runTypeScript') : t('runPyTorch')}</span>
            {problem && <span className={styles.bad}>{problem}</span>}
          </div>
        )}
      </div>
    </dialog>
  );
}
