'use client';

import { useEffect, useState } from 'react';
import { createTranslator, useTranslations } from 'use-intl';
import { MESSAGES } from '@/lib/i18n/messages';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { decodeExercise, exerciseFromHash, type Exercise } from '@/lib/classroom/exercise';
import { decodeShare, shareFromHash } from '@/lib/project/share';
import { createEditorStore, type EditorStore, type Notice } from '@/lib/store/editor-store';
import { loadExerciseSession } from '@/lib/store/exercise-store';
import { loadAutosave, loadLayoutPreference, writeAutosave } from '@/lib/store/persistence';
import { Editor } from './editor';
import { describeErrors } from './file-actions';
import { currentLocale } from '../i18n/locale-store';

type Start = { project: GanProject; notice?: Omit<Notice, 'id'>; exercise?: { exercise: Exercise; completed?: boolean } | null };

/**
 * Decides what the editor opens with: an exercise or share link in the URL, else the autosaved
 * project (in the exercise this tab was doing, if any), else the MLP GAN preset. A broken link
 * opens nothing and says so, in the language the page will show.
 */
async function startingPoint(): Promise<Start> {
  const locale = currentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'notices' });
  const encoded = shareFromHash(location.hash);
  const exercise = exerciseFromHash(location.hash);
  let notice: Omit<Notice, 'id'> | undefined;
  if (exercise !== null) {
    history.replaceState(null, '', location.pathname + location.search);
    const opened = await decodeExercise(exercise);
    if (opened.ok) {
      // Saved at once, so that a reload finds the exercise's project (exercise mode survives it).
      await writeAutosave(opened.project);
      return {
        project: opened.project,
        exercise: { exercise: opened.exercise },
        notice: { tone: 'info', title: t('exerciseOpened', { title: opened.exercise.title }) },
      };
    }
    notice = { tone: 'error', title: t('exerciseBroken'), details: describeErrors(opened, locale) };
  } else if (encoded !== null) {
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await decodeShare(encoded);
    if (shared.ok) {
      // Saved at once, like an exercise, so that a reload shows the shared project rather than the one before it.
      await writeAutosave(shared.project);
      return { project: shared.project, notice: { tone: 'info', title: t('sharedOpened', { name: shared.project.name }) } };
    }
    notice = { tone: 'error', title: t('shareBroken'), details: describeErrors(shared, locale) };
  }
  const saved = await loadAutosave();
  return { project: saved ?? presetProject('mlp-gan-mnist'), notice, exercise: saved ? loadExerciseSession() : null };
}

export function EditorApp() {
  const t = useTranslations('app');
  const [started, setStarted] = useState<{ store: EditorStore; exercise: Start['exercise'] } | null>(null);
  useEffect(() => {
    let live = true;
    void startingPoint().then(({ project, notice, exercise }) => {
      if (!live) return;
      const created = createEditorStore(project, { layout: loadLayoutPreference() });
      if (notice) created.getState().notify(notice);
      setStarted({ store: created, exercise });
    });
    return () => {
      live = false;
    };
  }, []);
  if (!started) {
    return (
      <div className="loading" aria-busy="true">
        <p>
          {t.rich('loading', {
            brand: () => (
              <>
                GAN<span>vas</span>
              </>
            ),
          })}
        </p>
      </div>
    );
  }
  return <Editor store={started.store} exercise={started.exercise} />;
}
