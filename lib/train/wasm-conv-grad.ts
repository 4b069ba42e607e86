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
 * Visits every piece of every receptive field that lies inside the image: `pixel` is where its CI
 * channels start in x (NHWC), `slot` where they go in the row layout, row n = (b·OH + oh)·OW + ow
 * and slot (kh·KW + kw)·CI within it. Pieces over the padding are skipped.
 */
function eachWindowPiece(info: tf.backend_util.Conv2DInfo, visit: (pixel: number, slot: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rowLength = filterHeight * filterWidth * ci;
  let row = 0;
  for (let b = 0; b < batchSize; b++) {
    const image = b * inHeight * inWidth * ci;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, row++) {
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh - top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw - left;
            if (iw >= 0 && iw < inWidth) visit(image + (ih * inWidth + iw) * ci, row * rowLength + (kh * filterWidth + kw) * ci);
          }
        }
      }
    }
  }
}

/** x's receptive fields as rows (im2row): each piece is one block copy of CI channels; padding stays 0. */
export function im2row(x: Float32Array, info: tf.backend_util.Conv2DInfo, patches: Float32Array): void {
  const ci = info.inChannels;
  patches.fill(0);
  eachWindowPiece(info, (pixel, slot) => {
    if (ci === 1) patches[slot] = x[pixel]!;
    else patches.set(x.subarray(pixel, pixel + ci), slot);
  });
}

/** The adjoint of im2row: every row piece is added back where it came from. */
export function row2im(rows: Float32Array, info: tf.backend_util.Conv2DInfo, dx: Float32Array): void {
  const ci = info.inChannels;
  dx.fill(0);
  eachWindowPiece(info, (pixel, slot) => {
    for (let c = 0; c < ci; c++) dx[pixel + c]! += rows[slot + c]!;
  });
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
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
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
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
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
        dW = matMul.kernelFunc({
          inputs: { a: patchesT, b: dy3 },
          backend,
          attrs: { transposeA: false, transposeB: false } as never,
        }) as TensorInfo;
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
