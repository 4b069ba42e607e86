import { bi, BiError, type BiText } from '../i18n/bi';
import type { GanProject } from '../project/schema';
import {
  decide,
  forcedBackend,
  setWasmThreads,
  switchBackend,
  unsupportedReason,
  wasmThreadLimit,
  webgpuAdapter,
  type AdapterInfo,
  type BackendChoice,
  type BackendDecision,
  type BackendName,
} from './backends';
import { trainingFingerprint } from './fingerprint';

/** Milliseconds per iteration a backend gave: timed in a short trial, or delivered by the run itself. */
export interface Figure {
  ms: number;
  source: 'trial' | 'run';
}

export type Figures = Partial<Record<BackendName, Figure>>;

/** What "auto" remembers per machine and graph, so a later start needs no trials. */
export interface RememberedChoice {
  backend: BackendName;
  /** wasm's thread count, when wasm was chosen. */
  threads?: number;
  figures: Figures;
  /** When it was measured (ms since the epoch). */
  at: number;
}

/** Where decisions are kept (IndexedDB in the browser; nothing, or a Map, in tests). */
export interface BackendMemory {
  get(key: string): Promise<RememberedChoice | undefined>;
  set(key: string, value: RememberedChoice): Promise<void>;
}

/** Decisions older than this are measured again: browsers and drivers change. */
export const MEMORY_TTL_MS = 30 * 24 * 3600 * 1000;

/** A backend must beat the running one by this factor before the run moves: moving costs a pause. */
export const MOVE_MARGIN = 0.8;

/**
 * The key a decision is remembered under: this machine (cores, wasm threads, the WebGPU adapter)
 * and the shape of the work (the training fingerprint without the seed, which does not change speed).
 */
export function memoryKey(project: GanProject, gpu: AdapterInfo, wasmThreads: number, cores: number): string {
  const work = trainingFingerprint({ ...project, training: { ...project.training, seed: 0 } });
  return [`cores ${cores}`, `wasm ${wasmThreads}`, gpu.available ? gpu.description.en : 'no webgpu', work].join(' | ');
}

/** A remembered choice that still applies, or null (too old, or its backend is gone here). */
export function usableMemory(
  memory: RememberedChoice | undefined,
  now: number,
  available: (b: BackendName) => boolean,
): RememberedChoice | null {
  if (!memory || now - memory.at > MEMORY_TTL_MS || !available(memory.backend)) return null;
  return memory;
}

/** "41 ms", "5.4 ms": milliseconds an iteration as the backend line writes them. */
export const formatMs = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
const ms = (f: Figure) => formatMs(f.ms);

/**
 * Where the run should go next, or null to stay. The running backend's own delivered rate is the
 * truth about it; another backend is taken at its best known figure (its own run when it had one,
 * else its trial). A move needs a clear gain (MOVE_MARGIN), so two backends never trade places on noise.
 */
export function chooseMove(current: BackendName, figures: Figures): { to: BackendName; reason: BiText } | null {
  const here = figures[current];
  if (!here || here.source !== 'run') return null;
  let best: [BackendName, Figure] | null = null;
  for (const [name, figure] of Object.entries(figures) as [BackendName, Figure][]) {
    if (name === current || !figure || !Number.isFinite(figure.ms)) continue;
    if (!best || figure.ms < best[1].ms) best = [name, figure];
  }
  if (!best || best[1].ms >= here.ms * MOVE_MARGIN) return null;
  const [to, figure] = best;
  const how = figure.source === 'trial' ? { en: 'timed', zh: '试测' } : { en: 'when it ran', zh: '实际运行' };
  return {
    to,
    reason: bi(
      `moved to ${to}: ${current} ran ${ms(here)} an iteration against ${ms(figure)} ${how.en} on ${to}`,
      `已改用 ${to}：${current} 每次迭代实际用时 ${ms(here)}，而 ${to} ${how.zh}为 ${ms(figure)}`,
    ),
  };
}

/** "wasm 41 ms (run), webgpu 260 ms (timed)": every figure, fastest first. */
export function describeFigures(figures: Figures): BiText {
  const list = (Object.entries(figures) as [BackendName, Figure][]).filter(([, f]) => f).sort((a, b) => a[1].ms - b[1].ms);
  return bi(
    list.map(([b, f]) => `${b} ${ms(f)} (${f.source === 'run' ? 'run' : 'timed'})`).join(', '),
    list.map(([b, f]) => `${b} ${ms(f)}（${f.source === 'run' ? '实际' : '试测'}）`).join('、'),
  );
}

/**
 * A backend's delivered rate: wall-clock milliseconds per iteration over the last few seconds on
 * it, visuals and reports included (what a person watching gets). The first chunk on a backend,
 * which also compiles its kernels, is left out.
 */
export function createRateMeter(windowMs = 3000, settleMs = 2000) {
  let points: { at: number; iteration: number }[] = [];
  let arrived = 0;
  return {
    /** A new backend: forget the old one's history. */
    reset(now: number) {
      points = [];
      arrived = now;
    },
    record(now: number, iteration: number) {
      points.push({ at: now, iteration });
      while (points.length > 2 && now - points[1]!.at > windowMs) points.shift();
    },
    /** ms per iteration, or null until the backend has run long enough to judge. */
    rate(now: number): number | null {
      if (points.length < 2 || now - arrived < settleMs) return null;
      const first = points[0]!;
      const last = points[points.length - 1]!;
      const done = last.iteration - first.iteration;
      return done > 0 ? (last.at - first.at) / done : null;
    },
  };
}

