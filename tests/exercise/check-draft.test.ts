import { describe, expect, it } from 'vitest';
import { draftToCheck, GOAL_KINDS, initialDraft } from '@/components/exercise/check-draft';
import { checkSchema } from '@/lib/classroom/checks';
import { presetProject } from '@/lib/project/presets';

const draft = () => initialDraft(presetProject('gan-2d-ring'));

describe('the exercise dialog’s check draft', () => {
  it('turns every goal kind offered into a valid check', () => {
    for (const kind of GOAL_KINDS) {
      const check = draftToCheck({ ...draft(), kind });
      expect(check, kind).not.toBeNull();
      expect(check!.kind).toBe(kind);
      expect(checkSchema.safeParse(check).success).toBe(true);
    }
  });

  it('reads typed numbers, and the project’s own values as defaults', () => {
    expect(draftToCheck({ ...draft(), kind: 'iterations', count: ' 5 ' })).toEqual({ kind: 'iterations', atLeast: 5 });
    expect(draftToCheck({ ...draft(), kind: 'metric', metric: 'dReal', target: '0.5', within: '0.1' })).toEqual({
      kind: 'metric',
      metric: 'dReal',
      target: 0.5,
      within: 0.1,
    });
    expect(draftToCheck({ ...draft(), kind: 'setting', setting: 'loss' })).toEqual({
      kind: 'setting',
      name: 'loss',
      equals: presetProject('gan-2d-ring').training.loss,
    });
    expect(draftToCheck({ ...draft(), kind: 'setting', setting: 'batchSize' })).toEqual({
      kind: 'setting',
      name: 'batchSize',
      equals: presetProject('gan-2d-ring').training.batchSize,
    });
    expect(draftToCheck({ ...draft(), kind: 'dataset' })).toEqual({ kind: 'dataset', id: 'ring-8' });
  });

  it('bounds the quality meter’s figures the way they improve, label accuracy typed in per cent', () => {
    expect(draftToCheck({ ...draft(), kind: 'quality' })).toEqual({ kind: 'quality', measure: 'classes', atLeast: 10 });
    expect(draftToCheck({ ...draft(), kind: 'quality', measure: 'fid', quality: '60' })).toEqual({
      kind: 'quality',
      measure: 'fid',
      atMost: 60,
    });
    expect(draftToCheck({ ...draft(), kind: 'quality', measure: 'labelAccuracy', quality: '90' })).toEqual({
      kind: 'quality',
      measure: 'labelAccuracy',
      atLeast: 0.9,
    });
    expect(draftToCheck({ ...draft(), kind: 'quality', measure: 'score', quality: '4.5' })).toEqual({
      kind: 'quality',
      measure: 'score',
      atLeast: 4.5,
    });
  });

  it('gives no check while a number is empty, not a number or out of range', () => {
    for (const bad of [
      { kind: 'iterations' as const, count: '' },
      { kind: 'iterations' as const, count: 'five' },
      { kind: 'iterations' as const, count: '2.5' },
      { kind: 'modes' as const, count: '-1' },
      { kind: 'metric' as const, within: '' },
      { kind: 'metric' as const, within: '0' },
      { kind: 'setting' as const, setting: 'lrG' as const, value: 'fast' },
      { kind: 'js' as const, js: '-0.1' },
      { kind: 'quality' as const, measure: 'classes' as const, quality: '11' },
      { kind: 'quality' as const, measure: 'labelAccuracy' as const, quality: '150' },
      { kind: 'quality' as const, measure: 'fid' as const, quality: '-3' },
      { kind: 'quality' as const, measure: 'score' as const, quality: '' },
    ]) {
      expect(draftToCheck({ ...draft(), ...bad }), JSON.stringify(bad)).toBeNull();
    }
  });
});
