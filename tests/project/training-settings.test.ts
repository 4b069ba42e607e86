import { describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import {
  parseSetting,
  patchTraining,
  settingPatch,
  settingValue,
  SETTING_BOUNDS,
  SETTING_NAMES,
  type NumericSetting,
} from '@/lib/project/training-settings';
import { graphView } from '@/lib/store/analysis';
import { createEditorStore } from '@/lib/store/editor-store';
import { trainingFingerprint } from '@/lib/train/fingerprint';

describe('patchTraining', () => {
  const base = presetProject('gan-1d-gaussian').training;

  it('applies a nested patch field by field and leaves the rest alone', () => {
    const result = patchTraining(base, { loss: 'minimax', optimizers: { discriminator: { lr: 0.0005 } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.training.loss).toBe('minimax');
    expect(result.training.optimizers.discriminator).toEqual({ ...base.optimizers.discriminator, lr: 0.0005 });
    expect(result.training.optimizers.generator).toEqual(base.optimizers.generator);
    expect(result.training.noise).toEqual(base.noise);
    expect(base.loss).toBe('non-saturating');
  });

  it('refuses values outside the schema ranges and names the field', () => {
    const cases: [Parameters<typeof patchTraining>[1], string][] = [
      [{ k: 0 }, 'k'],
      [{ k: 2.5 }, 'k'],
      [{ batchSize: 5000 }, 'batchSize'],
      [{ labelSmoothing: 0.6 }, 'labelSmoothing'],
      [{ optimizers: { generator: { lr: 0 } } }, 'optimizers.generator.lr'],
      [{ optimizers: { discriminator: { beta1: 1 } } }, 'optimizers.discriminator.beta1'],
      [{ noise: { dim: 0 } }, 'noise.dim'],
      [{ gradientPenalty: Number.NaN }, 'gradientPenalty'],
      [{ loss: 'wgan' as never }, 'loss'],
    ];
    for (const [patch, path] of cases) {
      const result = patchTraining(base, patch);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('returns the same object when nothing changes', () => {
    const result = patchTraining(base, { k: base.k, optimizers: { generator: { lr: base.optimizers.generator.lr } } });
    expect(result.ok && result.training).toBe(base);
  });
});

describe('setting bounds', () => {
  const base = presetProject('gan-1d-gaussian').training;
  // The schema is the judge: a patch that passes `patchTraining` passed `trainingSchema`.
  const accepts = (name: NumericSetting, value: number) => patchTraining(base, settingPatch(name, value)).ok;

  it('agree with the schema at and beyond each bound', () => {
    for (const name of SETTING_NAMES) {
      if (name === 'loss') continue;
      const b = SETTING_BOUNDS[name];
      const step = b.integer ? 1 : 1e-6;
      expect(accepts(name, b.min), `${name} at min`).toBe(!b.minExclusive);
      expect(accepts(name, b.max), `${name} at max`).toBe(!b.maxExclusive);
      expect(accepts(name, b.min - step), `${name} below min`).toBe(false);
      expect(accepts(name, b.max + step), `${name} above max`).toBe(false);
      // And the form's parser says the same as the schema.
      for (const v of [b.min, b.max, b.min - step, b.max + step, (b.min + b.max) / 2]) {
        if (b.integer && !Number.isInteger(v)) continue;
        expect('value' in parseSetting(name, String(v)), `${name} = ${v}`).toBe(accepts(name, v));
      }
    }
  });

  it('parse typed text with the reason it is not a value', () => {
    expect(parseSetting('k', ' 5 ')).toEqual({ value: 5 });
    expect(parseSetting('k', '')).toEqual({ problem: { kind: 'notNumber' } });
    expect(parseSetting('lrG', '1e-3x')).toEqual({ problem: { kind: 'notNumber' } });
    expect(parseSetting('batchSize', '12.5')).toEqual({ problem: { kind: 'notWhole' } });
    expect(parseSetting('lrD', '0')).toEqual({ problem: { kind: 'range', bounds: SETTING_BOUNDS.lrD } });
    expect(parseSetting('lrD', '2e-4')).toEqual({ value: 0.0002 });
  });

  it('read back what they set, for every setting', () => {
    const values: Record<NumericSetting, number> = {
      k: 3,
      batchSize: 32,
      lrG: 0.003,
      lrD: 0.0004,
      beta1: 0.9,
      labelSmoothing: 0.1,
      gradientPenalty: 5,
      pack: 4,
      ema: 0.999,
      noiseDim: 7,
    };
    for (const [name, value] of Object.entries(values) as [NumericSetting, number][]) {
      const result = patchTraining(base, settingPatch(name, value));
      expect(result.ok && settingValue(result.training, name), name).toBe(value);
    }
    const beta = patchTraining(base, settingPatch('beta1', 0.9));
    expect(beta.ok && beta.training.optimizers.discriminator.beta1).toBe(0.9);
    const loss = patchTraining(base, settingPatch('loss', 'hinge'));
    expect(loss.ok && settingValue(loss.training, 'loss')).toBe('hinge');
  });
});

describe('setTraining', () => {
  it('applies a valid patch as one undo step and changes the training fingerprint', () => {
    const store = createEditorStore(presetProject('gan-1d-gaussian'));
    const before = store.getState().project;
    const result = store.getState().setTraining({ loss: 'minimax', k: 2 });
    expect(result.ok).toBe(true);
    const after = store.getState().project;
    expect(after.training.loss).toBe('minimax');
    expect(after.training.k).toBe(2);
    expect(after.generator).toBe(before.generator);
    expect(trainingFingerprint(after)).not.toBe(trainingFingerprint(before));
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('refuses an invalid patch, changes nothing and records no step', () => {
    const store = createEditorStore(presetProject('gan-1d-gaussian'));
    const before = store.getState().project;
    const result = store.getState().setTraining({ k: 1, batchSize: 0 });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path: 'batchSize' })] });
    expect(store.getState().project).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    // A patch that changes nothing is no step either.
    store.getState().setTraining({ k: before.training.k });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('resizes the Noise nodes with the noise dim, so the graph stays free of errors', () => {
    const store = createEditorStore(presetProject('gan-2d-ring'));
    expect(store.getState().setTraining({ noise: { dim: 5 } }).ok).toBe(true);
    const project = store.getState().project;
    expect(project.generator.nodes.filter((n) => n.kind === 'noise').map((n) => n.params.dim)).toEqual([5]);
    expect(graphView(project, 'generator').errors).toBe(0);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
});
