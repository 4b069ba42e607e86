'use client';

import type { Lesson } from '@/lib/classroom/lessons';

/** Where a student is in a lesson, remembered in localStorage across visits. */
export interface LessonProgress {
  step: number;
  /** Ids of the steps whose check was met (or that were read through). */
  completed: string[];
}

const key = (lessonId: string) => `ganvas:lesson:${lessonId}:progress`;

/** The remembered progress, or the start; anything unreadable or out of range counts as the start. */
export function loadProgress(lesson: Lesson): LessonProgress {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(lesson.id)) ?? 'null');
    if (raw && typeof raw === 'object') {
      const { step, completed } = raw as Record<string, unknown>;
      const ids = new Set(lesson.steps.map((s) => s.id));
      return {
        step: Number.isInteger(step) && (step as number) >= 0 && (step as number) < lesson.steps.length ? (step as number) : 0,
        completed: Array.isArray(completed) ? completed.filter((c): c is string => typeof c === 'string' && ids.has(c)) : [],
      };
    }
  } catch {
    // Unreadable storage: start from the beginning.
  }
  return { step: 0, completed: [] };
}

export function saveProgress(lessonId: string, progress: LessonProgress): void {
  try {
    localStorage.setItem(key(lessonId), JSON.stringify(progress));
  } catch {
    // Private browsing may refuse storage; progress then lasts for this visit.
  }
}

export function clearProgress(lessonId: string): void {
  try {
    localStorage.removeItem(key(lessonId));
  } catch {
    // Nothing to clear.
  }
}

/** The IndexedDB keys of a lesson's own project and checkpoint, apart from the user's project. */
export function lessonWorkspace(lessonId: string) {
  return { autosaveKey: `ganvas:lesson:${lessonId}:project`, checkpointKey: `ganvas:lesson:${lessonId}:checkpoint` };
}
