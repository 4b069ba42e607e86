import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { fixWasmKernels } from '../lib/train/wasm-kernels';

/** Node has no WebGL or WebGPU: benchmarks here run on tfjs's wasm and cpu backends. */
export async function nodeBackend(name: 'wasm' | 'cpu', threads = 1): Promise<void> {
  if (name === 'wasm') {
    setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    setThreadsCount(threads);
    fixWasmKernels();
  }
  await tf.setBackend(name);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`could not start the ${name} backend`);
}
