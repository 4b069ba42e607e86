import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { compile } from '../lib/compiler/compile';
import { contextFor } from '../lib/compiler/context';
import type { Dataset } from '../lib/data/dataset';
import { parseImageSet, type ImageSet } from '../lib/data/image-set';
import { createRng } from '../lib/data/rng';
import { saveLayersArtifacts } from '../lib/export/tfjs-artifacts';
import { presetProject, type PresetId } from '../lib/project/presets';
import { takesLabel } from '../lib/project/schema';
import { createQualityMeter, QUALITY_SAMPLES } from '../lib/quality/meter';
import { createUpdates } from '../lib/train/updates';
import { PYTHON, run, torchMissingReason, writeExport } from '../tests/export/pytorch-harness';
import { shippedJudge } from '../tests/helpers/judge-files';
import { nodeBackend } from './node-backend';

const REPLAY = fileURLToPath(new URL('./torch/replay.py', import.meta.url));
const PRESETS = (process.env.REPLAY_PRESETS?.split(',') ?? ['mlp-gan-mnist']) as PresetId[];
const SEEDS = process.env.REPLAY_SEEDS?.split(',').map(Number) ?? [42, 1, 2];
/** Iterations per preset: the app's in 3 (MLP) or 5 minutes (DCGAN, cGAN), as the image-quality bench measured them. */
const ITERATIONS: Record<string, number> = { 'mlp-gan-mnist': 1545, 'dcgan-mnist': 753, 'cgan-mnist': 2450 };
for (const pair of process.env.REPLAY_ITERATIONS?.split(',') ?? []) ITERATIONS[pair.split(':')[0]!] = Number(pair.split(':')[1]);

