'use client';

import { useTranslations } from 'use-intl';
import { BACKENDS, type BackendChoice } from '@/lib/train/backends';
import { useEditorApi } from '@/lib/store/provider';
import { useTraining, useTrainingApi } from '@/lib/store/training-provider';

/** Play/pause, single steps, reset, and the backend choice. */
export function TrainingControls({ blocked }: { blocked: boolean }) {
  const t = useTranslations('training');
  const training = useTrainingApi();
  const editor = useEditorApi();
  const phase = useTraining((s) => s.phase);
  const choice = useTraining((s) => s.backendChoice);
  const busy = phase === 'starting' || phase === 'pausing';
  const running = phase === 'running';
  const project = () => editor.getState().project;
  return (
    <div className="train-controls">
      {running ? (
        <button type="button" className="btn primary" data-testid="train-pause" onClick={() => training.getState().pause()}>
          {t('pause')}
        </button>
      ) : (
        <button type="button" className="btn primary" data-testid="train-play" disabled={blocked || busy} onClick={() => void training.getState().play(project())}>
          {phase === 'starting' ? t('starting') : phase === 'pausing' ? t('pausing') : t('train')}
        </button>
      )}
      <button type="button" className="btn" data-testid="train-step" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'both')} title={t('stepTitle')}>
        {t('step')}
      </button>
      <button type="button" className="btn" data-testid="train-step-d" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'd')} title={t('stepDTitle')}>
        {t('stepD')}
      </button>
      <button type="button" className="btn" data-testid="train-step-g" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'g')} title={t('stepGTitle')}>
        {t('stepG')}
      </button>
      <button type="button" className="btn" data-testid="train-reset" disabled={busy} onClick={() => void training.getState().reset()} title={t('resetTitle')}>
        {t('reset')}
      </button>
      <label className="backend-choice">
        <span className="muted">{t('backend')}</span>
        <select aria-label={t('backend')} data-testid="backend-choice" value={choice} disabled={running || busy} onChange={(e) => training.getState().setBackendChoice(e.target.value as BackendChoice)}>
          <option value="auto">{t('auto')}</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
