import { readFileSync } from 'node:fs';
import { createImageDataset } from '../lib/data/dataset';
import { parseImageSet } from '../lib/data/image-set';
import { presetProject } from '../lib/project/presets';
import { createGanTrainer } from '../lib/train/trainer';
import { handWrittenLoop } from './hand-written';
import { nodeBackend } from './node-backend';

/** ms per iteration of the GANvas trainer on a preset, stepping in chunks as the app's worker does. */
async function trainerLoop(preset: 'mlp-gan-mnist' | 'dcgan-mnist', iterations: number, warmup = 1): Promise<number> {
  const set = parseImageSet(readFileSync('public/data/mnist.bin'));
  const dataset = createImageDataset(set);
  const trainer = createGanTrainer({ project: presetProject(preset), dataset, seed: 1 });
  try {
    await trainer.step(warmup);
    const chunk = Math.max(1, Math.min(10, iterations));
    const start = performance.now();
    for (let done = 0; done < iterations; done += chunk) await trainer.step(Math.min(chunk, iterations - done));
    return (performance.now() - start) / iterations;
  } finally {
    trainer.dispose();
    dataset.dispose();
  }
}

async function handLoop(kind: 'mlp' | 'dcgan', iterations: number): Promise<number> {
  const dataset = createImageDataset(parseImageSet(readFileSync('public/data/mnist.bin')));
  try {
    return await handWrittenLoop(kind, dataset, iterations);
  } finally {
    dataset.dispose();
  }
}

/**
 * Trainer vs hand-written tfjs, same architecture, same backend, same process, alternating
 * runs so that machine noise hits both. Target: ratio (trainer it/s ÷ hand it/s) ≥ 1.0.
 * In Node (wasm, cpu) for the MLP; the DCGAN, which takes minutes per iteration on Node's cpu
 * backend, is compared on WebGL in Chromium by the backends benchmark.
 */
export async function benchOverhead(): Promise<string[]> {
  const rows = ['| preset | backend | trainer ms/it | hand-written ms/it | ratio (it/s trainer ÷ hand) |', '|---|---|---|---|---|'];
  const cases: [
    preset: 'mlp-gan-mnist' | 'dcgan-mnist',
    kind: 'mlp' | 'dcgan',
    backend: 'wasm' | 'cpu',
    iterations: number,
    rounds: number,
  ][] = [
    ['mlp-gan-mnist', 'mlp', 'wasm', 60, 3],
    ['mlp-gan-mnist', 'mlp', 'cpu', 20, 3],
  ];
  for (const [preset, kind, backend, iterations, rounds] of cases) {
    await nodeBackend(backend);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(await trainerLoop(preset, iterations));
      theirs.push(await handLoop(kind, iterations));
      console.error(
        `overhead ${preset} ${backend} round ${r + 1}: trainer ${ours.at(-1)!.toFixed(1)} ms, hand ${theirs.at(-1)!.toFixed(1)} ms`,
      );
    }
    const a = Math.min(...ours);
    const b = Math.min(...theirs);
    rows.push(`| ${preset} | ${backend} (Node) | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
  }
  return rows;
}