const f2 = (x: number) => x.toFixed(2);
const bytes = (a: Float32Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const floats = (path: string) => {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

/** What one replay in the app leaves for Python to repeat and to compare with. */
interface AppReplay {
  losses: number[][];
  samples: Float32Array;
}

/**
 * The app's own updates (lib/train/updates.ts, on wasm) for `iterations` iterations, from the
 * weights in `dir`/w, on the batches, noise and labels in `dir`: what `createGanTrainer` does,
 * with the random draws read from files instead of made, so PyTorch can make the same ones.
 */
async function replayApp(dir: string, seed: number, id: PresetId, images: ImageSet, iterations: number): Promise<AppReplay> {
  const project = presetProject(id);
  const cfg = project.training;
  const B = cfg.batchSize;
  const Z = cfg.noise.dim;
  const conditional = takesLabel(project.generator);
  const rng = createRng(seed * 7919 + 1);
  // Per iteration: one real batch (indices), D's noise and labels, G's noise and labels.
  const idx = Int32Array.from({ length: iterations * B }, () => rng.int(images.count));
  const zs = Float32Array.from({ length: iterations * 2 * B * Z }, () => rng.normal());
  const ys = Int32Array.from({ length: iterations * 2 * B }, () => rng.int(10));
  const evalRng = createRng(seed + 7919);
  const zEval = Float32Array.from({ length: QUALITY_SAMPLES * Z }, () => evalRng.normal());
  writeFileSync(join(dir, 'idx.i32'), bytes(idx));
  writeFileSync(join(dir, 'z.f32'), bytes(zs));
  writeFileSync(join(dir, 'y.i32'), bytes(ys));
  writeFileSync(join(dir, 'zeval.f32'), bytes(zEval));

  const generator = compile(project.generator, contextFor(project, 'generator'), { name: 'generator', seed });
  const discriminator = compile(project.discriminator, contextFor(project, 'discriminator'), { name: 'discriminator', seed: seed + 1 });
  const save = async (folder: string) => {
    for (const [role, model] of [
      ['generator', generator],
      ['discriminator', discriminator],
    ] as const) {
      const a = await saveLayersArtifacts(tf, model);
      mkdirSync(join(dir, folder, role), { recursive: true });
      writeFileSync(join(dir, folder, role, 'model.json'), a.modelJson);
      writeFileSync(join(dir, folder, role, 'weights.bin'), a.weightsBin);
    }
  };
  await save('w');

  const size = images.shape.reduce((a, b) => a * b, 1);
  let it = 0;
  let noiseCalls = 0;
  let labelCalls = 0;
  const oneHot = (from: number, n: number) => tf.tidy(() => tf.oneHot(tf.tensor1d(ys.subarray(from, from + n), 'int32'), 10).toFloat());
  const dataset: Dataset = {
    shape: images.shape,
    numClasses: 10,
    sample: (n) => {
      const pick = idx.subarray(it * B, it * B + n);
      const x = new Float32Array(n * size);
      pick.forEach((p, r) => {
        for (let j = 0; j < size; j++) x[r * size + j] = images.pixels[p * size + j]! / 127.5 - 1;
      });
      const labels = conditional
        ? tf
            .oneHot(
              tf.tensor1d(
                Int32Array.from(pick, (p) => images.labels![p]!),
                'int32',
              ),
              10,
            )
            .toFloat()
        : undefined;
      return { x: tf.tensor(x, [n, ...images.shape]), ...(labels && { labels }) };
    },
    realSamples: () => new Float32Array(0),
    dispose: () => {},
  };
  const gOpt = tf.train.adam(cfg.optimizers.generator.lr, cfg.optimizers.generator.beta1, cfg.optimizers.generator.beta2);
  const dOpt = tf.train.adam(cfg.optimizers.discriminator.lr, cfg.optimizers.discriminator.beta1, cfg.optimizers.discriminator.beta2);
  const { dUpdate, gUpdate } = createUpdates({
    cfg,
    dataset,
    rng: createRng(0),
    conditional,
    noise: (n) => tf.tensor2d(zs.subarray(noiseCalls * B * Z, noiseCalls++ * B * Z + n * Z), [n, Z]),
    randomLabels: (n) => oneHot(labelCalls++ * B, n),
    runG: (z, y, training) => generator.apply(conditional && y ? [z, y] : z, { training }) as tf.Tensor,
    runD: (x, y, training) => discriminator.apply(conditional && y ? [x, y] : x, { training }) as tf.Tensor,
    gVars: () => generator.trainableWeights.map((w) => w.read() as tf.Variable),
    dVars: () => discriminator.trainableWeights.map((w) => w.read() as tf.Variable),
    gOpt: () => gOpt,
    dOpt: () => dOpt,
  });
  const losses: number[][] = [];
  for (it = 0; it < iterations; it++) {
    const d = dUpdate();
    const g = gUpdate();
    const v = (await tf.concat([d[0]!, g[0]!]).data()) as Float32Array;
    losses.push([v[0]!, v[1]!]);
    tf.dispose([...d, ...g]);
    if (it === 0) await save('after1');
  }
  const samples = tf.tidy(() => {
    const z = tf.tensor2d(zEval, [QUALITY_SAMPLES, Z]);
    const y = conditional
      ? tf
          .oneHot(
            tf.tensor1d(
              Int32Array.from({ length: QUALITY_SAMPLES }, (_, i) => i % 10),
              'int32',
            ),
            10,
          )
          .toFloat()
      : null;
    return generator.apply(y ? [z, y] : z, { training: false }) as tf.Tensor;
  });
  const data = (await samples.data()) as Float32Array;
  samples.dispose();
  generator.dispose();
  discriminator.dispose();
  gOpt.dispose();
  dOpt.dispose();
  return { losses, samples: data };
}

/**
 * The trainer's maths against the PyTorch export's, apart from randomness: both start from the
 * same weights and draw the same batches, noise and labels, the app through lib/train/updates.ts on
 * wasm, PyTorch through its own train.py's d_step and g_step (bench/torch/replay.py). Reports how
 * far the first update agrees (relative difference of each weight's change, and its projection on
 * PyTorch's: 1 is the same step), the losses at iteration 5, and both generators' FID after the
 * whole run, scored by the same judge on the same noise.
 */
export async function benchTorchReplay(): Promise<string[]> {
  const missing = torchMissingReason();
  if (missing) return [`skipped: ${missing}`];
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
  await nodeBackend('wasm', 1);
  const images = parseImageSet(new Uint8Array(readFileSync('public/data/mnist.bin')));
  const judge = await shippedJudge('mnist');
  const meter = await createQualityMeter(judge, images);
  const rows = [
    'Node, wasm, 1 thread; PyTorch on 1 thread. The same start, batches, noise and labels on both sides.',
    '',
    '| preset | seed | iterations | first update: largest relative difference / projection | losses at iteration 5 (app / PyTorch) | app FID | PyTorch FID | app ÷ PyTorch |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const id of PRESETS) {
    for (const seed of SEEDS) {
      const dir = mkdtempSync(join(tmpdir(), 'ganvas-replay-'));
      try {
        const iterations = ITERATIONS[id] ?? 500;
        const project = presetProject(id);
        const conditional = takesLabel(project.generator);
        writeExport(join(dir, 'export'), project);
        const app = await replayApp(dir, seed, id, images, iterations);
        const out = run(PYTHON, [REPLAY, join(dir, 'export'), dir, String(iterations), resolve('public/data/mnist.bin')], {
          timeoutMs: 3 * 3_600_000,
        });
        const report = JSON.parse(out.trim().split('\n').at(-1)!) as { losses: number[][]; first: { worst: number; projection: number } };
        const labels = conditional ? Array.from({ length: QUALITY_SAMPLES }, (_, i) => i % 10) : undefined;
        const ours = await meter.measure(app.samples, QUALITY_SAMPLES, labels);
        const theirs = await meter.measure(floats(join(dir, 'samples-torch.f32')), QUALITY_SAMPLES, labels);
        const at5 = (l: number[][]) => (l[4] ? `${l[4][0]!.toFixed(4)}, ${l[4][1]!.toFixed(4)}` : '–');
        console.error(JSON.stringify({ id, seed, ours, theirs, first: report.first }));
        rows.push(
          `| ${id} | ${seed} | ${iterations} | ${report.first.worst.toExponential(1)} / ${report.first.projection.toFixed(6)} | ${at5(app.losses)} / ${at5(report.losses)} | ${f2(ours.fid)} | ${f2(theirs.fid)} | ${f2(ours.fid / theirs.fid)} |`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  judge.dispose();
  return rows;
}
