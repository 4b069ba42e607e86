import { presetProject } from '../project/presets';
import type { GanProject } from '../project/schema';
import type { Lesson } from './lesson';
import { theGame } from './lessons/the-game';
import { theAlgorithm } from './lessons/the-algorithm';
import { valueFunction } from './lessons/value-function';
import { equilibrium } from './lessons/equilibrium';
import { modeCollapse } from './lessons/mode-collapse';
import { digits } from './lessons/digits';
import { conditional } from './lessons/conditional';

export type { Lesson, LessonSetup, LessonStep, LessonView } from './lesson';

/**
 * The course: the pictures and the algorithm of Goodfellow et al. (2014) and the lecture notes
 * derived from it, each made live in the editor. One file per lesson in `lessons/`, in order here.
 */
export const LESSONS: Lesson[] = [theGame, theAlgorithm, valueFunction, equilibrium, modeCollapse, digits, conditional];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The project a lesson opens with: its preset, minus the edges the student makes. */
export function lessonProject(lesson: Lesson): GanProject {
  const project = presetProject(lesson.setup.preset);
  for (const cut of lesson.setup.without ?? []) {
    const graph = project[cut.role];
    graph.edges = graph.edges.filter((e) => !(e.source === cut.source && e.target === cut.target));
  }
  if (lesson.setup.loss) project.training.loss = lesson.setup.loss;
  return project;
}
