import { describe, expect, it } from 'vitest';
import {
  checkSchema,
  evaluateCheck,
  LEARN_EVENTS,
  recentMetrics,
  type Check,
  type LearnEvent,
  type LearnSnapshot,
} from '@/lib/classroom/checks';
import { presetProject } from '@/lib/project/presets';
import { emptyHistory } from '@/lib/train/types';
import { emptyRunHistory, runHistoryOf } from '@/lib/train/history';

function snapshot(over: Partial<LearnSnapshot> = {}): LearnSnapshot {
  return {
    project: presetProject('gan-1d-gaussian'),
    errors: { generator: 0, discriminator: 0 },
    iteration: 0,
    recent: null,
    modes: null,
    js: null,
    quality: null,
    events: new Set<LearnEvent>(),
    ...over,
  };
}

const met = (check: Check, s: LearnSnapshot) => evaluateCheck(checkSchema.parse(check), s).met;

describe('step checks', () => {
  it('edge: needs an edge between nodes of the two kinds in that graph', () => {
    const s = snapshot();
    expect(met({ kind: 'edge', role: 'generator', from: 'dense', to: 'output' }, s)).toBe(true);
    expect(met({ kind: 'edge', role: 'discriminator', from: 'noise', to: 'dense' }, s)).toBe(false);
    s.project.generator.edges = s.project.generator.edges.filter((e) => e.target !== 'out');
    expect(met({ kind: 'edge', role: 'generator', from: 'dense', to: 'output' }, s)).toBe(false);
  });

  it('layer counts nodes of a kind', () => {
    const s = snapshot();
    expect(evaluateCheck({ kind: 'layer', role: 'generator', layer: 'dense', atLeast: 3 }, s)).toEqual({ met: true, value: 3 });
    expect(met({ kind: 'layer', role: 'generator', layer: 'dense', atLeast: 4 }, s)).toBe(false);
    expect(met({ kind: 'layer', role: 'generator', layer: 'conv2dTranspose' }, s)).toBe(false);
  });

  it('valid reads both graphs’ error counts', () => {
    expect(met({ kind: 'valid' }, snapshot())).toBe(true);
    expect(met({ kind: 'valid' }, snapshot({ errors: { generator: 0, discriminator: 1 } }))).toBe(false);
  });

  it('setting: equality for the loss, equality and bounds for numbers', () => {
    const s = snapshot();
    s.project.training.loss = 'minimax';
    s.project.training.k = 2;
    s.project.training.optimizers.generator.lr = 0.005;
    expect(met({ kind: 'setting', name: 'loss', equals: 'minimax' }, s)).toBe(true);
    expect(met({ kind: 'setting', name: 'loss', equals: 'non-saturating' }, s)).toBe(false);
    expect(met({ kind: 'setting', name: 'k', equals: 2 }, s)).toBe(true);
    expect(met({ kind: 'setting', name: 'k', equals: 3 }, s)).toBe(false);
    expect(met({ kind: 'setting', name: 'lrG', atLeast: 0.005 }, s)).toBe(true);
    expect(met({ kind: 'setting', name: 'lrD', atLeast: 0.005 }, s)).toBe(false);
  });

  it('metric: within a tolerance of a target, on the means of the recent iterations', () => {
    const history = emptyHistory();
    for (let i = 1; i <= 40; i++) {
      history.iteration.push(i);
      // The first 20 far from 1/2, the last 20 alternating 0.46 / 0.54: mean 0.5.
      history.dReal.push(i <= 20 ? 0.9 : i % 2 ? 0.46 : 0.54);
      history.dFake.push(i <= 20 ? 0.1 : 0.53);
      history.dLoss.push(1.3);
      history.gLoss.push(0.7);
    }
    const recent = recentMetrics(runHistoryOf(history))!;
    expect(recent.dReal).toBeCloseTo(0.5, 12);
    expect(recent.dFake).toBeCloseTo(0.53, 12);
    const s = snapshot({ recent, iteration: 40 });
    expect(met({ kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 }, s)).toBe(true);
    expect(met({ kind: 'metric', metric: 'dFake', target: 0.5, within: 0.02 }, s)).toBe(false);
    expect(met({ kind: 'metric', metric: 'dLoss', atMost: 1.35 }, s)).toBe(true);
    expect(met({ kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 }, snapshot())).toBe(false);
    expect(recentMetrics(emptyRunHistory())).toBeNull();
  });

  it('metric: a NaN never meets a check', () => {
    const s = snapshot({ recent: { dReal: NaN, dFake: NaN, dLoss: NaN, gLoss: NaN } });
    expect(met({ kind: 'metric', metric: 'dReal', atLeast: 0 }, s)).toBe(false);
    expect(met({ kind: 'metric', metric: 'dReal', target: 0.5, within: 1 }, s)).toBe(false);
  });

  it('modes, js, iterations and events', () => {
    const s = snapshot({
      modes: { captured: 7, total: 8, highQuality: 0.8 },
      js: 0.015,
      iteration: 300,
      events: new Set<LearnEvent>(['stepped-d']),
    });
    expect(met({ kind: 'modes', atLeast: 8 }, s)).toBe(false);
    expect(met({ kind: 'modes', atLeast: 7, highQuality: 0.9 }, s)).toBe(false);
    expect(met({ kind: 'modes', atLeast: 7, highQuality: 0.8 }, s)).toBe(true);
    expect(met({ kind: 'js', atMost: 0.02 }, s)).toBe(true);
    expect(met({ kind: 'js', atMost: 0.01 }, s)).toBe(false);
    expect(met({ kind: 'js', atMost: 1 }, snapshot())).toBe(false);
    expect(met({ kind: 'iterations', atLeast: 300 }, s)).toBe(true);
    expect(met({ kind: 'iterations', atLeast: 301 }, s)).toBe(false);
    expect(met({ kind: 'event', event: 'stepped-d' }, s)).toBe(true);
    expect(met({ kind: 'event', event: 'stepped-g' }, s)).toBe(false);
  });

  it("quality: the meter's latest reading, unmet before any or for a figure it did not measure", () => {
    const s = snapshot({ quality: { classes: 9, score: 7.5, fid: 3.2 } });
    expect(met({ kind: 'quality', measure: 'classes', atLeast: 10 }, s)).toBe(false);
    expect(met({ kind: 'quality', measure: 'classes', atLeast: 9 }, s)).toBe(true);
    expect(met({ kind: 'quality', measure: 'fid', atMost: 3 }, s)).toBe(false);
    expect(met({ kind: 'quality', measure: 'score', atLeast: 7, atMost: 8 }, s)).toBe(true);
    expect(met({ kind: 'quality', measure: 'labelAccuracy', atLeast: 0 }, s)).toBe(false);
    expect(met({ kind: 'quality', measure: 'classes', atLeast: 0 }, snapshot())).toBe(false);
    expect(checkSchema.safeParse({ kind: 'quality', measure: 'loss' }).success).toBe(false);
  });

  it('all: every part must hold', () => {
    const s = snapshot({ iteration: 10 });
    expect(met({ kind: 'all', of: [{ kind: 'valid' }, { kind: 'iterations', atLeast: 5 }] }, s)).toBe(true);
    expect(met({ kind: 'all', of: [{ kind: 'valid' }, { kind: 'iterations', atLeast: 50 }] }, s)).toBe(false);
  });

  it('the schema refuses what is not a check: unknown kinds, fields, events, nesting, code', () => {
    const bad: unknown[] = [
      { kind: 'eval', code: 'alert(1)' },
      { kind: 'event', event: 'anything' },
      { kind: 'iterations', atLeast: 5, extra: true },
      { kind: 'metric', metric: 'dReal', target: 'x' },
      { kind: 'all', of: [{ kind: 'all', of: [{ kind: 'valid' }] }] },
      { kind: 'all', of: [] },
      { kind: 'layer', role: 'critic', layer: 'dense' },
      null,
      'valid',
    ];
    for (const b of bad) expect(checkSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    for (const e of LEARN_EVENTS) expect(checkSchema.safeParse({ kind: 'event', event: e }).success).toBe(true);
  });
});
