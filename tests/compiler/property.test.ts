import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, compile } from '@/lib/compiler';
import { scenario } from '../helpers/random-graph';

describe('analyze and compile on random graphs', () => {
  it('analyze never throws, and every graph it passes compiles with the inferred shapes and parameter counts', () => {
    let passed = 0;
    let refused = 0;
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(scenario, ({ graph, ctx }) => {
        const analysis = analyze(graph, ctx);
        expect(analysis.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
        for (const d of analysis.diagnostics) expect(d.en.length).toBeGreaterThan(20);
        if (analysis.diagnostics.some((d) => d.severity === 'error')) {
          refused++;
          return;
        }
        passed++;
        const model = compile(graph, ctx);
        try {
          expect(model.countParams()).toBe(analysis.totalParams);
          for (const layer of model.layers) {
            const inferred = analysis.shapes[layer.name];
            expect(inferred, layer.name).toBeDefined();
            expect((layer.output as tf.SymbolicTensor).shape.slice(1), layer.name).toEqual(inferred);
          }
          const outputId = graph.nodes.find((n) => n.kind === 'output')!.id;
          expect(model.outputs[0]!.shape.slice(1)).toEqual(analysis.shapes[outputId]);
          tf.tidy(() => {
            const feeds = model.inputs.map((input) => tf.ones([2, ...(input.shape.slice(1) as number[])]));
            const out = model.predict(feeds) as tf.Tensor;
            expect(out.shape.slice(1)).toEqual(analysis.shapes[outputId]);
          });
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 3000 },
    );
    expect(tf.memory().numTensors).toBe(before);
    // Both sides of the property must be exercised for the test to mean anything.
    expect(passed).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
    console.log(`random graphs: ${passed} compiled, ${refused} refused with errors`);
  });
});
