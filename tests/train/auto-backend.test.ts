import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import {
  chooseMove,
  createRateMeter,
  MEMORY_TTL_MS,
  startBackend,
  usableMemory,
  type BackendMemory,
  type RememberedChoice,
} from '@/lib/train/auto-backend';
import { registerBackends } from '@/lib/train/backends';
import { createSession, type SessionUpdate } from '@/lib/train/session';

function tinyRing(): GanProject {
  const p = presetProject('gan-2d-ring');
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && (n.params.units as number) > 2) n.params.units = 8;
  p.training.batchSize = 16;
  return p;
}

const noImages = async () => {
  throw new Error('no images in this test');
};

describe('auto: where a run goes', () => {
  it('stays until the running backend has a delivered rate, then moves only for a clear gain', () => {
    expect(chooseMove('wasm', { wasm: { ms: 40, source: 'trial' }, webgpu: { ms: 10, source: 'trial' } })).toBeNull();
    expect(chooseMove('wasm', { wasm: { ms: 40, source: 'run' }, webgpu: { ms: 35, source: 'trial' } })).toBeNull();
    expect(
      chooseMove('wasm', { wasm: { ms: 40, source: 'run' }, webgpu: { ms: 20, source: 'trial' }, webgl: { ms: 30, source: 'trial' } })?.to,
    ).toBe('webgpu');
    const back = chooseMove('webgpu', { webgpu: { ms: 260, source: 'run' }, wasm: { ms: 41, source: 'run' } })!;
    expect(back.to).toBe('wasm');
    expect(back.reason.en).toBe('moved to wasm: webgpu ran 260 ms an iteration against 41 ms when it ran on wasm');
  });

  it('measures the delivered rate over the last seconds, leaving out the first chunk on a backend', () => {
    const meter = createRateMeter(3000, 2000);
    meter.reset(0);
    meter.record(500, 1);
    expect(meter.rate(500)).toBeNull();
    meter.record(1500, 11);
    expect(meter.rate(1500)).toBeNull();
    meter.record(2500, 21);
    expect(meter.rate(2500)).toBe(100);
    for (let t = 3500; t <= 9500; t += 1000) meter.record(t, 21 + (t - 2500) / 50);
    expect(meter.rate(9500)).toBeCloseTo(50);
  });

  it('forgets decisions that are too old or whose backend is gone', () => {
    const choice: RememberedChoice = { backend: 'webgl', figures: {}, at: 1000 };
    expect(usableMemory(choice, 2000, () => true)).toBe(choice);
    expect(usableMemory(choice, 2000 + MEMORY_TTL_MS, () => true)).toBeNull();
    expect(usableMemory(choice, 2000, (b) => b !== 'webgl')).toBeNull();
    expect(usableMemory(undefined, 2000, () => true)).toBeNull();
  });
});

