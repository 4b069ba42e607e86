'use client';

import { useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { useEditor } from '@/components/store/editor';
import { useTraining, useTrainingApi } from '@/components/store/training';
import { download, readWeightsZip, weightsZip } from './bundle';
import styles from './export.module.css';

const MAX_ZIP_BYTES = 512 * 2 ** 20;

const RICH = { strong: (chunks: ReactNode) => <strong>{chunks}</strong>, code: (chunks: ReactNode) => <code>{chunks}</code> };

/** Download the trained G and D in the tfjs layers format, or load such weights to go on training. */
export function WeightsPane() {
  const t = useTranslations('weights');
  const project = useEditor((s) => s.project);
  const training = useTrainingApi();
  const iteration = useTraining((s) => s.status?.iteration ?? null);
  const phase = useTraining((s) => s.phase);
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onDownload = async () => {
    setMessage(null);
    const artifacts = await training
      .getState()
      .exportWeights(project)
      .catch((err: unknown) => {
        setMessage({ tone: 'bad', text: err instanceof Error ? err.message : String(err) });
        return undefined;
      });
    if (artifacts === null) setMessage({ tone: 'bad', text: t('nothingTrained') });
    if (artifacts) download('ganvas-weights.zip', weightsZip(artifacts), 'application/zip');
  };

  const onLoad = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    if (file.size > MAX_ZIP_BYTES)
      return setMessage({ tone: 'bad', text: t('tooLarge', { name: file.name, size: (file.size / 2 ** 20).toFixed(0) }) });
    const read = readWeightsZip(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setMessage({ tone: 'bad', text: t('loadFailed', { name: file.name, message: read.message }) });
    try {
      await training.getState().importWeights(project, read.artifacts);
      setMessage({ tone: 'ok', text: t('loaded', { name: file.name }) });
    } catch (err) {
      setMessage({ tone: 'bad', text: t('loadFailed', { name: file.name, message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  return (
    <div className={styles.weights} data-testid="export-weights">
      <p>{t.rich('intro', RICH)}</p>
      <div className={styles.row}>
        <button
          type="button"
          className="btn"
          data-testid="weights-download"
          disabled={phase === 'starting'}
          onClick={() => void onDownload()}
        >
          {t('download')}
        </button>
        <span className={styles.note}>{iteration === null ? t('noRun') : t('currentRun', { iteration })}</span>
      </div>
      <div className={styles.row}>
        <button
          type="button"
          className="btn"
          data-testid="weights-load"
          disabled={phase === 'running' || phase === 'pausing' || phase === 'starting'}
          onClick={() => input.current?.click()}
        >
          {t('load')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="weights-file"
          onChange={(e) => {
            void onLoad(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className={styles.note}>{phase === 'running' ? t('pauseToLoad') : t('sameDesign')}</span>
      </div>
      {message && (
        <p
          className={message.tone === 'bad' ? styles.bad : styles.note}
          role={message.tone === 'bad' ? 'alert' : 'status'}
          data-testid="weights-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
