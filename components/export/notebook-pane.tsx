'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { ICell } from '@jupyterlab/nbformat';
import type { NotebookExport } from '@/lib/export/notebook';
import type { DatasetRef } from '@/lib/project/schema';
import { datasetFile, download } from './bundle';
import { CodeView } from './code-view';
import styles from './export.module.css';

const PICTURE = /^!\[[^\]]*\]\((data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)\)$/;

const cellText = (cell: ICell) => (typeof cell.source === 'string' ? cell.source : cell.source.join(''));

/** One cell of the preview: markdown as text (its picture as an image), code with colours. */
function CellView({ cell, index }: { cell: ICell; index: number }) {
  const t = useTranslations('export');
  const lines = cellText(cell).split('\n');
  const picture = lines.map((l) => PICTURE.exec(l)?.[1]).find((uri) => uri !== undefined);
  const shown = picture ? lines.filter((l) => !PICTURE.test(l)).join('\n') : lines.join('\n');
  return (
    <section className={styles.cell} data-testid={`notebook-cell-${index + 1}`}>
      <div className={styles.cellHead}>
        [{index + 1}] {cell.cell_type === 'code' ? t('notebookCode') : t('notebookMarkdown')}
      </div>
      <CodeView code={shown} language={cell.cell_type === 'code' ? 'python' : 'markdown'} />
      {picture && (
        // Our own SVG of the two graphs, shown as an image: nothing in it runs.
        <img className={styles.picture} src={picture} alt={t('notebookPicture')} />
      )}
    </section>
  );
}

/** The Jupyter tab: the notebook cell by cell, and its download (plus data.bin for image sets). */
export function NotebookPane({ notebook, dataset }: { notebook: NotebookExport; dataset: DatasetRef }) {
  const t = useTranslations('export');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const downloadData = async () => {
    setBusy(true);
    setProblem(null);
    try {
      download('data.bin', await datasetFile(dataset), 'application/octet-stream');
    } catch (err) {
      setProblem(t('packFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const torchvision = dataset.id === 'mnist' || dataset.id === 'fashion-mnist';
  return (
    <>
      <div className={styles.codeWrap} data-testid="notebook-preview">
        {notebook.notebook.cells.map((cell, i) => (
          <CellView key={String(cell.id ?? i)} cell={cell} index={i} />
        ))}
      </div>
      <div className={styles.foot}>
        <button
          type="button"
          className="btn"
          data-testid="export-notebook-download"
          onClick={() => download(notebook.fileName, notebook.text, 'application/x-ipynb+json')}
        >
          {t('download', { file: notebook.fileName })}
        </button>
        {notebook.needsDataFile && (
          <button type="button" className="btn" data-testid="export-notebook-data" disabled={busy} onClick={() => void downloadData()}>
            {busy ? t('packing') : t('download', { file: 'data.bin' })}
          </button>
        )}
        <span className={styles.note} data-testid="export-notebook-note">
          {notebook.needsDataFile ? (torchvision ? t('notebookDataSet') : t('notebookDataImages')) : t('notebookRun')}
        </span>
        {problem && <span className={styles.bad}>{problem}</span>}
      </div>
    </>
  );
}
