'use client';

import { useTranslations } from 'use-intl';
import { BACKENDS, type BackendChoice } from '@/lib/train/backends';
import { useEditorApi } from '@/components/store/editor';
import { useTraining, useTrainingApi } from '@/components/store/training';
import { useControl } from '../exercise/use-control';

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
  // An exercise may hide or lock any of these.
  const c = {
    play: useControl('play'),
    step: useControl('step'),
    stepD: useControl('step-d'),
    stepG: useControl('step-g'),
    reset: useControl('reset'),
    backend: useControl('backend'),
  };
  return (
    <div className="train-controls">
      {c.play.hidden ? null : running ? (
        <button type="button" className="btn primary" data-testid="train-pause" onClick={() => training.getState().pause()}>
          {t('pause')}
        </button>
      ) : (
        <button
          type="button"
          className="btn primary"
          data-testid="train-play"
          disabled={blocked || busy || c.play.locked}
          data-locked={c.play.props['data-locked']}
          title={c.play.title}
          onClick={() => void training.getState().play(project())}
        >
          {phase === 'starting' ? t('starting') : phase === 'pausing' ? t('pausing') : t('train')}
        </button>
      )}
      {!c.step.hidden && (
        <button
          type="button"
          className="btn"
          data-testid="train-step"
          disabled={blocked || busy || running || c.step.locked}
          data-locked={c.step.props['data-locked']}
          onClick={() => void training.getState().step(project(), 'both')}
          title={c.step.title ?? t('stepTitle')}
        >
          {t('step')}
        </button>
      )}
      {!c.stepD.hidden && (
        <button
          type="button"
          className="btn"
          data-testid="train-step-d"
          disabled={blocked || busy || running || c.stepD.locked}
          data-locked={c.stepD.props['data-locked']}
          onClick={() => void training.getState().step(project(), 'd')}
          title={c.stepD.title ?? t('stepDTitle')}
        >
          {t('stepD')}
        </button>
      )}
      {!c.stepG.hidden && (
        <button
          type="button"
          className="btn"
          data-testid="train-step-g"
          disabled={blocked || busy || running || c.stepG.locked}
          data-locked={c.stepG.props['data-locked']}
          onClick={() => void training.getState().step(project(), 'g')}
          title={c.stepG.title ?? t('stepGTitle')}
        >
          {t('stepG')}
        </button>
      )}
      {!c.reset.hidden && (
        <button
          type="button"
          className="btn"
          data-testid="train-reset"
          disabled={busy || c.reset.locked}
          data-locked={c.reset.props['data-locked']}
          onClick={() => void training.getState().reset()}
          title={c.reset.title ?? t('resetTitle')}
        >
          {t('reset')}
        </button>
      )}
      {!c.backend.hidden && (
        <label className="backend-choice" title={c.backend.title}>
          <span className="muted">{t('backend')}</span>
          <select
            aria-label={t('backend')}
            data-testid="backend-choice"
            value={choice}
            disabled={running || busy || c.backend.locked}
            data-locked={c.backend.props['data-locked']}
            onChange={(e) => training.getState().setBackendChoice(e.target.value as BackendChoice)}
          >
            <option value="auto">{t('auto')}</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
