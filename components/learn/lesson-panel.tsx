'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { evaluateCheck, type Check, type LearnSnapshot } from '@/lib/classroom/checks';
import { LESSONS, lessonProject, type Lesson, type LessonStep } from '@/lib/classroom/lessons';
import { useEditorApi } from '@/components/store/editor';
import { useTraining, useTrainingApi } from '@/components/store/training';
import { useLocalized } from '../i18n/use-localized';
import { clearProgress, loadProgress, saveProgress, type LessonProgress } from './progress';
import { useLearnSnapshot } from './use-learn-snapshot';
import { LessonView } from './views';

/** How long a met check shows "Done" before the lesson moves on. */
const ADVANCE_MS = 1200;

/**
 * A lesson's steps beside the editor. Each step's check is evaluated live against the project and
 * the run; when it is met the step is marked done and the lesson moves to the next step. Alt+→ and
 * Alt+← (or Page Down / Page Up outside text fields) move between steps.
 */
export function LessonPanel({ lesson }: { lesson: Lesson }) {
  const t = useTranslations('learn');
  const text = useLocalized();
  const editor = useEditorApi();
  const training = useTrainingApi();
  const [progress, setProgress] = useState<LessonProgress>(() => loadProgress(lesson));
  const step = lesson.steps[progress.step]!;
  // Events count from the moment a step is entered.
  const counts = useTraining((s) => s.eventCounts);
  const [since, setSince] = useState(counts);
  const snapshot = useLearnSnapshot(since);
  const result = step.check ? evaluateCheck(step.check, snapshot) : { met: true };
  const done = progress.completed.includes(step.id);
  const heading = useRef<HTMLHeadingElement>(null);

  const update = useCallback(
    (next: LessonProgress) => {
      setProgress(next);
      saveProgress(lesson.id, next);
    },
    [lesson.id],
  );

  const go = useCallback(
    (index: number, completed = progress.completed) => {
      if (index < 0 || index >= lesson.steps.length) return;
      setSince(training.getState().eventCounts);
      update({ step: index, completed });
      requestAnimationFrame(() => heading.current?.focus());
    },
    [lesson.steps.length, progress, training, update],
  );

  // A check met for the first time: mark the step done, then move on after a moment.
  const checked = Boolean(step.check) && result.met && !done;
  const [advanceFrom, setAdvanceFrom] = useState<number | null>(null);
  useEffect(() => {
    if (!checked) return;
    update({ ...progress, completed: [...progress.completed, step.id] });
    if (progress.step + 1 < lesson.steps.length) setAdvanceFrom(progress.step);
  }, [checked, lesson.steps.length, progress, step.id, update]);
  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  }, [go]);
  useEffect(() => {
    // Moving by hand before the moment passes cancels the automatic move.
    if (advanceFrom === null || advanceFrom !== progress.step) return;
    const timer = setTimeout(() => {
      setAdvanceFrom(null);
      goRef.current(advanceFrom + 1);
    }, ADVANCE_MS);
    return () => clearTimeout(timer);
  }, [advanceFrom, progress.step]);

  // A step without a check is done once read.
  const next = () => go(progress.step + 1, !step.check && !done ? [...progress.completed, step.id] : progress.completed);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      const forward = (e.altKey && e.key === 'ArrowRight') || (!typing && e.key === 'PageDown');
      const back = (e.altKey && e.key === 'ArrowLeft') || (!typing && e.key === 'PageUp');
      if (!forward && !back) return;
      e.preventDefault();
      go(progress.step + (forward ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, progress.step]);

  const restart = async () => {
    await training.getState().reset();
    editor.getState().loadProject(lessonProject(lesson));
    editor.temporal.getState().clear();
    clearProgress(lesson.id);
    setSince(training.getState().eventCounts);
    setProgress({ step: 0, completed: [] });
  };

  const index = LESSONS.findIndex((l) => l.id === lesson.id);
  const following = LESSONS[index + 1];
  const last = progress.step === lesson.steps.length - 1;
  const finished = lesson.steps.every((s) => progress.completed.includes(s.id) || !s.check);

  return (
    <aside className="lesson-panel" aria-label={t('panel')} data-testid="lesson-panel">
      <nav className="lesson-top">
        <Link href="/learn" data-testid="lessons-link">
          ← {t('allLessons')}
        </Link>
        <button type="button" className="link-button" data-testid="lesson-restart" onClick={() => void restart()}>
          {t('restart')}
        </button>
      </nav>
      <h2 className="lesson-title">{text(lesson.title)}</h2>
      <ol className="lesson-steps" aria-label={t('steps')}>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={`lesson-dot${i === progress.step ? ' current' : ''}${progress.completed.includes(s.id) ? ' done' : ''}`}
              aria-current={i === progress.step ? 'step' : undefined}
              aria-label={t('stepLabel', { n: i + 1, title: text(s.title), done: progress.completed.includes(s.id) ? 'yes' : 'no' })}
              onClick={() => go(i)}
            >
              {progress.completed.includes(s.id) ? '✓' : i + 1}
            </button>
          </li>
        ))}
      </ol>
      <p className="lesson-count muted" data-testid="lesson-step-count">
        {t('stepOf', { n: progress.step + 1, total: lesson.steps.length })}
      </p>
      <article className="lesson-step" data-testid="lesson-step" data-step={step.id}>
        <h3 ref={heading} tabIndex={-1} data-testid="lesson-step-title">
          {text(step.title)}
        </h3>
        {step.body.map((p, i) => (
          <p key={i}>{text(p)}</p>
        ))}
        {step.task && (
          <div className={`lesson-task${result.met || done ? ' met' : ''}`} data-testid="lesson-task" data-met={String(result.met || done)}>
            <p className="lesson-task-label">{result.met || done ? `✓ ${t('done')}` : t('todo')}</p>
            <p>{text(step.task)}</p>
            <CheckValues check={step.check} snapshot={snapshot} />
            <p className="visually-hidden" role="status" aria-live="polite">
              {result.met || done ? t('stepDone') : ''}
            </p>
          </div>
        )}
        {step.hint && (
          <details className="lesson-hint">
            <summary>{t('hint')}</summary>
            <p>{text(step.hint)}</p>
          </details>
        )}
        {step.view && <LessonView view={step.view} snapshot={snapshot} />}
        {last && finished && (
          <div className="lesson-complete" data-testid="lesson-complete">
            <strong>{t('complete')}</strong>
            {following && (
              <Link href={`/learn/${following.id}`} data-testid="next-lesson">
                {t('nextLesson', { title: text(following.title) })} →
              </Link>
            )}
          </div>
        )}
      </article>
      <div className="lesson-nav">
        <button
          type="button"
          className="btn"
          data-testid="lesson-back"
          disabled={progress.step === 0}
          onClick={() => go(progress.step - 1)}
        >
          ← {t('back')}
        </button>
        <button
          type="button"
          className={`btn${!step.check || result.met || done ? ' primary' : ''}`}
          data-testid="lesson-next"
          disabled={last}
          onClick={next}
          title={t('keysHint')}
        >
          {!step.check || result.met || done ? t('next') : t('skip')} →
        </button>
      </div>
      <p className="lesson-keys muted">{t('keysHint')}</p>
    </aside>
  );
}

