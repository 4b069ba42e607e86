import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixWasmKernels } from '../../lib/train/wasm-kernels';

type Pad = 'valid' | 'same';
const PADDINGS: Pad[] = ['valid', 'same'];

/** Values and gradients of `f` on a backend, inputs made there from the same seeds. */
async function gradsOn(backend: 'cpu' | 'wasm', shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor): Promise<number[][]> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => {
    const xs = shapes.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 7 + i));
    // A fixed random weighting of the output, so every output element's gradient matters.
    const { value, grads } = tf.valueAndGrads((...ins: tf.Tensor[]) => {
      const y = f(...ins);
      return tf.sum(tf.mul(y, tf.randomNormal(y.shape, 0, 1, 'float32', 99)));
    })(xs);
    return [value, f(...xs), ...grads];
  });
  const values = await Promise.all(out.map(async (t) => Array.from(await t.data())));
  tf.dispose(out);
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

/** Largest difference relative to the scale of the reference values. */
function relativeError(a: number[][], b: number[][]): number {
  expect(a.map((x) => x.length)).toEqual(b.map((x) => x.length));
  let worst = 0;
  a.forEach((xs, i) => {
    const ref = b[i]!;
    const scale = Math.max(1, ...ref.map(Math.abs));
    xs.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ref[j]!) / scale)));
  });
  return worst;
}

async function expectSameOnWasm(shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor): Promise<void> {
  const wasm = await gradsOn('wasm', shapes, f);
  const cpu = await gradsOn('cpu', shapes, f);
  expect(relativeError(wasm, cpu)).toBeLessThan(1e-4);
}

describe('wasm kernels that training needs, against the cpu backend', () => {
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await tf.setBackend('wasm');
    await tf.ready();
    fixWasmKernels();
    fixWasmKernels();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('registers Conv2DBackpropFilter on wasm', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  // The layer table's combinations: stride 1-3, both paddings, odd and even kernels, 1 to 16 channels,
  // square and oblong images, batch 1 and 3.
  const convCases: [number, number, Pad, number, number, number[]][] = [];
  for (const stride of [1, 2, 3])
    for (const padding of PADDINGS)
      for (const kernel of [1, 2, 3, 4, 5])
        for (const [cin, cout] of [
          [1, 4],
          [3, 16],
          [16, 2],
        ] as const)
          convCases.push([stride, kernel, padding, cin, cout, stride === 2 && kernel === 5 ? [1, 9, 7] : [3, 8, 8]]);

  it.each(convCases)(
    'conv2d stride %i kernel %i %s, %i→%i channels: output, input and filter gradients',
    async (stride, kernel, padding, cin, cout, [b, h, w]) => {
      await expectSameOnWasm(
        [
          [b!, h!, w!, cin],
          [kernel, kernel, cin, cout],
        ],
        (x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, stride, padding),
      );
    },
  );

  const deconvCases: [number, number, Pad, number, number][] = [];
  for (const stride of [1, 2, 3])
    for (const padding of PADDINGS)
      for (const kernel of [2, 3, 4, 5])
        for (const [cin, cout] of [
          [8, 1],
          [4, 6],
        ] as const)
          deconvCases.push([stride, kernel, padding, cin, cout]);

  it.each(deconvCases)(
    'conv2dTranspose stride %i kernel %i %s, %i→%i channels: output, input and filter gradients',
    async (stride, kernel, padding, cin, cout) => {
      const [h, w] = [5, 4];
      const out = padding === 'same' ? [h * stride, w * stride] : [(h - 1) * stride + kernel, (w - 1) * stride + kernel];
      await expectSameOnWasm(
        [
          [2, h, w, cin],
          [kernel, kernel, cout, cin],
        ],
        (x, f) => tf.conv2dTranspose(x as tf.Tensor4D, f as tf.Tensor4D, [2, out[0]!, out[1]!, cout], stride, padding),
      );
    },
  );

  const poolCases: [string, number, number, Pad][] = [];
  for (const op of ['max', 'avg'])
    for (const size of [2, 3]) for (const stride of [1, 2, 3]) for (const padding of PADDINGS) poolCases.push([op, size, stride, padding]);

  it.each(poolCases)('%sPool size %i stride %i %s: output and input gradient', async (op, size, stride, padding) => {
    // Ties in max pooling would make the gradient's choice of winner arbitrary: distinct values only.
    const pool = op === 'max' ? tf.maxPool : tf.avgPool;
    await expectSameOnWasm([[2, 7, 6, 3]], (x) => pool(x as tf.Tensor4D, size, stride, padding));
  });

  it.each([2, 3])('nearest-neighbour upsampling ×%i: output and input gradient', async (size) => {
    await expectSameOnWasm([[2, 4, 5, 3]], (x) => tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [4 * size, 5 * size]));
  });

  // Square images only: for oblong ones tfjs 4.22's ResizeBilinearGrad swaps height and width on
  // every backend, cpu included.
  it.each([2, 3])('bilinear upsampling ×%i (as UpSampling2D does it): output and input gradient', async (size) => {
    await expectSameOnWasm([[2, 5, 5, 3]], (x) => tf.image.resizeBilinear(x as tf.Tensor4D, [5 * size, 5 * size]));
  });

  it.each([
    [
      [1, 1, 1, 8],
      [4, 3, 5, 1],
    ],
    [
      [2, 3],
      [3, 2],
    ],
    [
      [3, 1, 2],
      [1, 4, 1],
    ],
    [[5], [1]],
  ])('tile %j by %j (and its gradient)', async (shape, reps) => {
    await expectSameOnWasm([shape], (x) => tf.tile(x, reps));
    await tf.setBackend('wasm');
    const ints = tf.tidy(() =>
      tf.tile(
        tf
          .range(
            0,
            shape.reduce((a, b) => a * b, 1),
            1,
            'int32',
          )
          .reshape(shape),
        reps,
      ),
    );
    const onWasm = Array.from(await ints.data());
    ints.dispose();
    await tf.setBackend('cpu');
    const ref = tf.tidy(() =>
      tf.tile(
        tf
          .range(
            0,
            shape.reduce((a, b) => a * b, 1),
            1,
            'int32',
          )
          .reshape(shape),
        reps,
      ),
    );
    expect(onWasm).toEqual(Array.from(await ref.data()));
    ref.dispose();
  });

  it('a convolution with padding same that needs no padding (kernel 2, stride 3 on 15×12)', async () => {
    await expectSameOnWasm(
      [
        [2, 15, 12, 4],
        [2, 2, 4, 8],
      ],
      (x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 3, 'same'),
    );
  });
});
