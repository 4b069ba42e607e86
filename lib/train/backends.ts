import * as tf from '@tensorflow/tfjs';
import { bi, BiError, type BiText } from '../i18n/bi';
import type { GanProject } from '../project/schema';
import { fixWasmKernels } from './wasm-kernels';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

let registered: Promise<void> | null = null;

type WasmThreadsApi = { wasm?: { tfjs?: { getThreadsCount(): number; initWithThreadsCount(n: number): void } } };
let wasmMaxThreads = 1;

/** How many threads the wasm backend runs now (1 until it has started, and without isolation). */
export function wasmThreads(): number {
  try {
    const api = (tf.findBackend('wasm') as unknown as WasmThreadsApi | null)?.wasm?.tfjs;
    return api ? Math.max(1, api.getThreadsCount()) : 1;
  } catch {
    return 1;
  }
}

/** The most threads wasm can run here (what it started with). */
export function wasmThreadLimit(): number {
  return wasmMaxThreads;
}

/**
 * Changes wasm's thread count while it runs: XNNPACK takes the pool on every call, so the next
 * kernel uses the new one. Tiny networks run faster on one thread than on two (the hand-over costs
 * more than the work); auto measures both. Returns the count now in force.
 */
export function setWasmThreads(n: number): number {
  const api = (tf.findBackend('wasm') as unknown as WasmThreadsApi | null)?.wasm?.tfjs;
  if (!api) return 1;
  const wanted = Math.max(1, Math.min(wasmMaxThreads, Math.floor(n)));
  // Each change makes a new pool and tfjs cannot free the old one: change only when it differs.
  if (wanted === wasmThreads()) return wanted;
  try {
    api.initWithThreadsCount(wanted);
  } catch {
    // The count stays as it was.
  }
  return wasmThreads();
}

/** A backend as the backend line names it: "wasm, 2 threads". */
export function backendLabel(backend: BackendName): BiText {
  if (backend !== 'wasm') return bi(backend, backend);
  const n = wasmThreads();
  return bi(`wasm, ${n} thread${n === 1 ? '' : 's'}`, `wasm，${n} 个线程`);
}

/** Backends whose device was lost in this worker: tfjs keeps their instance, so they stay out. */
const lost = new Map<BackendName, string>();

/** Marks a backend unusable for the rest of this worker's life (a lost WebGPU device). */
export function markLost(backend: BackendName, why: string): void {
  lost.set(backend, why);
}

const GLUE_PREFIX = 'var WasmBackendModuleThreadedSimd = ';

/**
 * tfjs starts each wasm thread from a Blob holding `factory.toString()` of its Emscripten glue;
 * once a bundler has minified the glue, that text refers to names outside the function and every
 * thread dies ("r is not defined"), so the backend never starts. The glue as shipped (copied to
 * public/tfjs-wasm/ by scripts/copy-tfjs-wasm.mjs) is put in that Blob instead. False when it
 * cannot be fetched: then wasm runs single-threaded.
 */
async function threadedGlue(wasmPath: string): Promise<boolean> {
  const glue = await fetch(`${wasmPath}tfjs-backend-wasm-threaded-simd.js`)
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
  if (!glue?.includes(GLUE_PREFIX)) return false;
  const source: string = glue;
  const Original = globalThis.Blob;
  globalThis.Blob = class extends Original {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const first = parts?.[0];
      super(typeof first === 'string' && first.startsWith(GLUE_PREFIX) ? [source] : parts, options);
    }
  };
  return true;
}

/**
 * tfjs's wasm binary caps its thread pool at half of navigator.hardwareConcurrency (it assumes two
 * hyperthreads per core), so a 2-core laptop got 1 thread whatever setThreadsCount said. The
 * binary reads the count once, when it starts: for that moment the worker reports twice its cores,
 * and the pool gets the count asked for. The backend starts here, before any training.
 */
