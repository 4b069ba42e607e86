import { describe, expect, it } from 'vitest';
import { COMPARE_SETTINGS, compareRuns, defaultCompareValue, otherLosses, settingText } from '@/lib/classroom/compare-runs';
import { presetProject } from '@/lib/project/presets';
import { parseProject } from '@/lib/project/parse';
import { settingValue } from '@/lib/project/training-settings';
import { trainingFingerprint } from '@/lib/train/fingerprint';

describe('compareRuns', () => {
  it('makes B the same project with only the loss changed, labelled by the loss', () => {
    const project = presetProject('gan-1d-gaussian');
    const runs = compareRuns(project, { setting: 'loss', value: 'minimax' });
    expect(runs.ok).toBe(true);
    if (!runs.ok) return;
    expect(runs.a.project).toBe(project);
    expect(runs.a.label).toEqual({ en: 'A: non-saturating', zh: 'A：非饱和（non-saturating）' });
    expect(runs.b.label).toEqual({ en: 'B: minimax', zh: 'B：极小极大（minimax）' });
    const b = runs.b.project;
    expect(b.training).toEqual({ ...project.training, loss: 'minimax' });
    expect(b.training.seed).toBe(project.training.seed);
    expect(b.generator).toBe(project.generator);
    expect(b.discriminator).toBe(project.discriminator);
    expect(b.dataset).toBe(project.dataset);
    expect(trainingFingerprint(b)).not.toBe(trainingFingerprint(project));
    // B is a valid document in its own right.
    expect(parseProject(JSON.parse(JSON.stringify(b))).ok).toBe(true);
  });

  it('changes exactly one optimizer for a learning rate, and names it', () => {
    const project = presetProject('gan-2d-ring');
    const runs = compareRuns(project, { setting: 'lrD', value: 0.00005 });
    expect(runs.ok).toBe(true);
    if (!runs.ok) return;
    expect(runs.b.project.training.optimizers.discriminator.lr).toBe(0.00005);
    expect(runs.b.project.training.optimizers.generator).toEqual(project.training.optimizers.generator);
    expect(runs.a.label.en).toBe(`A: D lr ${project.training.optimizers.discriminator.lr}`);
    expect(runs.b.label).toEqual({ en: 'B: D lr 0.00005', zh: 'B：D 学习率 0.00005' });
  });

  it('refuses a B equal to A, and a B outside the schema ranges', () => {
    const project = presetProject('gan-1d-gaussian');
    expect(compareRuns(project, { setting: 'loss', value: 'non-saturating' })).toEqual({ ok: false, reason: 'same' });
    expect(compareRuns(project, { setting: 'k', value: project.training.k })).toEqual({ ok: false, reason: 'same' });
    const bad = compareRuns(project, { setting: 'labelSmoothing', value: 0.9 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason === 'invalid' && bad.issues[0]!.path).toBe('labelSmoothing');
    expect(compareRuns(project, { setting: 'batchSize', value: 0 }).ok).toBe(false);
  });

  it('offers, for every setting and preset, a default B that differs from A and is valid', () => {
    for (const id of ['gan-1d-gaussian', 'gan-2d-ring', 'mlp-gan-mnist', 'dcgan-mnist'] as const) {
      const project = presetProject(id);
      for (const setting of COMPARE_SETTINGS) {
        const value = defaultCompareValue(project, setting);
        expect(value, `${id} ${setting}`).not.toBe(settingValue(project.training, setting));
        const runs = compareRuns(project, { setting, value });
        expect(runs.ok, `${id} ${setting}`).toBe(true);
        if (runs.ok) expect(settingValue(runs.b.project.training, setting)).toBe(value);
      }
    }
    expect(otherLosses(presetProject('gan-1d-gaussian'))).not.toContain('non-saturating');
  });

  it('writes numbers short and exact in labels', () => {
    expect(settingText('k', 5).en).toBe('k = 5');
    expect(settingText('batchSize', 64)).toEqual({ en: 'batch 64', zh: '批大小 64' });
    expect(settingText('lrG', 0.0002).en).toBe('G lr 0.0002');
    expect(settingText('lrG', 1 / 3000).en).toBe('G lr 0.000333');
    expect(settingText('labelSmoothing', 0.1).en).toBe('label smoothing 0.1');
  });
});
