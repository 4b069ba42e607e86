import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speedUpWasmMatMul } from '../../lib/train/wasm-matmul';

const COMBOS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

/** Runs `f` on a backend (its inputs made there too: a tensor moved between backends inside a kernel reads as a leak) and returns its outputs' values. */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await tf.setBackend(backend);
  const out = tf.tidy(f);
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map(async (t) => Array.from(await t.data())));
  tf.dispose(list);
  return values;
}

function expectClose(a: number[][], b: number[][]): void {
  expect(a.map((x) => x.length)).toEqual(b.map((x) => x.length));
  const worst = Math.max(...a.flatMap((x, i) => x.map((v, j) => Math.abs(v - (b[i]?.[j] ?? NaN)))));
  expect(worst).toBeLessThan(1e-4);
}

describe('wasm matMul with transposed operands', () => {
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    speedUpWasmMatMul();
    speedUpWasmMatMul();
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is installed on both matMul kernels', () => {
    for (const name of ['BatchMatMul', '_FusedMatMul'])
      expect(Object.getOwnPropertySymbols(tf.getKernel(name, 'wasm')).map(String)).toContain('Symbol(ganvas.wasm-matmul)');
  });

  it('gives the cpu backend’s products for every transpose combination, batched or not', async () => {
    for (const [ta, tb] of COMBOS) {
      for (const batch of [[], [3]]) {
        const a = () => tf.randomNormal([...batch, ...(ta ? [7, 5] : [5, 7])], 0, 1, 'float32', 1);
        const b = () => tf.randomNormal([...batch, ...(tb ? [4, 7] : [7, 4])], 0, 1, 'float32', 2);
        const f = () => tf.matMul(a(), b(), ta, tb);
        expectClose(await on('wasm', f), await on('cpu', f));
      }
    }
  });

  it('fixes the fused product with a transposed operand (unpatched wasm adds the bias in the wrong layout)', async () => {
    for (const [ta, tb] of COMBOS) {
      const a = () => tf.randomNormal(ta ? [7, 5] : [5, 7], 0, 1, 'float32', 1);
      const b = () => tf.randomNormal(tb ? [4, 7] : [7, 4], 0, 1, 'float32', 2);
      const bias = () => tf.randomNormal([4], 0, 1, 'float32', 3);
      const fused = () => tf.fused.matMul({ a: a(), b: b(), transposeA: ta, transposeB: tb, bias: bias(), activation: 'relu' });
      // The reference spells the fused op out (tfjs's cpu fused kernel leaks a buffer on this path).
      const plain = () => tf.relu(tf.add(tf.matMul(a(), b(), ta, tb), bias()));
      expectClose(await on('wasm', fused), await on('cpu', plain));
    }
  });

  it('gives the cpu backend’s gradients of a dense network', async () => {
    const f = () => {
      const x = tf.randomNormal([16, 6], 0, 1, 'float32', 4);
      const loss = (p: tf.Tensor, q: tf.Tensor) => tf.mean(tf.square(tf.matMul(tf.relu(tf.matMul(x, p)), q)));
      return tf.grads(loss)([tf.randomNormal([6, 8], 0, 1, 'float32', 5), tf.randomNormal([8, 1], 0, 1, 'float32', 6)]);
    };
    expectClose(await on('wasm', f), await on('cpu', f));
  });

  it('frees the transposed copies', async () => {
    await tf.setBackend('wasm');
    const a = tf.randomNormal([32, 16]);
    const b = tf.randomNormal([32, 16]);
    tf.tidy(() => tf.matMul(a, b, true, false)).dispose();
    const before = tf.engine().backend.numDataIds();
    for (let i = 0; i < 20; i++) tf.tidy(() => [tf.matMul(a, b, true, false), tf.matMul(a, b, false, true)]).forEach((t) => t.dispose());
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([a, b]);
  });
});
