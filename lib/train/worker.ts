/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { IMAGE_SET_URLS, loadImageSet } from '../data/load-image-set';
import { loadUserImages } from '../data/user-images';
import { bi, BiError } from '../i18n/bi';
import type { DatasetRef, GanProject } from '../project/schema';
import { createStore, get, set } from 'idb-keyval';
import type { BackendMemory, RememberedChoice } from './auto-backend';
import { registerBackends, type BackendChoice, type BackendDecision } from './backends';
import { createSession, type GanArtifacts, type SessionUpdate, type TrainingSession } from './session';
import type { StepMode } from './trainer';
import type { Visual } from './visuals';
import type { GanWeights } from './weights';
import type { SampleFrame } from './types';
import { sendChineseWithErrors } from './worker-errors';

/** The training worker: every tensor lives here, off the main thread. */
let session: TrainingSession | null = null;

async function loadImages(ref: DatasetRef) {
  if (ref.id === 'mnist' || ref.id === 'fashion-mnist') return loadImageSet(IMAGE_SET_URLS[ref.id]);
  if (ref.id === 'images') {
    const set = await loadUserImages();
    if (!set) throw new BiError(bi('No images yet: drop some image files on the Data panel first.', '还没有图像：请先把一些图像文件拖到数据面板上。'));
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
  async start(project: GanProject, backend: BackendChoice, resume?: GanWeights): Promise<BackendDecision> {
    await registerBackends(`${self.location.origin}/tfjs-wasm/`);
    session?.dispose();
    session = null;
    session = await createSession({ project, backend, loadImages, resume, memory: backendMemory() });
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
