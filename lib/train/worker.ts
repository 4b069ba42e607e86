/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { IMAGE_SET_URLS, loadImageSet } from '../data/load-image-set';
import { loadUserImages } from '../data/user-images';
import type { DatasetRef, GanProject } from '../project/schema';
import { registerBackends, type BackendChoice, type BackendDecision } from './backends';
import { createSession, type GanArtifacts, type SessionUpdate, type TrainingSession } from './session';
import type { StepMode } from './trainer';
import type { Visual } from './visuals';
import type { GanWeights } from './weights';

/** The training worker: every tensor lives here, off the main thread. */
let session: TrainingSession | null = null;

async function loadImages(ref: DatasetRef) {
  if (ref.id === 'mnist' || ref.id === 'fashion-mnist') return loadImageSet(IMAGE_SET_URLS[ref.id]);
  if (ref.id === 'images') {
    const set = await loadUserImages();
    if (!set) throw new Error('No images yet: drop some image files on the Data panel first.');
    return set;
  }
  throw new Error(`${ref.id} is not an image dataset`);
}

function live(): TrainingSession {
  if (!session) throw new Error('Training has not started');
  return session;
}

const api = {
  async start(project: GanProject, backend: BackendChoice, resume?: GanWeights): Promise<BackendDecision> {
    await registerBackends(`${self.location.origin}/tfjs-wasm/`);
    session?.dispose();
    session = null;
    session = await createSession({ project, backend, loadImages, resume });
    return session.decision;
  },
  play(onUpdate: (update: SessionUpdate) => void): void {
    live().play(onUpdate);
  },
  pause(): void {
    session?.pause();
  },
  step(mode: StepMode): Promise<SessionUpdate> {
    return live().step(mode);
  },
  visual(): Promise<Visual> {
    return live().visual();
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

Comlink.expose(api);