/** The measured values behind a step's check ("D(x) = 0.53"), so the student sees how close they are. */
function CheckValues({ check, snapshot }: { check?: Check; snapshot: LearnSnapshot }) {
  const t = useTranslations('learn');
  const values = useMemo(() => {
    if (!check) return [];
    const leaves = check.kind === 'all' ? check.of : [check];
    return leaves.flatMap((c) => {
      const r = evaluateCheck(c, snapshot);
      if (r.value === undefined) return [];
      if (c.kind === 'metric') return [t(`value.${c.metric}`, { value: r.value.toFixed(3) })];
      if (c.kind === 'iterations') return [t('value.iterations', { value: r.value, target: c.atLeast })];
      if (c.kind === 'modes') return [t('value.modes', { value: r.value, total: snapshot.modes?.total ?? 0 })];
      if (c.kind === 'js') return [t('value.js', { value: r.value.toFixed(4) })];
      if (c.kind === 'quality')
        return [
          t(`value.${c.measure}`, {
            value: c.measure === 'labelAccuracy' ? (r.value * 100).toFixed(1) : c.measure === 'classes' ? r.value : r.value.toFixed(2),
          }),
        ];
      return [];
    });
  }, [check, snapshot, t]);
  if (values.length === 0) return null;
  return (
    <p className="lesson-values" data-testid="lesson-values">
      {values.join(' · ')}
    </p>
  );
}

export type { LessonStep };
