import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compile } from '@/lib/compiler/compile';
import { contextFor } from '@/lib/compiler/context';
import { projectIr } from '@/lib/export/model-ir';
import { saveLayersArtifacts } from '@/lib/export/tfjs-artifacts';
import { exportTypeScript } from '@/lib/export/typescript';
import { packBatch } from '@/lib/train/pack';
import { PRESET_IDS, presetProject } from '@/lib/project/presets';
import { emaDecayAt, type GanProject } from '@/lib/project/schema';
import type { Role } from '@/lib/project/kinds';

const ROOT = resolve('.');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Writes an export into a fresh folder that resolves packages from this repository's node_modules. */
function writeProject(files: { path: string; text: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ganvas-ts-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(cmd: string, args: string[], cwd: string, timeout = 240_000): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function mnistFile(): string {
  const file = join(ROOT, 'public/data/mnist.bin');
  if (!existsSync(file)) execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
  return file;
}

/** Fixed inputs for a network: values in [-1, 1] from a sine, one-hot labels cycling through the classes. */
function inputsFor(model: tf.LayersModel, n: number): { shape: number[]; values: number[] }[] {
  return model.inputs.map((input, which) => {
    const shape = [n, ...(input.shape.slice(1) as number[])];
    const size = shape.reduce((a, b) => a * b, 1);
    const isLabel = which > 0;
    const classes = shape[1]!;
    const values = Array.from({ length: size }, (_, i) =>
      isLabel ? (i % classes === Math.floor(i / classes) % classes ? 1 : 0) : Math.sin(i * 0.37 + which),
    );
    return { shape, values };
  });
}

const CHECK = `
import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { buildDiscriminator, buildGenerator, loadWeights } from './src/gan';

await tf.setBackend('cpu');
const inputs = JSON.parse(readFileSync('inputs.json', 'utf8'));
const out: Record<string, unknown> = {};
for (const [role, build] of [['generator', buildGenerator], ['discriminator', buildDiscriminator]] as const) {
  const model = build();
  const params = model.countParams();
  const layers = model.layers.map((l) => l.name);
  loadWeights(model, readFileSync('weights/' + role + '/model.json', 'utf8'), readFileSync('weights/' + role + '/weights.bin'));
  const feeds = (inputs[role] as { shape: number[]; values: number[] }[]).map((t) => tf.tensor(t.values, t.shape));
  const y = model.predict(feeds.length === 1 ? feeds[0]! : feeds) as tf.Tensor;
  out[role] = { params, layers, shape: y.shape, values: Array.from(await y.data()) };
}
writeFileSync('outputs.json', JSON.stringify(out));
`;

async function appSide(project: GanProject, dir: string) {
  const result: Record<string, { params: number; shape: number[]; values: number[]; layers: string[] }> = {};
  const inputs: Record<string, unknown> = {};
  for (const role of ['generator', 'discriminator'] as Role[]) {
    const model = compile(project[role], contextFor(project, role), { name: role, seed: 7 });
    try {
      const { modelJson, weightsBin } = await saveLayersArtifacts(tf, model);
      mkdirSync(join(dir, 'weights', role), { recursive: true });
      writeFileSync(join(dir, 'weights', role, 'model.json'), modelJson);
      writeFileSync(join(dir, 'weights', role, 'weights.bin'), weightsBin);
      const feeds = inputsFor(model, 3);
      inputs[role] = feeds;
      const y = tf.tidy(() => model.predict(feeds.map((f) => tf.tensor(f.values, f.shape))) as tf.Tensor);
      result[role] = {
        params: model.countParams(),
        shape: y.shape,
        values: Array.from(await y.data()),
        layers: model.layers.map((l) => l.name),
      };
      y.dispose();
    } finally {
      model.dispose();
    }
  }
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs));
  return result;
}

/** The exported `pack` on a fixed batch, against the app's `packBatch`. */
const PACK_CHECK = `
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { DATA_SHAPE, PACK, pack } from './src/gan';

await tf.setBackend('cpu');
const x = tf.range(0, 2 * PACK * DATA_SHAPE.reduce((a, b) => a * b, 1)).reshape([2 * PACK, ...DATA_SHAPE]);
const y = pack(x);
writeFileSync('packed.json', JSON.stringify({ shape: y.shape, values: Array.from(await y.data()) }));
`;

/** The exported trainer's weight average over three iterations: G's and the average's weights after each. */
const AVERAGE_CHECK = `
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { EMA_DECAY, createDataset, createTrainer } from './src/gan';

await tf.setBackend('cpu');
const trainer = createTrainer(createDataset(), { batchSize: 4 });
const flat = (m: tf.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
const out = { decay: EMA_DECAY, start: flat(trainer.averagedGenerator), g0: flat(trainer.generator), g: [] as number[][], average: [] as number[][] };
for (let t = 1; t <= 3; t++) {
  await trainer.step();
  out.g.push(flat(trainer.generator));
  out.average.push(flat(trainer.averagedGenerator));
}
writeFileSync('average.json', JSON.stringify(out));
`;

