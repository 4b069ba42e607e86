/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { IMAGE_SET_URLS, loadImageSet } from '../data/load-image-set';
import { loadUserImages } from '../data/user-images';
import type { ImageSet } from '../data/image-set';
import { fetchJudge } from '../quality/judge';
import { bi, BiError } from '../i18n/bi';
import type { DatasetRef, GanProject } from '../project/schema';
import { createStore, get, set } from 'idb-keyval';
import type { BackendMemory, RememberedChoice } from './auto-backend';
import { registerBackends, webgpuAdapter, type BackendChoice, type BackendDecision } from './backends';
import {
  createSession,
  type GanArtifacts,
  type LatentRequest,
  type LatentResult,
  type SessionUpdate,
  type TrainingSession,
} from './session';
import type { StepMode } from './trainer';
import type { Visual } from './visuals';
import type { GanWeights } from './weights';
import type { SampleFrame } from './types';
import { sendChineseWithErrors } from './worker-errors';

/** The training worker: every tensor lives here, off the main thread. */
let session: TrainingSession | null = null;

/** The built-in image sets once unpacked: they never change, and each start would otherwise unpack again. */
const builtIn = new Map<string, Promise<ImageSet>>();

async function loadImages(ref: DatasetRef): Promise<ImageSet> {
  if (ref.id === 'mnist' || ref.id === 'fashion-mnist') {
    const url = IMAGE_SET_URLS[ref.id];
    let set = builtIn.get(url);
    if (!set) {
      set = loadImageSet(url);
      builtIn.set(url, set);
      // A failed fetch is tried again next time.
      set.catch(() => builtIn.delete(url));
    }
    return set;
  }
  if (ref.id === 'images') {
    const set = await loadUserImages();
    if (!set)
      throw new BiError(
        bi('No images yet: drop some image files on the Data panel first.', '还没有图像：请先把一些图像文件拖到数据面板上。'),
      );
    return set;
  }
  throw new BiError(bi(`${ref.id} is not an image dataset`, `${ref.id} 不是图像数据集`));
}

/** Auto's decisions per machine and graph, in IndexedDB (which workers have too). */
function backendMemory(): BackendMemory | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = createStore('ganvas-backends', 'decisions');
  return {
    get: (key) => get<RememberedChoice>(key, store),
    set: (key, value) => set(key, value, store),
  };
}

function live(): TrainingSession {
  if (!session) throw new BiError(bi('Training has not started', '训练还没有开始'));
  return session;
}

const api = {
  /**
   * Gets ready to train before Train is pressed: starts the backends (wasm's threads take a while)
   * and unpacks a built-in image set the design uses. Called when the page is idle; failures wait
   * for start, which reports them.
   */
  async prepare(dataset: DatasetRef): Promise<void> {
    const images = dataset.id === 'mnist' || dataset.id === 'fashion-mnist' ? loadImages(dataset).catch(() => undefined) : null;
    await Promise.all([registerBackends(`${self.location.origin}/tfjs-wasm/`).catch(() => undefined), webgpuAdapter(), images]);
  },
  async start(project: GanProject, backend: BackendChoice, resume?: GanWeights): Promise<BackendDecision> {
    await registerBackends(`${self.location.origin}/tfjs-wasm/`);
    session?.dispose();
    session = null;
    session = await createSession({
      project,
      backend,
      loadImages,
      resume,
      memory: backendMemory(),
      loadJudge: (set) => fetchJudge(set, self.location.origin),
    });
    return session.decision;
  },
  play(onUpdate: (update: SessionUpdate) => void | Promise<void>): void {
    live().play(onUpdate);
  },
  pause(): void {
    session?.pause();
  },
  step(mode: StepMode): Promise<SessionUpdate> {
    return live().step(mode);
  },
  traceIteration(): Promise<SessionUpdate> {
    return live().traceIteration();
  },
  advance(iterations: number): Promise<SessionUpdate> {
    return live().advance(iterations);
  },
  visual(): Promise<Visual> {
    return live().visual();
  },
  samplesOf(label: number, count: number): Promise<SampleFrame> {
    return live().samplesOf(label, count);
  },
  async latent(request: LatentRequest): Promise<LatentResult> {
    const result = await live().latent(request);
    return Comlink.transfer(result, [result.data.buffer as ArrayBuffer]);
  },
  getWeights(): Promise<GanWeights> {
    return live().getWeights();
  },
  async exportWeights(): Promise<GanArtifacts> {
    const artifacts = await live().exportWeights();
    const buffers = [artifacts.generator.weightsBin.buffer, artifacts.discriminator.weightsBin.buffer] as ArrayBuffer[];
    return Comlink.transfer(artifacts, buffers);
  },
  importWeights(artifacts: GanArtifacts): Promise<GanWeights> {
    return live().importWeights(artifacts);
  },
  /**
   * Destroys the WebGPU device under the running session, as a driver reset or a GPU hang would:
   * how the e2e test and a curious user (`?debug` in the URL) check the fallback. False when the
   * session is not on WebGPU.
   */
  simulateDeviceLoss(): boolean {
    if (tf.getBackend() !== 'webgpu') return false;
    const device = (tf.backend() as unknown as { device?: { destroy(): void } }).device;
    device?.destroy();
    return device !== undefined;
  },
  dispose(): void {
    session?.dispose();
    session = null;
  },
};

export type TrainerWorkerApi = typeof api;

sendChineseWithErrors();
Comlink.expose(api);
