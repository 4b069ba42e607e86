import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeImageSet, parseImageSet, toUnitRange } from '@/lib/data/image-set';
import { syntheticModes, type SyntheticRef } from '@/lib/data/synthetic';
import { LOSS_KINDS } from '@/lib/project/kinds';
import { presetProject } from '@/lib/project/presets';
import { chain } from '@/lib/project/presets/build';
import { emaDecayAt, type GanProject } from '@/lib/project/schema';
import { discriminatorLoss, generatorLoss, gradientPenalty } from '@/lib/train/losses';
import { packBatch } from '@/lib/train/pack';
import { mnistFile, PYTHON, run, runPython, torchMissingReason, writeExport } from './pytorch-harness';

const reason = torchMissingReason();
if (reason) console.warn(`Skipping the PyTorch train.py formula tests: ${reason}`);
const describeTorch = reason ? describe.skip : describe;

const REAL = [1.5, -0.3, 0.2, 4];
const FAKE = [-2, 0.7, -0.1, 3];
const SMOOTHING = 0.1;

/** train.py's losses, penalty, mixture modes and image reading, by importing it (main() does not run). */
const PROBE = `
import json, sys
import torch
sys.path.insert(0, sys.argv[1])
import train

real = torch.tensor(${JSON.stringify(REAL)})
fake = torch.tensor(${JSON.stringify(FAKE)})
out = {"losses": {}}
for kind in ${JSON.stringify(LOSS_KINDS)}:
    train.LOSS = kind
    for smoothing in (0, ${SMOOTHING}):
        train.LABEL_SMOOTHING = smoothing
        d = train.d_loss_real(real) + train.d_loss_fake(fake)
        out["losses"][f"{kind}/{smoothing}"] = [d.item(), train.g_loss(fake).item()]
critic = torch.nn.Linear(2, 1)
with torch.no_grad():
    critic.weight.copy_(torch.tensor([[0.5, -0.25]]))
    critic.bias.fill_(0.1)
train.GRADIENT_PENALTY = 10
x_real = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7]])
x_fake = torch.tensor([[0.0, 0.0], [2.0, 1.0], [-0.5, -2.0]])
out["penalty"] = train.gradient_penalty(critic, x_real, x_fake, None).item()
print(json.dumps(out))
`;

const MODES = `
import json, sys
sys.path.insert(0, sys.argv[1])
import train
print(json.dumps({"modes": train.mixture_modes(), "std": train.MODE_STD}))
`;

const IMAGES = `
import json, sys
sys.path.insert(0, sys.argv[1])
import train
data = train.ImageData(sys.argv[2], "cpu")
print(json.dumps({"count": len(data.images), "shape": list(data.images.shape[1:]), "first": data.images[0].flatten().tolist(), "label": int(data.labels[0])}))
`;

/** train.py's pack() on channels-first images and on points, set to packs of 3. */
const PACK = `
import json, sys
import torch
sys.path.insert(0, sys.argv[1])
import train
train.PACK = 3
images = torch.arange(6 * 2 * 2 * 2, dtype=torch.float32).reshape(6, 2, 2, 2)  # NHWC, as the app holds them
packed = train.pack(images.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)  # packed in NCHW, back to NHWC
points = torch.arange(12, dtype=torch.float32).reshape(6, 2)
print(json.dumps({"images": packed.flatten().tolist(), "imagesShape": list(packed.shape), "points": train.pack(points).tolist(), "none": train.pack(None)}))
`;

/** train.py's weight average over three moves of G: G's and the average's first values after each. */
const AVERAGE = `
import json, sys
import torch
sys.path.insert(0, sys.argv[1])
import train
from models import Generator

torch.manual_seed(0)
g = Generator()
average = train.weight_average(g)
first = lambda m: [v.flatten()[0].item() for v in m.state_dict().values()]
out = {"start": first(average.module), "g": [], "average": []}
for t in (1, 2, 3):
    with torch.no_grad():
        for p in g.parameters():
            p.add_(0.5 * t)
    average.update_parameters(g)
    out["g"].append(first(g))
    out["average"].append(first(average.module))
out["decayAt"] = [train.ema_decay_at(t) for t in (1, 2, 100, 10**6)]
print(json.dumps(out))
`;