describe('auto in a session (cpu and wasm in Node)', () => {
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await registerBackends(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    // Models made on one backend and used on another move a few layer constants; IS_TEST counts that as a kernel leak.
    tf.ENV.set('IS_TEST', false);
  });
  afterAll(async () => {
    tf.ENV.set('IS_TEST', true);
    await tf.setBackend('cpu');
  });

  const map = () => {
    const stored = new Map<string, RememberedChoice>();
    const memory: BackendMemory = { get: async (k) => stored.get(k), set: async (k, v) => void stored.set(k, v) };
    return { stored, memory };
  };

  const playUntil = async (
    session: Awaited<ReturnType<typeof createSession>>,
    done: (u: SessionUpdate, all: SessionUpdate[]) => boolean,
  ) => {
    const updates: SessionUpdate[] = [];
    await new Promise<void>((resolve) => {
      session.play((u) => {
        updates.push(u);
        if (done(u, updates)) {
          session.pause();
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    return updates;
  };

  it('starts on wasm at once, times the rest while training, remembers, and the next start needs no trials', async () => {
    const { stored, memory } = map();
    const project = tinyRing();
    const session = await createSession({
      project,
      backend: 'auto',
      loadImages: noImages,
      memory,
      visualEveryMs: 0,
      trialLimits: { warmupMs: 500, timedMs: 200 },
    });
    expect(session.decision.backend).toBe('wasm');
    expect(session.decision.label.en).toMatch(/^wasm, \d+ threads?$/);
    expect(session.decision.reason.en).toMatch(/started at once on wasm; timing webgl while it trains/);
    const updates = await playUntil(session, () => stored.size > 0);
    const reported = updates.filter((u) => u.backend).map((u) => u.backend!.reason.en);
    // webgl does not exist in Node: its trial fails and says so.
    expect(reported[0]).toMatch(/^stays on wasm: webgl did not finish an iteration within 0.5 s$/);
    const iterations = updates.flatMap((u) => u.metrics.map((m) => m.iteration));
    expect(iterations).toEqual(iterations.map((_, i) => i + 1));
    session.dispose();
    const [remembered] = [...stored.values()];
    expect(remembered!.backend).toBe('wasm');
    expect(remembered!.figures.wasm!.source).toBe('run');

    const again = await createSession({ project, backend: 'auto', loadImages: noImages, memory, visualEveryMs: 0 });
    expect(again.decision.backend).toBe('wasm');
    expect(again.decision.reason.en).toMatch(/measured on this machine for this graph before \(wasm [\d.]+ ms \(run\)\)/);
    again.dispose();
  });

  it('with only a software WebGPU adapter, tries neither webgpu nor webgl, dense or convolutional', async () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const adapter = { isFallbackAdapter: true, info: { vendor: 'google', description: 'swiftshader' } };
    Object.defineProperty(globalThis, 'navigator', {
      value: { hardwareConcurrency: 2, gpu: { requestAdapter: async () => adapter } },
      configurable: true,
    });
    try {
      for (const project of [tinyRing(), presetProject('dcgan-mnist')]) {
        const start = await startBackend(project, 'auto', null);
        expect(start.decision.backend).toBe('wasm');
        expect(start.trials).toEqual([]);
        expect(start.decision.reason.en).toBe(
          'started at once on wasm; WebGPU is a software adapter (google swiftshader), so webgpu and webgl are not tried',
        );
      }
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it(`moves a running run to a backend that measured far faster, and the iterations go on from where they were`, async () => {
    const { stored, memory } = map();
    const project = tinyRing();
    // What an earlier visit measured: cpu chosen, with wasm said to be a thousand times faster.
    const asked: string[] = [];
    const spying: BackendMemory = { get: (k) => (asked.push(k), memory.get(k)), set: memory.set };
    (await createSession({ project, backend: 'auto', loadImages: noImages, memory: spying })).dispose();
    const key = asked[0]!;
    stored.set(key, { backend: 'cpu', figures: { cpu: { ms: 1, source: 'trial' }, wasm: { ms: 0.001, source: 'trial' } }, at: Date.now() });
    const before = tf.memory().numTensors;
    const session = await createSession({ project, backend: 'auto', loadImages: noImages, memory, visualEveryMs: 0 });
    expect(session.decision.backend).toBe('cpu');
    const updates = await playUntil(session, (u) => u.backend?.backend === 'wasm');
    const moved = updates.find((u) => u.backend)!.backend!;
    expect(moved.reason.en).toMatch(/^moved to wasm: cpu ran [\d.]+ ms an iteration against 0\.0 ms timed on wasm$/);
    expect(tf.getBackend()).toBe('wasm');
    const after = await session.step('both');
    const iterations = [...updates.flatMap((u) => u.metrics.map((m) => m.iteration)), ...after.metrics.map((m) => m.iteration)];
    expect(iterations).toEqual(iterations.map((_, i) => i + 1));
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(stored.get(key)!.backend).toBe('wasm');
  });
});
