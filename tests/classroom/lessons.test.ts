import { describe, expect, it } from 'vitest';
import { checkSchema, evaluateCheck, type LearnSnapshot } from '@/lib/classroom/checks';
import { LESSONS, lessonById, lessonProject } from '@/lib/classroom/lessons';
import { graphView } from '@/lib/store/analysis';
import { projectSchema } from '@/lib/project/schema';

const HAN = /\p{Script=Han}/u;

function fresh(project: LearnSnapshot['project']): LearnSnapshot {
  return {
    project,
    errors: { generator: graphView(project, 'generator').errors, discriminator: graphView(project, 'discriminator').errors },
    iteration: 0,
    recent: null,
    modes: null,
    js: null,
    quality: null,
    events: new Set(),
  };
}

describe('lessons', () => {
  it('has the seven lessons of the course, with unique ids', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'the-game',
      'the-algorithm',
      'value-function',
      'equilibrium',
      'mode-collapse',
      'digits',
      'conditional',
    ]);
    for (const lesson of LESSONS) {
      expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
      expect(lessonById(lesson.id)).toBe(lesson);
    }
  });

  it('every text is in English and in Chinese', () => {
    for (const lesson of LESSONS) {
      const texts = [
        lesson.title,
        lesson.summary,
        ...lesson.steps.flatMap((s) => [s.title, ...s.body, ...(s.task ? [s.task] : []), ...(s.hint ? [s.hint] : [])]),
      ];
      for (const t of texts) {
        expect(t.en.trim().length, `${lesson.id}: ${t.en}`).toBeGreaterThan(0);
        expect(HAN.test(t.zh), `${lesson.id}: ${t.zh}`).toBe(true);
      }
    }
  });

  it('every task has a valid check, and no check is met before the student acts', () => {
    for (const lesson of LESSONS) {
      const project = lessonProject(lesson);
      expect(projectSchema.safeParse(project).success).toBe(true);
      for (const step of lesson.steps) {
        if (!step.task) continue;
        expect(step.check, `${lesson.id}/${step.id}`).toBeDefined();
        expect(checkSchema.safeParse(step.check).success, `${lesson.id}/${step.id}`).toBe(true);
        expect(evaluateCheck(step.check!, fresh(project)).met, `${lesson.id}/${step.id}`).toBe(false);
      }
    }
  });

  it('lesson 1 opens with G unwired, and wiring it meets the first check', () => {
    const lesson = lessonById('the-game')!;
    const project = lessonProject(lesson);
    const before = fresh(project);
    expect(before.errors.generator).toBeGreaterThan(0);
    project.generator.edges.push({ id: 'g3-out', source: 'g3', sourceHandle: 'out', target: 'out', targetHandle: 'in' });
    expect(evaluateCheck(lesson.steps[0]!.check!, fresh(structuredClone(project))).met).toBe(true);
  });
});
