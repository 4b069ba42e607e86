import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { startBackend } from '@/lib/train/auto-backend';
import { unsupportedReason } from '@/lib/train/backends';
import { createSession, type SessionUpdate } from '@/lib/train/session';
import { trainingFingerprint } from '@/lib/train/fingerprint';
import { readWeightsZip, weightsZip } from '@/components/export/bundle';

function tiny(preset: 'gan-2d-ring' | 'gan-1d-gaussian'): GanProject {
  const p = presetProject(preset);
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && (n.params.units as number) > 2) n.params.units = 8;
  p.training.batchSize = 16;
  return p;
}

const noImages = async () => {
  throw new Error('no images in this test');
};

describe('backend choice', () => {
  it('wasm trains every layer kind now; auto keeps only cpu away from convolutions', () => {
    expect(unsupportedReason('wasm', presetProject('dcgan-mnist'))).toBeNull();
    expect(unsupportedReason('cpu', presetProject('dcgan-mnist'), true)?.en).toMatch(/too slow for convolutions/);
    expect(unsupportedReason('cpu', presetProject('dcgan-mnist'))).toBeNull();
    expect(unsupportedReason('cpu', presetProject('mlp-gan-mnist'), true)).toBeNull();
  });

  it('auto starts at once on a backend that works and says what it will time', async () => {
    const start = await startBackend(tiny('gan-2d-ring'), 'auto', null);
    expect(start.decision.backend).toBe(tf.getBackend());
    expect(start.decision.reason.en).toMatch(/started at once on cpu/);
    expect(start.decision.reason.en).toMatch(/this browser offers no WebGPU/);
    expect(start.key).not.toBeNull();
  });

  it('a forced backend that is not there is refused with the reason', async () => {
    await expect(startBackend(presetProject('dcgan-mnist'), 'webgl', null)).rejects.toThrow(/webgl is not available/);
    await tf.setBackend('cpu');
  });
});

describe('training session', () => {
  it('plays in chunks with metrics and 2-D visuals, pauses, steps, and leaks nothing', async () => {
    const session = await createSession({ project: tiny('gan-2d-ring'), backend: 'cpu', loadImages: noImages, visualEveryMs: 0 });
    const updates: SessionUpdate[] = [];
    const done = new Promise<void>((resolve) => {
      session.play((u) => {
        updates.push(u);
        if (u.status.iteration >= 30) {
          session.pause();
          resolve();
        }
      });
    });
    await done;
    await new Promise((r) => setTimeout(r, 50));
    const last = updates.at(-1)!;
    // Iteration 1 is shown at once; its pictures come in the next update.
    expect(updates[0]!.status.iteration).toBe(1);
    expect(updates[0]!.visual).toBeUndefined();
    expect(updates[1]!.visual?.kind).toBe('scatter');
    // The page shows 'Pausing…' until an update says training stopped: there must be one.
    expect(last.running).toBe(false);
    expect(last.status.iteration).toBeGreaterThanOrEqual(30);
    expect(updates.flatMap((u) => u.metrics).map((m) => m.iteration)).toEqual(
      Array.from({ length: last.status.iteration }, (_, i) => i + 1),
    );
    const scatter = updates.find((u) => u.visual?.kind === 'scatter')!.visual!;
    expect(scatter.kind === 'scatter' && scatter.data.real.length).toBe(1024);
    expect(scatter.kind === 'scatter' && scatter.data.heatmap!.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(scatter.kind === 'scatter' && scatter.data.arrows!.direction.length).toBe(192);

    const tensors = tf.memory().numTensors;
    const d = await session.step('d');
    const g = await session.step('g');
    expect(d.metrics[0]!.iteration).toBe(last.status.iteration + 1);
    expect(Number.isNaN(d.metrics[0]!.gLoss)).toBe(true);
    expect(Number.isNaN(g.metrics[0]!.dLoss)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    const weights = await session.getWeights();
    session.dispose();

    // A new session resumes from the weights.
    const resumed = await createSession({ project: tiny('gan-2d-ring'), backend: 'cpu', loadImages: noImages, resume: weights });
    const next = await resumed.step('both');
    expect(next.metrics[0]!.iteration).toBe(weights.iteration + 1);
    resumed.dispose();
  });

  it('draws the 1-D picture: densities, D and the true data density', async () => {
    const session = await createSession({ project: tiny('gan-1d-gaussian'), backend: 'cpu', loadImages: noImages });
    const visual = await session.visual();
    expect(visual.kind).toBe('density');
    if (visual.kind === 'density') {
      expect(visual.data.discriminator.xs.length).toBe(visual.data.discriminator.values.length);
      expect(visual.data.dataDensity!.length).toBe(visual.data.discriminator.xs.length);
      expect(visual.data.real.length).toBe(2000);
    }
    session.dispose();
  });

  it("with G's weight average: the pictures say so, and the weights zip carries the average out and back in", async () => {
    const project = { ...tiny('gan-2d-ring'), training: { ...tiny('gan-2d-ring').training, ema: 0.99 } };
    const session = await createSession({ project, backend: 'cpu', loadImages: noImages });
    await session.step('both');
    await session.step('both');
    const visual = await session.visual();
    expect(visual.kind === 'scatter' && visual.data.averaged).toBe(0.99);
    const trained = await session.getWeights();
    const zip = readWeightsZip(weightsZip(await session.exportWeights()));
    if (!zip.ok) throw new Error(zip.message);
    expect(zip.artifacts.averagedGenerator).toBeDefined();
    const values = (w: { values: Float32Array }[]) => w.flatMap((x) => Array.from(x.values));

    // Back in as it went out: the average is the trained average, not a copy of G.
    const other = await createSession({ project, backend: 'cpu', loadImages: noImages });
    const loaded = await other.importWeights(zip.artifacts);
    expect(values(loaded.averagedGenerator!)).toEqual(values(trained.averagedGenerator!));
    expect(values(loaded.averagedGenerator!)).not.toEqual(values(trained.generator));
    // A zip from a run without averaging: the average starts from the loaded G.
    const { averagedGenerator: _a, ...plain } = zip.artifacts;
    const fromPlain = await other.importWeights(plain);
    expect(values(fromPlain.averagedGenerator!)).toEqual(values(trained.generator));
    // And a run without averaging shows G itself and writes no average.
    const off = await createSession({ project: tiny('gan-2d-ring'), backend: 'cpu', loadImages: noImages });
    const offVisual = await off.visual();
    expect(offVisual.kind === 'scatter' && offVisual.data.averaged).toBeUndefined();
    expect((await off.exportWeights()).averagedGenerator).toBeUndefined();
    session.dispose();
    other.dispose();
    off.dispose();
  });

  it('an image dataset that cannot load is an error, not a crash', async () => {
    await expect(createSession({ project: presetProject('mlp-gan-mnist'), backend: 'cpu', loadImages: noImages })).rejects.toThrow(
      /no images/,
    );
  });
});

describe('training fingerprint', () => {
  it('ignores layout and labels, not structure or config', () => {
    const a = presetProject('dcgan-mnist');
    const b = structuredClone(a);
    b.generator.nodes[0]!.position = { x: 999, y: 1 };
    b.generator.nodes[1]!.label = 'renamed';
    expect(trainingFingerprint(b)).toBe(trainingFingerprint(a));
    b.training.k = 2;
    expect(trainingFingerprint(b)).not.toBe(trainingFingerprint(a));
  });
});
