import * as tf from '@tensorflow/tfjs';
import { bi, BiError, type BiText } from '../i18n/bi';
import type { GanProject } from '../project/schema';
import { speedUpWasmMatMul } from './wasm-matmul';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

/** Layer kinds whose training needs kernels the wasm backend lacks (Conv2DBackpropFilter and pooling grads). */
const WASM_UNTRAINABLE = new Set(['conv2d', 'conv2dTranspose', 'maxPooling2d', 'averagePooling2d', 'upSampling2d']);

let registered: Promise<void> | null = null;

/** Backends whose device was lost in this worker: tfjs keeps their instance, so they stay out. */
const lost = new Map<BackendName, string>();

/** Marks a backend unusable for the rest of this worker's life (a lost WebGPU device). */
export function markLost(backend: BackendName, why: string): void {
  lost.set(backend, why);
}

/** Loads the optional backends once; `wasmPath` is where public/tfjs-wasm/ is served. */
export function registerBackends(wasmPath = '/tfjs-wasm/'): Promise<void> {
  registered ??= (async () => {
    await import('@tensorflow/tfjs-backend-webgpu').catch(() => undefined);
    const wasm = await import('@tensorflow/tfjs-backend-wasm').catch(() => null);
    wasm?.setWasmPaths(wasmPath);
    speedUpWasmMatMul();
  })();
  return registered;
}

/** Why a backend cannot train this project, in both languages, or null when it can. */
export function unsupportedReason(backend: BackendName, project: GanProject): BiText | null {
  const gone = lost.get(backend);
  if (gone) return bi(`${backend} stopped working in this tab (${gone}); reload the page to use it again`, `${backend} 在这个标签页中已停止工作（${gone}）；重新载入页面后才能再用`);
  if (backend === 'wasm') {
    const conv = [...project.generator.nodes, ...project.discriminator.nodes].find((n) => WASM_UNTRAINABLE.has(n.kind));
    if (conv) return bi(`wasm cannot train ${conv.kind} layers (tfjs has no Conv2DBackpropFilter on wasm)`, `wasm 无法训练 ${conv.kind} 层（tfjs 在 wasm 上没有 Conv2DBackpropFilter）`);
  }
  return null;
}

export interface AdapterInfo {
  available: boolean;
  /** A software adapter (SwiftShader) or a real GPU. */
  fallback: boolean;
  /** The adapter's name, or why there is none (English). */
  description: string;
  /** `description` in Chinese (an adapter's name stays as it is). */
  zh: string;
}

type GpuAdapter = { isFallbackAdapter?: boolean; info?: { vendor?: string; architecture?: string; description?: string } };

/** What WebGPU offers here: a real GPU, a software fallback, or nothing. */
export async function webgpuAdapter(): Promise<AdapterInfo> {
  const gpu = (globalThis.navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } } | undefined)?.gpu;
  if (!gpu) return { available: false, fallback: false, description: 'this browser offers no WebGPU', zh: '这个浏览器不支持 WebGPU' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, fallback: false, description: 'WebGPU found no adapter', zh: 'WebGPU 没有找到适配器' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
    const fallback = adapter.isFallbackAdapter === true || /swiftshader/i.test(name);
    return { available: true, fallback, description: name || 'unknown adapter', zh: name || '未知适配器' };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { available: false, fallback: false, description: `WebGPU failed: ${why}`, zh: `WebGPU 出错：${why}` };
  }
}

/** Switches tfjs to a backend; false when it cannot start here. */
export async function switchBackend(backend: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(backend);
    await tf.ready();
    return ok && tf.getBackend() === backend;
  } catch {
    return false;
  }
}

export interface BackendDecision {
  backend: BackendName;
  /** Why this backend (English). */
  reason: string;
  /** `reason` in Chinese, made from the same figures. */
  zh: string;
  /** Milliseconds per iteration measured for each candidate that was timed. */
  timings: Partial<Record<BackendName, number>>;
}

/**
 * Auto: WebGPU on a real GPU; otherwise time the actual graph on each backend that can train it
 * (one warm-up iteration, then two timed) and keep the fastest. `timeIterations` builds a trainer
 * on the current backend and returns ms per iteration.
 */
export async function chooseBackend(
  project: GanProject,
  choice: BackendChoice,
  timeIterations: () => Promise<number>,
): Promise<BackendDecision> {
  if (choice !== 'auto') {
    const why = unsupportedReason(choice, project);
    if (why) throw new BiError(bi(`${choice} was chosen, but ${why.message}`, `选择了 ${choice}，但${why.zh}`));
    if (!(await switchBackend(choice))) throw new BiError(bi(`${choice} is not available in this browser`, `${choice} 在这个浏览器中不可用`));
    return { backend: choice, reason: `${choice}, as chosen`, zh: `${choice}（按你的选择）`, timings: {} };
  }
  const gpu = await webgpuAdapter();
  if (gpu.available && !gpu.fallback && !lost.has('webgpu') && (await switchBackend('webgpu'))) {
    return { backend: 'webgpu', reason: `WebGPU on a real GPU (${gpu.description})`, zh: `在真实 GPU 上使用 WebGPU（${gpu.zh}）`, timings: {} };
  }
  const timings: Partial<Record<BackendName, number>> = {};
  // A software WebGPU adapter (SwiftShader) is no GPU, but with async reads it can still be the
  // fastest backend here, so it is timed like the others rather than taken on trust.
  const skipped: BiText[] = [
    gpu.available
      ? bi(`WebGPU is a software adapter (${gpu.description}), timed like the others`, `WebGPU 是软件适配器（${gpu.zh}），与其他后端一样计时`)
      : bi(gpu.description, gpu.zh),
  ];
  const candidates: BackendName[] = gpu.available ? ['webgpu', 'webgl', 'wasm', 'cpu'] : ['webgl', 'wasm', 'cpu'];
  for (const backend of candidates) {
    const why = unsupportedReason(backend, project);
    if (why) {
      skipped.push(why);
      continue;
    }
    if (!(await switchBackend(backend))) {
      skipped.push(bi(`${backend} is not available`, `${backend} 不可用`));
      continue;
    }
    try {
      timings[backend] = await timeIterations();
    } catch (err) {
      const why = err instanceof Error ? err.message.slice(0, 80) : 'error';
      skipped.push(bi(`${backend} failed (${why})`, `${backend} 出错（${why}）`));
    }
  }
  const ranked = (Object.entries(timings) as [BackendName, number][]).sort((a, b) => a[1] - b[1]);
  const best = ranked[0];
  const notes = { en: skipped.map((s) => s.message).join('; '), zh: skipped.map((s) => s.zh).join('；') };
  if (!best) throw new BiError(bi(`no backend can train this graph here: ${notes.en}`, `这里没有能训练这张图的后端：${notes.zh}`));
  await switchBackend(best[0]);
  const measured = ranked.map(([b, ms]) => `${b} ${ms.toFixed(0)} ms`);
  return {
    backend: best[0],
    reason: `fastest for this graph (${measured.join(', ')} per iteration); ${notes.en}`,
    zh: `对这张图最快（每次迭代 ${measured.join('、')}）；${notes.zh}`,
    timings,
  };
}
