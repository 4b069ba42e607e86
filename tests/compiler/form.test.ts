import { describe, expect, it } from 'vitest';
import { defaultParams, paramFields, paramSummary, validateParam } from '@/lib/compiler/form';
import { LAYERS } from '@/lib/compiler/layers';
import { LAYER_KINDS } from '@/lib/project/kinds';

describe('inspector form from the zod schemas', () => {
  it.each(LAYER_KINDS)('%s: every field has a control type and its default parses', (kind) => {
    const fields = paramFields(kind);
    const schemaKeys = Object.keys(defaultParams(kind));
    expect(fields.map((f) => f.name)).toEqual(schemaKeys);
    expect(LAYERS[kind].schema.safeParse(defaultParams(kind)).success).toBe(true);
    for (const f of fields) expect(['integer', 'number', 'boolean', 'enum', 'shape']).toContain(f.type);
  });

  it('carries bounds and options, and validates single values', () => {
    expect(paramFields('conv2d').find((f) => f.name === 'kernelSize')).toMatchObject({ type: 'integer', min: 1, max: 15 });
    expect(paramFields('activation').find((f) => f.name === 'fn')).toMatchObject({
      type: 'enum',
      options: expect.arrayContaining(['tanh', 'leakyRelu']),
    });
    expect(paramFields('maxPooling2d').find((f) => f.name === 'strides')).toMatchObject({ nullable: true });
    expect(validateParam('dense', 'units', 0)).toMatchObject({ en: expect.stringMatching(/>=1/), zh: expect.stringMatching(/≥ 1/) });
    expect(validateParam('dense', 'units', 2.5)).toBeTruthy();
    expect(validateParam('dense', 'units', 16)).toBeNull();
    expect(validateParam('reshape', 'targetShape', [-1, -2])).toBeTruthy();
  });

  it('summarises key params for the node face', () => {
    expect(paramSummary('conv2dTranspose', { filters: 64, kernelSize: 4, strides: 2, padding: 'same' })).toEqual({
      en: '64 filters · 4×4 · s2 · same',
      zh: '64 个卷积核 · 4×4 · 步长 2 · same',
    });
    expect(paramSummary('dense', { units: 1 })).toEqual({ en: '1 unit', zh: '1 个单元' });
    expect(paramSummary('noise', { dim: 1, distribution: 'uniform' })).toEqual({ en: '1 · uniform', zh: '1 维 · 均匀' });
    expect(paramSummary('activation', { fn: 'leakyRelu', alpha: 0.2 })).toEqual({ en: 'leakyRelu α=0.2', zh: 'leakyRelu α=0.2' });
  });
});
