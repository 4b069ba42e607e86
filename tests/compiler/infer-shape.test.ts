import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '@/lib/compiler/layers';
import type { AnalyzeContext, Shape } from '@/lib/compiler/types';
import { LAYER_KINDS, type LayerKind } from '@/lib/project/kinds';

type Case = { params: Record<string, unknown>; inputs: Shape[] };

/** Cartesian product of param choices, each paired with every input list. */
function grid(inputs: Shape[][], choices: Record<string, unknown[]>): Case[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(choices)) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return inputs.flatMap((ins) => combos.map((params) => ({ params, inputs: ins })));
}

const images: Shape[][] = [[[8, 8, 1]], [[9, 7, 3]], [[5, 5, 2]], [[28, 28, 1]], [[2, 3, 4]]];
const ctx: AnalyzeContext = { role: 'discriminator', dataShape: [6, 6, 2], numClasses: 7 };

const CASES: Record<LayerKind, Case[]> = {
  noise: grid([[]], { dim: [1, 7, 100], distribution: ['normal', 'uniform'] }),
  label: [{ params: {}, inputs: [] }],
  data: [{ params: {}, inputs: [] }],
  dense: grid([[[1]], [[7]], [[64]], [[4, 4]], [[2, 2, 3]]], { units: [1, 5, 128], useBias: [true, false] }),
  conv2d: grid(images, { filters: [1, 4], kernelSize: [1, 2, 3, 5], strides: [1, 2, 3], padding: ['same', 'valid'] }),
  conv2dTranspose: grid(images, {
    filters: [1, 3],
    kernelSize: [1, 3, 4],
    strides: [1, 2, 3],
    padding: ['same', 'valid'],
    useBias: [true, false],
  }),
  upSampling2d: grid([...images, [[6]]], { size: [1, 2, 3], interpolation: ['nearest', 'bilinear'] }),
  maxPooling2d: grid(images, { poolSize: [1, 2, 3, 6], strides: [null, 1, 2], padding: ['valid', 'same'] }),
  averagePooling2d: grid(images, { poolSize: [1, 2, 3, 6], strides: [null, 1, 2], padding: ['valid', 'same'] }),
  batchNorm: grid([[[4]], [[3, 3, 2]], [[5, 7]]], { center: [true, false], scale: [true, false], momentum: [0.9] }),
  layerNorm: grid([[[4]], [[3, 3, 2]], [[5, 7]]], { epsilon: [1e-3, 1e-5] }),
  dropout: grid([[[4]], [[2, 3, 4]]], { rate: [0, 0.5] }),
  activation: grid([[[3]], [[2, 2, 2]]], {
    fn: ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'elu', 'selu', 'softplus', 'linear'],
    alpha: [0.1],
  }),
  rescale: grid([[[3]], [[2, 2, 2]], [[4, 5]]], { scale: [4, -0.25, 1 / 127.5], offset: [0, -1] }),
  reshape: [
    ...grid([[[12]]], { targetShape: [[3, 4], [2, 2, 3], [-1, 4], [12], [5, -1], [5, 5], [-1, -1], [2, 3, 2, 1]] }),
    ...grid([[[2, 3, 4]]], { targetShape: [[24], [4, -1], [6, 4], [7, -1]] }),
  ],
  flatten: grid([[[2, 3, 4]], [[5, 5]], [[6]]], {}),
  concatenate: [
    ...grid(
      [
        [[3], [4]],
        [[3], [4], [5]],
        [
          [2, 2, 1],
          [2, 2, 3],
        ],
        [
          [2, 2, 1],
          [3, 2, 1],
        ],
        [
          [2, 2],
          [2, 3],
        ],
        [[3], [2, 2]],
      ],
      { axis: [-1, 0, 1, 2, -2, 3] },
    ),
  ],
  add: grid(
    [
      [[3], [3]],
      [
        [2, 2, 1],
        [2, 2, 1],
        [2, 2, 1],
      ],
      [[3], [4]],
      [
        [2, 2],
        [2, 3],
      ],
    ],
    {},
  ),
  output: grid([[[3]], [[28, 28, 1]]], {}),
};

/** What tfjs really does with the layer: its symbolic and its computed output shape and its weight count. */
function tfjsReality(kind: LayerKind, params: Record<string, unknown>, inputs: Shape[], name: string) {
  const spec = LAYERS[kind];
  const parsed = spec.schema.parse(params) as Record<string, unknown>;
  const symbolic = inputs.map((shape, i) => tf.input({ shape, name: `${name}_in${i}` }));
  const out = spec.build(tf, symbolic, parsed, name, ctx);
  const model = tf.model({ inputs: symbolic.length ? symbolic : [out], outputs: out });
  try {
    const feeds = model.inputs.map((input) => tf.zeros([2, ...(input.shape.slice(1) as number[])]));
    const result = model.predict(feeds) as tf.Tensor;
    const real = result.shape.slice(1);
    tf.dispose([...feeds, result]);
    return { symbolic: out.shape.slice(1), real, params: model.countParams() };
  } finally {
    model.dispose();
  }
}

/** Refusals that are GANvas policy, not tfjs limits: tfjs would build these, but they are mistakes in a GAN. */
const POLICY: Partial<Record<LayerKind, (params: Record<string, unknown>, inputs: Shape[]) => boolean>> = {
  // tfjs applies Dense to the last axis of any rank; in a G or D that is almost always a missing Flatten.
  dense: (_p, [input]) => (input?.length ?? 0) > 1,
  // tfjs builds BatchNorm without center or scale but cannot take its gradient (tfjs issue 2868).
  batchNorm: (p) => p.center === false || p.scale === false,
};

let counter = 0;

describe('inferShape matches tfjs', () => {
  it('covers every kind', () => {
    expect(Object.keys(CASES).sort()).toEqual([...LAYER_KINDS].sort());
  });

  for (const kind of LAYER_KINDS) {
    it(`${kind}: ${CASES[kind].length} parameter combinations`, () => {
      let valid = 0;
      for (const { params, inputs } of CASES[kind]) {
        const spec = LAYERS[kind];
        const parsed = spec.schema.safeParse(params);
        expect(parsed.success, `${kind} ${JSON.stringify(params)} should parse`).toBe(true);
        const inferred = spec.infer(inputs, parsed.data as Record<string, unknown>, ctx);
        const label = `${kind} ${JSON.stringify(params)} on ${JSON.stringify(inputs)}`;
        const name = `t${counter++}`;
        if ('error' in inferred) {
          // A refusal must be justified: tfjs either fails or yields an unusable shape.
          let reality: ReturnType<typeof tfjsReality> | null = null;
          try {
            reality = tfjsReality(kind, params, inputs, name);
          } catch {
            reality = null;
          }
          const policy = POLICY[kind]?.(params, inputs) ?? false;
          const unusable =
            policy ||
            reality === null ||
            reality.real.some((d) => d <= 0 || !Number.isInteger(d)) ||
            String(reality.real) !== String(reality.symbolic);
          expect(unusable, `${label}: analyze refused (${inferred.error.en}) but tfjs built ${JSON.stringify(reality)}`).toBe(true);
          continue;
        }
        valid++;
        const reality = tfjsReality(kind, params, inputs, name);
        expect(reality.symbolic, label).toEqual(inferred.shape);
        expect(reality.real, label).toEqual(inferred.shape);
        expect(reality.params, label).toBe(inferred.params);
      }
      expect(valid).toBeGreaterThan(0);
    });
  }
});
