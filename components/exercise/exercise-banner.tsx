'use client';

import { useEffect } from 'react';
import { useTranslations } from 'use-intl';
import { evaluateCheck, type Check } from '@/lib/classroom/checks';
import { describeCheck } from '@/lib/classroom/describe';
import { useExercise, useExerciseApi } from '@/components/store/exercise';
import { useEditorApi } from '@/components/store/editor';
import { useLocalized } from '../i18n/use-localized';
import { useLearnSnapshot } from '../learn/use-learn-snapshot';
import styles from './exercise.module.css';

/** The student's view of an exercise: title, instructions, the goal and whether it is met. */
export function ExerciseBanner() {
  const exercise = useExercise((s) => s.exercise);
  if (!exercise) return null;
  return (
    <section className={`exercise-banner ${styles.banner}`} data-testid="exercise-banner" aria-label={exercise.title}>
      <div className={styles.bannerHead}>
        <BannerTitle title={exercise.title} />
        <ExerciseStatus check={exercise.check} />
        <LeaveButton />
      </div>
      {exercise.instructions.trim() && (
        <p className={styles.instructions} data-testid="exercise-instructions-text">
          {exercise.instructions}
        </p>
      )}
    </section>
  );
}

function BannerTitle({ title }: { title: string }) {
  const t = useTranslations('exercise');
  return (
    <h2 className={styles.bannerTitle}>
      <span className={styles.badge}>{t('badge')}</span>
      <span data-testid="exercise-title-text">{title}</span>
    </h2>
  );
}

/** The goal in words and a live status; reaching the goal once is remembered as completed. */
function ExerciseStatus({ check }: { check: Check }) {
  const t = useTranslations('exercise');
  const text = useLocalized();
  const api = useExerciseApi();
  const completed = useExercise((s) => s.completed);
  const result = evaluateCheck(check, useLearnSnapshot());
  useEffect(() => {
    if (result.met) api.getState().markCompleted();
  }, [result.met, api]);
  const label = result.met ? t('met') : completed ? t('metEarlier') : t('notMet');
  return (
    <div className={styles.goalLine}>
      <span className={styles.goalText}>
        <strong>{t('goalLabel')}</strong> <span data-testid="exercise-goal">{text(describeCheck(check))}</span>
      </span>
      <span
        className={`${styles.status} ${result.met ? styles.met : completed ? styles.earlier : ''}`}
        data-testid="exercise-status"
        data-met={result.met ? 'true' : 'false'}
        data-completed={completed ? 'true' : 'false'}
        role="status"
      >
        {label}
        {result.value !== undefined && <span className={styles.value}>{t('now', { value: formatValue(result.value) })}</span>}
      </span>
    </div>
  );
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 1 ? 3 : 2);
}

function LeaveButton() {
  const t = useTranslations('exercise');
  const tn = useTranslations('notices');
  const api = useExerciseApi();
  const editor = useEditorApi();
  return (
    <button
      type="button"
      className="btn small"
      data-testid="exercise-leave"
      title={t('leaveTitle')}
      onClick={() => {
        api.getState().leave();
        editor.getState().notify({ tone: 'info', title: tn('exerciseLeft') });
      }}
    >
      {t('leave')}
    </button>
  );
}