/** How a run starts: the backend it is on now, and what auto still wants to time while it runs. */
export interface BackendStart {
  decision: BackendDecision;
  /** Backends to time briefly once the run is going (empty when the choice is settled). */
  trials: BackendName[];
  figures: Figures;
  /** Where to remember what the run finds out (null: a backend chosen by hand). */
  key: string | null;
  /** wasm's thread count as remembered (undefined: still to be measured). */
  threads?: number;
}

export const timingsOf = (figures: Figures): Partial<Record<BackendName, number>> =>
  Object.fromEntries((Object.entries(figures) as [BackendName, Figure][]).map(([b, f]) => [b, f.ms]));

/**
 * Picks the backend a run starts on, at once and without timing anything: WebGPU on a real GPU;
 * else what this machine measured for this graph before; else wasm, which trains every layer
 * kind and needs no shader compilation, while the others (webgpu on a software adapter, webgl)
 * are timed once the run is going. cpu is a last resort, and never for convolutions.
 */
export async function startBackend(
  project: GanProject,
  choice: BackendChoice,
  memory: BackendMemory | null,
  now = Date.now(),
): Promise<BackendStart> {
  if (choice !== 'auto') return { decision: await forcedBackend(project, choice), trials: [], figures: {}, key: null };
  const gpu = await webgpuAdapter();
  const usable = (b: BackendName) => !unsupportedReason(b, project, true) && (b !== 'webgpu' || gpu.available);
  if (gpu.available && !gpu.fallback && usable('webgpu') && (await switchBackend('webgpu'))) {
    return {
      decision: decide('webgpu', bi(`WebGPU on a real GPU (${gpu.description.en})`, `在真实 GPU 上使用 WebGPU（${gpu.description.zh}）`)),
      trials: [],
      figures: {},
      key: null,
    };
  }
  // wasm starts in well under a second; its thread count is part of the machine's identity.
  const first = (['wasm', 'webgl', 'webgpu', 'cpu'] as const).filter(usable);
  let running: BackendName | null = null;
  for (const b of first)
    if (await switchBackend(b)) {
      running = b;
      break;
    }
  if (!running) throw new BiError(bi('no backend can train this graph in this browser', '这个浏览器中没有能训练这张图的后端'));
  const key = memoryKey(project, gpu, wasmThreadLimit(), globalThis.navigator?.hardwareConcurrency ?? 1);
  const remembered = usableMemory(await memory?.get(key).catch(() => undefined), now, usable);
  if (remembered && (remembered.backend === running || (await switchBackend(remembered.backend)))) {
    // Without a remembered count, wasm starts on all threads (and auto measures the count again).
    if (remembered.backend === 'wasm' && !remembered.threads) setWasmThreads(wasmThreadLimit());
    const known = describeFigures(remembered.figures);
    return {
      decision: decide(
        remembered.backend,
        bi(`measured on this machine for this graph before (${known.en})`, `之前在这台机器上为这张图测得（${known.zh}）`),
        timingsOf(remembered.figures),
      ),
      trials: [],
      figures: remembered.figures,
      key,
      ...(remembered.threads ? { threads: setWasmThreads(remembered.threads) } : {}),
    };
  }
  if (!(await switchBackend(running))) throw new BiError(bi(`${running} stopped working`, `${running} 停止工作`));
  // A run before this one in the same worker may have left wasm on fewer threads: start on all.
  if (running === 'wasm') setWasmThreads(wasmThreadLimit());
  // A software WebGPU adapter (SwiftShader) means there is no GPU here, and WebGL is software too.
  // Measured in this app's worker on such a machine, neither ever beat wasm: WebGPU ran the MLP
  // preset at 260 ms an iteration against wasm's 41 and gave the DCGAN no iteration in 60 s, WebGL
  // is slower still, and their shader compiles keep the cores busy long after a trial is abandoned
  // (WebGL's even block the worker, where no time limit can stop them). They are not tried there.
  const softwareOnly = gpu.available && gpu.fallback;
  const trials = (['webgpu', 'webgl', 'wasm'] as const).filter((b) => b !== running && usable(b) && !(softwareOnly && b !== 'wasm'));
  const gpuNote = gpu.available
    ? softwareOnly
      ? bi(
          `WebGPU is a software adapter (${gpu.description.en}), so webgpu and webgl are not tried`,
          `WebGPU 是软件适配器（${gpu.description.zh}），因此不试 webgpu 和 webgl`,
        )
      : null
    : gpu.description;
  const reason = bi(
    `started at once on ${running}${trials.length ? `; timing ${trials.join(', ')} while it trains` : ''}${gpuNote ? `; ${gpuNote.en}` : ''}`,
    `立即在 ${running} 上开始${trials.length ? `；训练的同时试测 ${trials.join('、')}` : ''}${gpuNote ? `；${gpuNote.zh}` : ''}`,
  );
  return { decision: decide(running, reason), trials, figures: {}, key };
}
