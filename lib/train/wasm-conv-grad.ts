import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** The slice of tfjs's wasm backend this kernel uses (its own heap and kernels). */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

interface FilterGradAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Writes x's receptive fields as rows: patches[n, (kh·KW + kw)·CI + ci] = x[b, oh·sh + kh − top,
 * ow·sw + kw − left, ci] for n = (b·OH + oh)·OW + ow, and 0 where the window hangs over the padding.
 * Each row piece is one contiguous run of CI channels, so this is a sequence of block copies.
 */
export function im2row(x: Float32Array, info: tf.backend_util.Conv2DInfo, patches: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rowLength = filterHeight * filterWidth * ci;
  patches.fill(0);
  let row = 0;
  for (let b = 0; b < batchSize; b++) {
    const image = b * inHeight * inWidth * ci;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, row++) {
        const rowStart = row * rowLength;
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh - top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw - left;
            if (iw < 0 || iw >= inWidth) continue;
            const from = image + (ih * inWidth + iw) * ci;
            const to = rowStart + (kh * filterWidth + kw) * ci;
            if (ci === 1) patches[to] = x[from]!;
            else patches.set(x.subarray(from, from + ci), to);
          }
        }
      }
    }
  }
}

/**
 * The adjoint of im2row: adds each row's pieces back where they came from,
 * dx[b, oh·sh + kh − top, ow·sw + kw − left, ci] += rows[n, (kh·KW + kw)·CI + ci], skipping padding.
 */
export function row2im(rows: Float32Array, info: tf.backend_util.Conv2DInfo, dx: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rowLength = filterHeight * filterWidth * ci;
  dx.fill(0);
  let row = 0;
  for (let b = 0; b < batchSize; b++) {
    const image = b * inHeight * inWidth * ci;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, row++) {
        const rowStart = row * rowLength;
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh - top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw - left;
            if (iw < 0 || iw >= inWidth) continue;
            const to = image + (ih * inWidth + iw) * ci;
            const from = rowStart + (kh * filterWidth + kw) * ci;
            for (let c = 0; c < ci; c++) dx[to + c]! += rows[from + c]!;
          }
        }
      }
    }
  }
}

interface InputGradAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/**
 * `Conv2DBackpropInput` for the wasm backend: every Conv2D's input gradient and every
 * Conv2DTranspose's forward pass. tfjs 4.22's own is a plain loop (1.1 s of the DCGAN preset's
 * 1.8 s iteration here); this is one product on the wasm `BatchMatMul`, rows = dy · Wᵀ, then
 * row2im adds the rows into place.
 */
export function createWasmConv2DBackpropInput(): KernelConfig | null {
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  const reshape = tf.getKernel('Reshape', 'wasm');
  if (!matMul || !transpose || !reshape) return null;
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as InputGradAttrs;
    if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropInput on wasm supports NHWC only');
    const wasm = backend as unknown as WasmBackend;
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const rows = info.batchSize * info.outHeight * info.outWidth;
    const rowLength = info.filterHeight * info.filterWidth * info.inChannels;
    const temps: TensorInfo[] = [];
    const run = (kernel: KernelConfig, kernelInputs: Record<string, TensorInfo>, kernelAttrs: object) => {
      const out = kernel.kernelFunc({ inputs: kernelInputs, backend, attrs: kernelAttrs as never }) as TensorInfo;
      temps.push(out);
      return out;
    };
    try {
      const dy3 = run(reshape, { x: dy }, { shape: [1, rows, info.outChannels] });
      const w3 = run(reshape, { x: filter }, { shape: [1, rowLength, info.outChannels] });
      const wT = run(transpose, { x: w3 }, { perm: [0, 2, 1] });
      const cols = run(matMul, { a: dy3, b: wT }, { transposeA: false, transposeB: false });
      const dx = wasm.makeOutput([...inputShape], 'float32');
      row2im(wasm.typedArrayFromHeap(cols), info, wasm.typedArrayFromHeap(dx));
      return dx;
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  return { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: kernelFunc as KernelFunc };
}

/**
 * `Conv2DBackpropFilter` for the wasm backend, which tfjs 4.22 lacks (so neither Conv2D nor
 * Conv2DTranspose could train there). dW = patchesᵀ · dy: the input's receptive fields laid out as
 * rows (im2row, block copies on the wasm heap), then one product on the wasm backend's own
 * `BatchMatMul` (XNNPACK, threaded), with the smaller side transposed by its `Transpose` kernel so
 * that the product runs untransposed. Checked against the cpu backend's kernel in the tests over
 * strides, paddings, kernel sizes and channel counts.
 */
export function createWasmConv2DBackpropFilter(): KernelConfig | null {
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  const reshape = tf.getKernel('Reshape', 'wasm');
  if (!matMul || !transpose || !reshape) return null;
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as FilterGradAttrs;
    if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');
    const wasm = backend as unknown as WasmBackend;
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const rows = info.batchSize * info.outHeight * info.outWidth;
    const rowLength = info.filterHeight * info.filterWidth * info.inChannels;
    const outChannels = info.outChannels;
    const temps: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (temps.push(t), t);
    const run = (kernel: KernelConfig, kernelInputs: Record<string, TensorInfo>, kernelAttrs: object) =>
      keep(kernel.kernelFunc({ inputs: kernelInputs, backend, attrs: kernelAttrs as never }) as TensorInfo);
    try {
      const patches = keep(wasm.makeOutput([1, rows, rowLength], 'float32'));
      // Views into the heap are taken after every allocation that could grow it.
      im2row(wasm.typedArrayFromHeap(x), info, wasm.typedArrayFromHeap(patches));
      const dy3 = run(reshape, { x: dy }, { shape: [1, rows, outChannels] });
      let dW: TensorInfo;
      if (rows * rowLength <= (rows + rowLength) * outChannels) {
        // patchesᵀ [K, N] · dy [N, CO]
        const patchesT = run(transpose, { x: patches }, { perm: [0, 2, 1] });
        dW = matMul.kernelFunc({ inputs: { a: patchesT, b: dy3 }, backend, attrs: { transposeA: false, transposeB: false } as never }) as TensorInfo;
      } else {
        // (dyᵀ [CO, N] · patches [N, K])ᵀ
        const dyT = run(transpose, { x: dy3 }, { perm: [0, 2, 1] });
        const dWT = run(matMul, { a: dyT, b: patches }, { transposeA: false, transposeB: false });
        dW = transpose.kernelFunc({ inputs: { x: dWT }, backend, attrs: { perm: [0, 2, 1] } as never }) as TensorInfo;
      }
      const out = reshape.kernelFunc({ inputs: { x: dW }, backend, attrs: { shape: filterShape } as never }) as TensorInfo;
      wasm.disposeData(dW.dataId);
      return out;
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: kernelFunc as KernelFunc };
}

/** Registers the kernel above once the wasm backend is loaded; idempotent. */
export function registerWasmConv2DBackpropFilter(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const config = createWasmConv2DBackpropFilter();
  if (config) tf.registerKernel(config);
}