describeTorch('train.py reproduces GANvas training formulas', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ganvas-pytorch-train-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('D and G losses of every kind, with and without label smoothing, and the gradient penalty equal lib/train/losses.ts', () => {
    const dir = join(root, 'ring');
    writeExport(dir, presetProject('gan-2d-ring'));
    const got = JSON.parse(runPython(PROBE, [dir]).trim().split('\n').at(-1)!);
    tf.tidy(() => {
      for (const kind of LOSS_KINDS) {
        for (const smoothing of [0, SMOOTHING]) {
          const d = discriminatorLoss(kind, tf.tensor(REAL), tf.tensor(FAKE), smoothing).dataSync()[0]!;
          const g = generatorLoss(kind, tf.tensor(FAKE)).dataSync()[0]!;
          const [pd, pg] = got.losses[`${kind}/${smoothing}`];
          expect(pd, `${kind} D loss, smoothing ${smoothing}`).toBeCloseTo(d, 5);
          expect(pg, `${kind} G loss`).toBeCloseTo(g, 5);
        }
      }
      const critic = (x: tf.Tensor) => tf.add(tf.matMul(x, tf.tensor2d([0.5, -0.25], [2, 1])), 0.1);
      const real = tf.tensor2d([
        [1, 2],
        [-1, 0.5],
        [0.3, -0.7],
      ]);
      const fake = tf.tensor2d([
        [0, 0],
        [2, 1],
        [-0.5, -2],
      ]);
      expect(got.penalty).toBeCloseTo(gradientPenalty(critic, real, fake, 10, 1).dataSync()[0]!, 4);
      expect(got.penalty).toBeCloseTo(10 * (Math.hypot(0.5, -0.25) - 1) ** 2, 4);
    });
  }, 60_000);

  it("keeps G's weight average as the app does: a ← a + (1 − β_t)(w − a), β_t = min(EMA_DECAY, (1 + t)/(10 + t))", () => {
    const dir = join(root, 'average');
    const project = presetProject('gan-2d-ring');
    writeExport(dir, { ...project, training: { ...project.training, ema: 0.999 } });
    const got = JSON.parse(runPython(AVERAGE, [dir]).trim().split('\n').at(-1)!);
    expect(got.decayAt).toEqual([1, 2, 100, 10 ** 6].map((t) => emaDecayAt(0.999, t)));
    let want: number[] = got.start;
    got.g.forEach((g: number[], i: number) => {
      const rate = 1 - emaDecayAt(0.999, i + 1);
      want = want.map((a, k) => a + (g[k]! - a) * rate);
      got.average[i].forEach((v: number, k: number) => expect(v, `step ${i + 1}, tensor ${k}`).toBeCloseTo(want[k]!, 5));
    });
  }, 60_000);

  it('packs (PacGAN) exactly as the app does: images along their channels, points along their coordinates', () => {
    const dir = join(root, 'pack');
    writeExport(dir, presetProject('gan-2d-ring'));
    const got = JSON.parse(runPython(PACK, [dir]).trim().split('\n').at(-1)!);
    tf.tidy(() => {
      const images = packBatch(tf.range(0, 6 * 2 * 2 * 2).reshape([6, 2, 2, 2]), 3);
      expect(got.imagesShape).toEqual(images.shape);
      expect(got.images).toEqual(Array.from(images.dataSync()));
      expect(got.points).toEqual(packBatch(tf.range(0, 12).reshape([6, 2]), 3).arraySync());
    });
    expect(got.none).toBeNull();
  }, 60_000);

  it.each([
    ['gaussian-1d', { id: 'gaussian-1d', options: { mean: -1.5, std: 0.3 } }],
    ['ring-8', { id: 'ring-8', options: { radius: 2.5, std: 0.02 } }],
    ['grid-25', { id: 'grid-25', options: { spacing: 1.5, std: 0.05 } }],
  ] as [string, SyntheticRef][])(
    '%s: the mixture has the modes and std of lib/data/synthetic.ts',
    (_id, ref) => {
      const project = presetProject(ref.id === 'gaussian-1d' ? 'gan-1d-gaussian' : 'gan-2d-ring');
      project.dataset = ref;
      const dir = join(root, ref.id);
      writeExport(dir, project);
      const got = JSON.parse(runPython(MODES, [dir]).trim().split('\n').at(-1)!);
      const want = syntheticModes(ref);
      expect(got.modes).toHaveLength(want.length);
      got.modes.forEach((m: number[], i: number) => m.forEach((v, k) => expect(v).toBeCloseTo(want[i]![k]!, 12)));
      expect(got.std).toBe(ref.options.std);
    },
    60_000,
  );

  it("trains on the user's own unlabelled RGB images with hinge loss, k = 2, uniform noise, packs of 2 and G's weight average", () => {
    const base = presetProject('dcgan-mnist');
    const project: GanProject = {
      ...base,
      dataset: { id: 'images', options: { height: 8, width: 8, channels: 3 } },
      training: { ...base.training, loss: 'hinge', k: 2, batchSize: 8, pack: 2, ema: 0.99, noise: { dim: 4, distribution: 'uniform' } },
      generator: chain([
        ['z', 'noise', { dim: 4, distribution: 'uniform' }],
        ['g1', 'dense', { units: 48 }],
        ['g1r', 'reshape', { targetShape: [4, 4, 3] }],
        ['g2', 'conv2dTranspose', { filters: 3, kernelSize: 3, strides: 2 }],
        ['g2a', 'activation', { fn: 'tanh' }],
        ['out', 'output'],
      ]),
      discriminator: chain([
        ['x', 'data'],
        ['d1', 'conv2d', { filters: 4, kernelSize: 3, strides: 2 }],
        ['d1n', 'layerNorm'],
        ['d1a', 'activation', { fn: 'leakyRelu' }],
        ['flat', 'flatten'],
        ['d2', 'dense', { units: 1 }],
        ['out', 'output'],
      ]),
    };
    const dir = join(root, 'user-images');
    writeExport(dir, project);
    const pixels = Uint8Array.from({ length: 20 * 8 * 8 * 3 }, (_, i) => (i * 37) % 256);
    const file = join(root, 'user-images.bin');
    writeFileSync(file, new Uint8Array(encodeImageSet({ count: 20, shape: [8, 8, 3], pixels, labels: null })));
    const stdout = run(PYTHON, [join(dir, 'train.py'), '--iterations', '3', '--data', file, '--out', join(root, 'user-images-out')]);
    expect(stdout).toMatch(/iteration 3: D loss \d/);
    expect(stdout).toContain('and generator_average.pt');
    expect(existsSync(join(root, 'user-images-out', 'generator_average.pt'))).toBe(true);
  }, 60_000);

  it('reads a GANV file as GANvas does: v / 127.5 - 1, NCHW, with labels', () => {
    const dir = join(root, 'cgan');
    writeExport(dir, presetProject('cgan-mnist'));
    const file = mnistFile(root);
    const set = parseImageSet(new Uint8Array(readFileSync(file)));
    const got = JSON.parse(runPython(IMAGES, [dir, file]).trim().split('\n').at(-1)!);
    expect(got.count).toBe(set.count);
    expect(got.shape).toEqual([1, 28, 28]);
    expect(got.label).toBe(set.labels![0]);
    const want = toUnitRange(set.pixels.subarray(0, 784));
    const diff = Math.max(...want.map((v, i) => Math.abs(v - got.first[i])));
    expect(diff).toBeLessThan(1e-6);
  }, 60_000);
});
