import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeProject, compile, contextFor } from '@/lib/compiler';
import { PRESET_IDS, presetProject } from '@/lib/project';

const ROLES = ['generator', 'discriminator'] as const;

describe('presets', () => {
  it.each(PRESET_IDS)('%s analyses without errors or warnings', (id) => {
    const analysis = analyzeProject(presetProject(id));
    for (const role of ROLES) expect(analysis[role].diagnostics, role).toEqual([]);
  });

  it.each(PRESET_IDS)('%s compiles to models with the inferred shapes and parameter counts', async (id) => {
    const project = presetProject(id);
    const analysis = analyzeProject(project);
    for (const role of ROLES) {
      const ctx = contextFor(project, role);
      const model = compile(project[role], ctx);
      try {
        const outputId = project[role].nodes.find((n) => n.kind === 'output')!.id;
        expect(model.outputs[0]!.shape.slice(1)).toEqual(analysis[role].shapes[outputId]);
        expect(model.countParams()).toBe(analysis[role].totalParams);
        expect(model.countParams()).toBe(Object.values(analysis[role].params).reduce((a, b) => a + b, 0));
        // Layer names are the node ids, so weights and exported code can refer to nodes.
        const layerNames = new Set(model.layers.map((l) => l.name));
        for (const node of project[role].nodes) if (node.kind !== 'output') expect(layerNames.has(node.id), node.id).toBe(true);
        const feeds = model.inputs.map((input) => tf.randomNormal([3, ...(input.shape.slice(1) as number[])]));
        const out = model.predict(feeds) as tf.Tensor;
        expect(out.shape).toEqual(role === 'generator' ? [3, ...ctx.dataShape] : [3, 1]);
        expect(Array.from(await out.data()).every(Number.isFinite)).toBe(true);
        tf.dispose([...feeds, out]);
      } finally {
        model.dispose();
      }
    }
  });

  it('compile + dispose leaves tf.memory().numTensors unchanged', () => {
    const before = tf.memory().numTensors;
    for (const id of PRESET_IDS) {
      const project = presetProject(id);
      for (const role of ROLES) compile(project[role], contextFor(project, role)).dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('compiles the same graph twice side by side (unique variable names)', () => {
    const project = presetProject('dcgan-mnist');
    const a = compile(project.generator, contextFor(project, 'generator'));
    const b = compile(project.generator, contextFor(project, 'generator'));
    expect(a.countParams()).toBe(b.countParams());
    a.dispose();
    b.dispose();
  });

  it('refuses a broken graph with a CompileError carrying the diagnostics', () => {
    const project = presetProject('mlp-gan-mnist');
    project.generator.nodes.find((n) => n.id === 'img')!.params = { targetShape: [7, 7, 64] };
    expect(() => compile(project.generator, contextFor(project, 'generator'))).toThrowError(
      expect.objectContaining({ name: 'CompileError', diagnostics: [expect.objectContaining({ nodeId: 'img', code: 'shape' })] }),
    );
  });
});
