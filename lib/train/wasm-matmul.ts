import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

const PATCHED = Symbol.for('ganvas.wasm-matmul');

/**
 * tfjs's wasm backend multiplies with a transposed operand about ten times slower than without
 * (4 ms against 0.4 ms for 256×128 by 128×128 here), and every dense layer's backward pass asks for
 * exactly that (dA = dy·Bᵀ, dB = Aᵀ·dy). This re-registers the wasm `BatchMatMul` and
 * `_FusedMatMul` kernels so that a transposed operand is first materialised by the wasm `Transpose`
 * kernel and the product runs untransposed. Same results; gradients are untouched (they are
 * recorded against the kernel's name and attributes, not its implementation). Idempotent; a no-op
 * until the wasm backend is loaded.
 */
export function speedUpWasmMatMul(): void {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) return;
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const original = tf.getKernel(name, 'wasm') as (KernelConfig & { [PATCHED]?: true }) | undefined;
    if (!original || original[PATCHED]) continue;
    const kernelFunc: KernelConfig['kernelFunc'] = (args) => {
      const attrs = args.attrs as NamedAttrMap & { transposeA?: boolean; transposeB?: boolean };
      if (!attrs.transposeA && !attrs.transposeB) return original.kernelFunc(args);
      const inputs = { ...args.inputs } as { a: TensorInfo; b: TensorInfo };
      const temps: TensorInfo[] = [];
      const flip = (key: 'a' | 'b') => {
        const x = inputs[key];
        const rank = x.shape.length;
        const perm = x.shape.map((_, i) => (i < rank - 2 ? i : 2 * rank - 3 - i));
        const out = transpose.kernelFunc({ inputs: { x }, backend: args.backend, attrs: { perm } }) as TensorInfo;
        temps.push(out);
        inputs[key] = out;
      };
      if (attrs.transposeA) flip('a');
      if (attrs.transposeB) flip('b');
      try {
        return original.kernelFunc({ ...args, inputs, attrs: { ...attrs, transposeA: false, transposeB: false } });
      } finally {
        for (const t of temps) (args.backend as tf.KernelBackend).disposeData(t.dataId);
      }
    };
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...original, kernelFunc, [PATCHED]: true } as KernelConfig);
  }
}
