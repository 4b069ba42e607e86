'use client';

import { useEffect } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { decodeExercise, exerciseFromHash } from '@/lib/classroom/exercise';
import type { EditorStore } from '@/lib/store/editor-store';
import type { ExerciseStore } from '@/lib/store/exercise-store';
import { describeErrors } from '../editor/file-actions';

/**
 * Opens an exercise link pasted into the address bar while the editor is open. A broken one
 * changes nothing and says why; the hash is cleared either way.
 */
export function useExerciseLinks(editor: EditorStore, exercise: ExerciseStore, enabled = true): void {
  const t = useTranslations('notices');
  const locale = useLocale();
  useEffect(() => {
    if (!enabled) return;
    const onHash = async () => {
      const encoded = exerciseFromHash(location.hash);
      if (encoded === null) return;
      history.replaceState(null, '', location.pathname + location.search);
      const result = await decodeExercise(encoded);
      if (result.ok) {
        editor.getState().loadProject(result.project);
        editor.temporal.getState().clear();
        exercise.getState().enter(result.exercise);
        editor.getState().notify({ tone: 'info', title: t('exerciseOpened', { title: result.exercise.title }) });
      } else {
        editor.getState().notify({ tone: 'error', title: t('exerciseBrokenUnchanged'), details: describeErrors(result, locale) });
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [editor, exercise, t, enabled, locale]);
}
