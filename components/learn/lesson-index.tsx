'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { LESSONS } from '@/lib/classroom/lessons';
import { LocaleSelect } from '../i18n/locale-select';
import { PresentationToggle } from '../presentation/presentation-toggle';
import { useLocalized } from '../i18n/use-localized';
import { loadProgress } from './progress';

/** The course: every lesson with its summary and how far the student got. */
export function LessonIndex() {
  const t = useTranslations('learn');
  const text = useLocalized();
  // Progress lives in localStorage: read after mount so the server render matches the first paint.
  const [done, setDone] = useState<Record<string, number>>({});
  useEffect(() => {
    setDone(Object.fromEntries(LESSONS.map((l) => [l.id, loadProgress(l).completed.length])));
  }, []);
  return (
    <main className="lesson-index">
      <header className="lesson-index-head">
        <div className="brand">
          GAN<span>vas</span>
        </div>
        <h1>{t('indexTitle')}</h1>
        <Link href="/" className="btn" data-testid="editor-link">
          {t('toEditor')}
        </Link>
        <PresentationToggle />
        <LocaleSelect />
      </header>
      <p className="lesson-index-intro">{t('indexIntro')}</p>
      <ol className="lesson-cards">
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id}>
            <Link href={`/learn/${lesson.id}`} className="lesson-card" data-testid={`lesson-${lesson.id}`}>
              <span className="lesson-number">{i + 1}</span>
              <span className="lesson-card-title">{text(lesson.title)}</span>
              <span className="lesson-card-summary">{text(lesson.summary)}</span>
              <span className="muted">{t('progress', { done: done[lesson.id] ?? 0, total: lesson.steps.length })}</span>
            </Link>
          </li>
        ))}
      </ol>
    </main>
  );
}