async function startOnAllCores(cores: number): Promise<void> {
  const nav = globalThis.navigator as Navigator & { hardwareConcurrency: number };
  let shadowed = false;
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', { value: cores * 2, configurable: true });
    shadowed = true;
  } catch {
    // A browser that refuses: the pool keeps tfjs's count.
  }
  try {
    await tf.setBackend('wasm');
    await tf.ready();
    wasmMaxThreads = wasmThreads();
  } catch {
    // wasm cannot start here; the backend choice will say so.
  } finally {
    if (shadowed) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/** Loads the optional backends once; `wasmPath` is where public/tfjs-wasm/ is served. */
export function registerBackends(wasmPath = '/tfjs-wasm/'): Promise<void> {
  registered ??= (async () => {
    await import('@tensorflow/tfjs-backend-webgpu').catch(() => undefined);
    const wasm = await import('@tensorflow/tfjs-backend-wasm').catch(() => null);
    wasm?.setWasmPaths(wasmPath);
    // Threads only help where the page is cross-origin isolated (SharedArrayBuffer); tfjs then
    // loads its threaded SIMD binary and caps the count at 8.
    const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
    if (wasm && globalThis.crossOriginIsolated) {
      if (await threadedGlue(wasmPath)) {
        wasm.setThreadsCount(Math.max(1, Math.min(8, cores)));
        await startOnAllCores(cores);
      } else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    fixWasmKernels();
  })();
  return registered;
}

const CONVOLUTIONS = new Set(['conv2d', 'conv2dTranspose']);

/** Whether either network has a convolution (which decides what auto tries). */
export function hasConvolutions(project: GanProject): boolean {
  return [...project.generator.nodes, ...project.discriminator.nodes].some((n) => CONVOLUTIONS.has(n.kind));
}

/** Why a backend cannot train this project, in both languages, or null when it can. */
export function unsupportedReason(backend: BackendName, project: GanProject, auto = false): BiText | null {
  const gone = lost.get(backend);
  if (gone)
    return bi(
      `${backend} stopped working in this tab (${gone}); reload the page to use it again`,
      `${backend} 在这个标签页中已停止工作（${gone}）；重新载入页面后才能再用`,
    );
  // cpu is plain JavaScript: fine for small dense nets, hundreds of times slower than wasm on
  // convolutions. Auto never tries it on those (a trial alone would take minutes); chosen by
  // hand it still runs.
  if (backend === 'cpu' && auto && hasConvolutions(project)) return bi('cpu is far too slow for convolutions', 'cpu 对卷积层太慢');
  return null;
}

export interface AdapterInfo {
  available: boolean;
  /** A software adapter (SwiftShader) or a real GPU. */
  fallback: boolean;
  /** The adapter's name, or why there is none (an adapter's name is the same in Chinese). */
  description: BiText;
}

type GpuAdapter = { isFallbackAdapter?: boolean; info?: { vendor?: string; architecture?: string; description?: string } };

type Gpu = { requestAdapter(): Promise<GpuAdapter | null> };
const adapters = new WeakMap<Gpu, Promise<AdapterInfo>>();

/**
 * What WebGPU offers here: a real GPU, a software fallback, or nothing. Asked once per worker
 * (asking takes a while, and the answer does not change; a lost device is tracked by markLost).
 */
export function webgpuAdapter(): Promise<AdapterInfo> {
  const gpu = (globalThis.navigator as unknown as { gpu?: Gpu } | undefined)?.gpu;
  if (!gpu) return askForAdapter(gpu);
  let info = adapters.get(gpu);
  if (!info) adapters.set(gpu, (info = askForAdapter(gpu)));
  return info;
}

async function askForAdapter(gpu: Gpu | undefined): Promise<AdapterInfo> {
  if (!gpu) return { available: false, fallback: false, description: bi('this browser offers no WebGPU', '这个浏览器不支持 WebGPU') };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, fallback: false, description: bi('WebGPU found no adapter', 'WebGPU 没有找到适配器') };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
    const fallback = adapter.isFallbackAdapter === true || /swiftshader/i.test(name);
    return { available: true, fallback, description: bi(name || 'unknown adapter', name || '未知适配器') };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { available: false, fallback: false, description: bi(`WebGPU failed: ${why}`, `WebGPU 出错：${why}`) };
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
  /** The backend as the backend line names it ("wasm, 2 threads"). */
  label: BiText;
  /** Why this backend, in both languages made from the same figures. */
  reason: BiText;
  /** Milliseconds per iteration known for each backend (timed in a trial, or delivered by the run). */
  timings: Partial<Record<BackendName, number>>;
}

/** A decision about `backend`, labelled as the backend line shows it. */
export function decide(backend: BackendName, reason: BiText, timings: Partial<Record<BackendName, number>> = {}): BackendDecision {
  return { backend, label: backendLabel(backend), reason, timings };
}

/** A backend chosen by hand: refused with the reason when it cannot train this graph here. */
export async function forcedBackend(project: GanProject, choice: BackendName): Promise<BackendDecision> {
  const why = unsupportedReason(choice, project);
  if (why) throw new BiError(bi(`${choice} was chosen, but ${why.en}`, `选择了 ${choice}，但${why.zh}`));
  if (!(await switchBackend(choice))) throw new BiError(bi(`${choice} is not available in this browser`, `${choice} 在这个浏览器中不可用`));
  // wasm chosen by hand runs on all its threads, whatever an earlier auto run settled on.
  if (choice === 'wasm') setWasmThreads(wasmMaxThreads);
  return decide(choice, bi('as chosen', '按你的选择'));
}
