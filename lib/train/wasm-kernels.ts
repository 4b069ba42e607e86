import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { createWasmConv2DBackpropInput, registerWasmConv2DBackpropFilter, type WasmBackend } from './wasm-conv-grad';
import { speedUpWasmMatMul } from './wasm-matmul';

const PATCHED = Symbol.for('ganvas.wasm-kernels');

type Patched = KernelConfig & { [PATCHED]?: true };

function replace(name: string, make: (original: KernelConfig | undefined) => KernelFunc | null): void {
  const original = tf.getKernel(name, 'wasm') as Patched | undefined;
  if (original?.[PATCHED]) return;
  const kernelFunc = make(original);
  if (!kernelFunc) return;
  if (original) tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...(original ?? { kernelName: name, backendName: 'wasm' }), kernelFunc, [PATCHED]: true } as unknown as KernelConfig);
}

/**
 * The cpu backend's kernel, run on the wasm heap: inputs are read in place, the output is written
 * into a wasm buffer. For kernels whose wasm version gives wrong results (MaxPoolGrad,
 * ResizeNearestNeighborGrad in tfjs 4.22: see tests/train/wasm-grad-kernels.test.ts) and whose
 * cost is a single pass over the data, so plain JavaScript loses little.
 */
function cpuKernelOnHeap(name: string): KernelFunc | null {
  const cpu = tf.getKernel(name, 'cpu');
  if (!cpu) return null;
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as unknown as WasmBackend;
    const views = new Map<object, { values: Float32Array }>();
    for (const t of Object.values(inputs) as TensorInfo[]) views.set(t.dataId, { values: wasm.typedArrayFromHeap(t) });
    const heapBackend = {
      data: { get: (dataId: object) => views.get(dataId) },
      makeTensorInfo: (shape: number[], dtype: 'float32', values: Float32Array) => {
        const out = wasm.makeOutput(shape, dtype);
        // A fresh view: allocating may have grown (and so moved) the heap.
        wasm.typedArrayFromHeap(out).set(values);
        return out;
      },
    };
    return cpu.kernelFunc({ inputs, backend: heapBackend as never, attrs });
  };
}

/**
 * XNNPACK's convolution gives wrong numbers for padding 'same' when the window needs no padding at
 * all and would still overrun (kernel smaller than the stride, e.g. 15 wide, kernel 2, stride 3).
 * 'same' without padding is 'valid' with the same output size, which it computes right.
 */
function sameWithoutPadding(original: KernelConfig | undefined): KernelFunc | null {
  if (!original) return null;
  return (args) => {
    const attrs = args.attrs as unknown as {
      pad: unknown;
      strides: [number, number] | number;
      dilations: [number, number] | number;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
    };
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    if (attrs.pad === 'same') {
      const info = (pad: 'same' | 'valid') =>
        tf.backend_util.computeConv2DInfo(
          x.shape as never,
          filter.shape as never,
          attrs.strides,
          attrs.dilations ?? 1,
          pad,
          attrs.dimRoundingMode,
        );
      const same = info('same');
      const { top, bottom, left, right } = same.padInfo;
      const valid = info('valid');
      if (top + bottom + left + right === 0 && same.outHeight === valid.outHeight && same.outWidth === valid.outWidth) {
        return original.kernelFunc({ ...args, attrs: { ...args.attrs, pad: 'valid' } });
      }
    }
    return original.kernelFunc(args);
  };
}

/**
 * out = tile(x, reps), by block copies: x goes into the first block of every dimension, then each
 * dimension's block is copied along it, innermost first (copyWithin is a memmove).
 */
export function tileInto(x: Float32Array | Int32Array, shape: number[], reps: number[], out: Float32Array | Int32Array): void {
  const n = shape.length;
  const outShape = shape.map((s, i) => s * reps[i]!);
  const inStrides = new Array<number>(n);
  const outStrides = new Array<number>(n);
  for (let d = n - 1, a = 1, b = 1; d >= 0; d--) {
    inStrides[d] = a;
    outStrides[d] = b;
    a *= shape[d]!;
    b *= outShape[d]!;
  }
  const fill = (d: number, inAt: number, outAt: number): void => {
    const size = shape[d]!;
    if (d === n - 1) out.set(x.subarray(inAt, inAt + size), outAt);
    else for (let i = 0; i < size; i++) fill(d + 1, inAt + i * inStrides[d]!, outAt + i * outStrides[d]!);
    const block = size * outStrides[d]!;
    for (let r = 1; r < reps[d]!; r++) out.copyWithin(outAt + r * block, outAt, outAt + block);
  };
  if (n === 0) out.set(x);
  else fill(0, 0, 0);
}

/** tfjs 4.22's wasm Tile is an element-by-element loop (22 ms to broadcast one row to 64×7×7×128). */
function fastTile(original: KernelConfig | undefined): KernelFunc | null {
  if (!original) return null;
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { reps } = args.attrs as unknown as { reps: number[] };
    if ((x.dtype !== 'float32' && x.dtype !== 'int32') || reps.length !== x.shape.length) return original.kernelFunc(args);
    const wasm = args.backend as unknown as WasmBackend;
    const out = wasm.makeOutput(
      x.shape.map((s, i) => s * reps[i]!),
      x.dtype as 'float32',
    );
    tileInto(wasm.typedArrayFromHeap(x), x.shape, reps, wasm.typedArrayFromHeap(out));
    return out;
  };
}

/**
 * Makes tfjs 4.22's wasm backend train everything the layer palette offers: matrix products with
 * transposed operands run fast, Conv2DBackpropFilter exists, Conv2DBackpropInput runs as a matrix
 * product, and the kernels it gets wrong are replaced. Idempotent; a no-op until the wasm backend is loaded.
 */
export function fixWasmKernels(): void {
  if (!tf.getKernel('Transpose', 'wasm')) return;
  speedUpWasmMatMul();
  registerWasmConv2DBackpropFilter();
  for (const name of ['MaxPoolGrad', 'ResizeNearestNeighborGrad']) replace(name, () => cpuKernelOnHeap(name));
  for (const name of ['Conv2D', 'FusedConv2D']) replace(name, sameWithoutPadding);
  replace('Conv2DBackpropInput', () => createWasmConv2DBackpropInput()?.kernelFunc ?? null);
  replace('Tile', fastTile);
}
