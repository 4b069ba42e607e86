'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { lessonById, lessonProject } from '@/lib/classroom/lessons';
import { createEditorStore, type EditorStore } from '@/lib/store/editor-store';
import { loadAutosave, loadLayoutPreference } from '@/lib/store/persistence';
import { Editor } from '../editor/editor';
import { LessonPanel } from './lesson-panel';
import { lessonWorkspace } from './progress';

/** A lesson page: the editor with the lesson's steps beside it, on the lesson's own project. */
export function LessonApp({ lessonId }: { lessonId: string }) {
  const t = useTranslations('learn');
  const lesson = lessonById(lessonId);
  const [store, setStore] = useState<EditorStore | null>(null);
  useEffect(() => {
    if (!lesson) return;
    let live = true;
    void loadAutosave(lessonWorkspace(lesson.id).autosaveKey).then((saved) => {
      if (live) setStore(createEditorStore(saved ?? lessonProject(lesson), { layout: loadLayoutPreference() ?? 'split' }));
    });
    return () => {
      live = false;
    };
  }, [lesson]);
  if (!lesson) return <p className="loading">{t('unknown')}</p>;
  if (!store) return <div className="loading" aria-busy="true" />;
  return <Editor store={store} workspace={lessonWorkspace(lesson.id)} aside={<LessonPanel lesson={lesson} />} />;
}
