'use client';

import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { datasetInfo } from '@/lib/data/catalog';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { currentStep } from '@/lib/store/slow-motion-store';
import { useSlowMotion, useSlowMotionApi } from '@/components/store/slow-motion';
import { useTraining } from '@/components/store/training';
import type { SubStep } from '@/lib/train/slow-motion';
import type { IterationTrace } from '@/lib/train/trace';
import { SlowMotionPicture } from './slow-motion-picture';
import { useSubStepText } from './slow-motion-text';
import styles from './slow-motion.module.css';

/**
 * Slow motion in the Train tab: a button that runs one traced iteration, then its sub-steps one
 * at a time (Next/Back or ←/→ while the panel has focus), each captioned, with a picture where
 * it helps, while the canvases highlight the network at work.
 */
export function SlowMotionPanel({ blocked }: { blocked: boolean }) {
  const t = useTranslations('slowMotion');
  const api = useSlowMotionApi();
  const editor = useEditorApi();
  const status = useSlowMotion((s) => s.status);
  const phase = useTraining((s) => s.phase);
  const busy = phase === 'starting' || phase === 'pausing' || phase === 'running';

  if (status !== 'open') {
    return (
      <div className={styles.launcher}>
        <button
          type="button"
          className="btn"
          data-testid="slowmo-open"
          disabled={blocked || busy || status === 'loading'}
          title={t('openTitle')}
          onClick={() => void api.getState().open(editor.getState().project)}
        >
          {status === 'loading' ? t('loading') : t('open')}
        </button>
        <span className="muted">{t('openHint')}</span>
      </div>
    );
  }
  return <OpenPanel />;
}

function OpenPanel() {
  const t = useTranslations('slowMotion');
  const api = useSlowMotionApi();
  const trace = useSlowMotion((s) => s.trace);
  const step = useSlowMotion(currentStep);
  const index = useSlowMotion((s) => s.index);
  const total = useSlowMotion((s) => s.steps.length);
  const dataset = useEditor((s) => s.project.dataset);
  const dataRange = useMemo(() => datasetInfo(dataset).range, [dataset]);
  const panel = useRef<HTMLElement>(null);

  // Focus the panel when it opens, so that the arrow keys work at once.
  useEffect(() => panel.current?.focus(), []);

  if (!trace || !step) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') api.getState().next();
    else if (event.key === 'ArrowLeft') api.getState().back();
    else if (event.key === 'Escape') api.getState().close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <section
      ref={panel}
      className={styles.panel}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('label')}
      data-testid="slowmo-panel"
      data-phase={step.phase}
      data-kind={step.kind}
    >
      <header className={styles.head}>
        <h3 className={styles.title}>{t('title', { iteration: trace.iteration })}</h3>
        <button type="button" className="btn small" data-testid="slowmo-close" onClick={() => api.getState().close()}>
          {t('close')}
        </button>
      </header>
      <Progress index={index} total={total} />
      <Body step={step} trace={trace} dataRange={dataRange} />
      <footer className={styles.foot}>
        <button type="button" className="btn" data-testid="slowmo-back" disabled={index === 0} onClick={() => api.getState().back()}>
          {t('back')}
        </button>
        <span className="muted">{t('keys')}</span>
        <button
          type="button"
          className="btn primary"
          data-testid="slowmo-next"
          disabled={index === total - 1}
          onClick={() => api.getState().next()}
        >
          {t('next')}
        </button>
      </footer>
    </section>
  );
}

/** "sub-step 3 of 14" and one dot per sub-step, coloured by the network it trains. */
function Progress({ index, total }: { index: number; total: number }) {
  const t = useTranslations('slowMotion');
  const api = useSlowMotionApi();
  const steps = useSlowMotion((s) => s.steps);
  return (
    <div className={styles.progress}>
      <span data-testid="slowmo-progress">{t('progress', { current: index + 1, total })}</span>
      <ol className={styles.dots}>
        {steps.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              tabIndex={-1}
              aria-label={t('progress', { current: i + 1, total })}
              className={`${styles.dot} ${styles[`dot-${s.phase}`]}${i === index ? ` ${styles.current}` : ''}${i < index ? ` ${styles.seen}` : ''}`}
              onClick={() => api.getState().go(i)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function Body({ step, trace, dataRange }: { step: SubStep; trace: IterationTrace; dataRange: [number, number] }) {
  const { caption, detail } = useSubStepText(step, trace);
  return (
    <div className={styles.body}>
      <p className={`${styles.caption} ${styles[`caption-${step.phase}`]}`} data-testid="slowmo-caption" aria-live="polite">
        {caption}
      </p>
      <p className={styles.detail} data-testid="slowmo-detail">
        {detail}
      </p>
      <SlowMotionPicture step={step} trace={trace} dataRange={dataRange} />
    </div>
  );
}
