import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { registerWasmConv2DBackpropFilter, type WasmBackend } from './wasm-conv-grad';
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
    const attrs = args.attrs as unknown as { pad: unknown; strides: [number, number] | number; dilations: [number, number] | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    if (attrs.pad === 'same') {
      const info = (pad: 'same' | 'valid') =>
        tf.backend_util.computeConv2DInfo(x.shape as never, filter.shape as never, attrs.strides, attrs.dilations ?? 1, pad, attrs.dimRoundingMode);
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
 * Makes tfjs 4.22's wasm backend train everything the layer palette offers: matrix products with
 * transposed operands run fast, Conv2DBackpropFilter exists, and the kernels it gets wrong are
 * replaced. Idempotent; a no-op until the wasm backend is loaded.
 */
export function fixWasmKernels(): void {
  if (!tf.getKernel('Transpose', 'wasm')) return;
  speedUpWasmMatMul();
  registerWasmConv2DBackpropFilter();
  for (const name of ['MaxPoolGrad', 'ResizeNearestNeighborGrad']) replace(name, () => cpuKernelOnHeap(name));
  for (const name of ['Conv2D', 'FusedConv2D']) replace(name, sameWithoutPadding);
}
