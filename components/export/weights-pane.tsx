'use client';

import { useRef, useState } from 'react';
import { useEditor } from '@/lib/store/provider';
import { useTraining, useTrainingApi } from '@/lib/store/training-provider';
import { download, readWeightsZip, weightsZip } from './bundle';
import styles from './export.module.css';

const MAX_ZIP_BYTES = 512 * 2 ** 20;

/** Download the trained G and D in the tfjs layers format, or load such weights to go on training. */
export function WeightsPane() {
  const project = useEditor((s) => s.project);
  const training = useTrainingApi();
  const iteration = useTraining((s) => s.status?.iteration ?? null);
  const phase = useTraining((s) => s.phase);
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onDownload = async () => {
    setMessage(null);
    const artifacts = await training.getState().exportWeights(project).catch((err: unknown) => {
      setMessage({ tone: 'bad', text: err instanceof Error ? err.message : String(err) });
      return undefined;
    });
    if (artifacts === null) setMessage({ tone: 'bad', text: 'Nothing trained for this design yet: press Train or Step first (or load weights below).' });
    if (artifacts) download('ganvas-weights.zip', weightsZip(artifacts), 'application/zip');
  };

  const onLoad = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    if (file.size > MAX_ZIP_BYTES) return setMessage({ tone: 'bad', text: `“${file.name}” is too large (${(file.size / 2 ** 20).toFixed(0)} MB).` });
    const read = readWeightsZip(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setMessage({ tone: 'bad', text: `Could not load “${file.name}”: ${read.message}. The current weights are unchanged.` });
    try {
      await training.getState().importWeights(project, read.artifacts);
      setMessage({ tone: 'ok', text: `Loaded “${file.name}”. Press Train to continue from these weights.` });
    } catch (err) {
      setMessage({ tone: 'bad', text: `Could not load “${file.name}”: ${err instanceof Error ? err.message : String(err)}. The current weights are unchanged.` });
    }
  };

  return (
    <div className={styles.weights} data-testid="export-weights">
      <p>
        The generator and the discriminator in the <strong>tfjs layers format</strong> (<code>model.json</code> + <code>weights.bin</code> per network):{' '}
        <code>tf.loadLayersModel</code> reads them, the exported TypeScript takes them with <code>--weights</code>, and the exported PyTorch converts them with{' '}
        <code>weights.py</code>.
      </p>
      <div className={styles.row}>
        <button type="button" className="btn" data-testid="weights-download" disabled={phase === 'starting'} onClick={() => void onDownload()}>
          Download weights (.zip)
        </button>
        <span className={styles.note}>{iteration === null ? 'No training run for this design yet.' : `Current run: iteration ${iteration}.`}</span>
      </div>
      <div className={styles.row}>
        <button type="button" className="btn" data-testid="weights-load" disabled={phase === 'running' || phase === 'pausing' || phase === 'starting'} onClick={() => input.current?.click()}>
          Load weights (.zip)…
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
        <span className={styles.note}>{phase === 'running' ? 'Pause training to load weights.' : 'Weights must come from the same design (same node ids and shapes).'}</span>
      </div>
      {message && (
        <p className={message.tone === 'bad' ? styles.bad : styles.note} role={message.tone === 'bad' ? 'alert' : 'status'} data-testid="weights-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
