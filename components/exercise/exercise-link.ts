'use client';

import { encodeExercise, EXERCISE_PARAM, type Exercise } from '@/lib/classroom/exercise';
import type { GanProject } from '@/lib/project/schema';

/** A link that opens a copy of the project as this exercise. */
export async function exerciseLink(project: GanProject, exercise: Exercise): Promise<string> {
  return `${location.origin}${location.pathname}#${EXERCISE_PARAM}=${await encodeExercise(project, exercise)}`;
}