/** Every preset as it ships, two with packing (PacGAN): MLP with labels, and convolutional, and one with G's weight average. */
const CASES: [string, GanProject][] = [
  ...PRESET_IDS.map((id): [string, GanProject] => [id, presetProject(id)]),
  ...(['cgan-mnist', 'dcgan-mnist'] as const).map((id): [string, GanProject] => {
    const p = presetProject(id);
    return [`${id} with packs of 2`, { ...p, training: { ...p.training, pack: 2 } }];
  }),
  [
    "gan-2d-ring with G's weight average",
    (() => {
      const p = presetProject('gan-2d-ring');
      return { ...p, training: { ...p.training, ema: 0.999 } };
    })(),
  ],
];

describe('TypeScript export of every preset', () => {
  for (const [id, project] of CASES) {
    it(`${id}: type-checks strictly, rebuilds the app's models exactly, and its trainer runs and saves`, async () => {
      const exported = exportTypeScript(project);
      const dir = writeProject(exported.files);
      writeFileSync(join(dir, 'check.ts'), CHECK);

      run(join(BIN, 'tsc'), ['--noEmit', '-p', '.'], dir);
      const app = await appSide(project, dir);
      run(join(BIN, 'tsx'), ['check.ts'], dir);
      const theirs = JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8'));
      const ir = projectIr(project);
      for (const role of ['generator', 'discriminator'] as const) {
        expect(theirs[role].params, role).toBe(ir[role].totalParams);
        expect(theirs[role].params, role).toBe(app[role]!.params);
        expect(theirs[role].layers, role).toEqual(app[role]!.layers);
        expect(theirs[role].shape, role).toEqual(app[role]!.shape);
        const diff = Math.max(...app[role]!.values.map((v, i) => Math.abs(v - theirs[role].values[i])));
        expect(diff, `${role} max abs difference`).toBeLessThan(1e-5);
        console.log(`typescript export ${id} ${role}: ${theirs[role].params} parameters, max abs difference ${diff}`);
      }

      const averaging = (project.training.ema ?? 0) > 0;
      // A weights folder with G's average in it, as the app's download has: the command line goes on from it.
      if (averaging) cpSync(join(dir, 'weights/generator'), join(dir, 'weights/generator-average'), { recursive: true });
      // The Node project's own command line: 3 iterations (batch 2: the cpu backend is slow), then a saved model.
      const args = ['src/train.ts', '--iterations', '3', '--batch-size', '2', '--out', 'out', '--weights', 'weights'];
      if (exported.needsDataFile) args.push('--data', mnistFile());
      const log = run(join(BIN, 'tsx'), args, dir);
      expect(log).toMatch(/iteration 3: D loss \d/);
      const saved = JSON.parse(readFileSync(join(dir, 'out/generator/model.json'), 'utf8'));
      const weightData = new Uint8Array(readFileSync(join(dir, 'out/generator/weights.bin'))).buffer;
      const generator = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: saved.modelTopology, weightSpecs: saved.weightsManifest[0].weights, weightData }),
      );
      expect(generator.countParams()).toBe(ir.generator.totalParams);
      generator.dispose();
      expect(existsSync(join(dir, 'out/generator-average/weights.bin')), 'the average is saved').toBe(averaging);

      if (averaging) {
        writeFileSync(join(dir, 'average-check.ts'), AVERAGE_CHECK);
        run(join(BIN, 'tsx'), ['average-check.ts'], dir);
        const got = JSON.parse(readFileSync(join(dir, 'average.json'), 'utf8'));
        expect(got.decay).toBe(project.training.ema);
        expect(got.start).toEqual(got.g0);
        let want: number[] = got.start;
        got.g.forEach((g: number[], i: number) => {
          const rate = 1 - emaDecayAt(got.decay, i + 1);
          want = want.map((a, k) => a + (g[k]! - a) * rate);
          expect(Math.max(...got.average[i].map((v: number, k: number) => Math.abs(v - want[k]!))), `iteration ${i + 1}`).toBeLessThan(
            1e-6,
          );
        });
        expect(got.average[2]).not.toEqual(got.g[2]);
      }

      const m = project.training.pack ?? 1;
      if (m > 1) {
        writeFileSync(join(dir, 'pack-check.ts'), PACK_CHECK);
        run(join(BIN, 'tsx'), ['pack-check.ts'], dir);
        const packed = JSON.parse(readFileSync(join(dir, 'packed.json'), 'utf8'));
        const shape = ir.dataShape;
        const want = tf.tidy(() => {
          const x = tf.range(0, 2 * m * shape.reduce((a, b) => a * b, 1)).reshape([2 * m, ...shape]);
          const y = packBatch(x, m);
          return { shape: y.shape, values: Array.from(y.dataSync()) };
        });
        expect(packed).toEqual(want);
      }
    }, 300_000);
  }
});
