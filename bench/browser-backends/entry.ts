import * as tf from '@tensorflow/tfjs';
import { createImageDataset } from '../../lib/data/dataset';
import { loadImageSet } from '../../lib/data/load-image-set';
import { presetProject } from '../../lib/project/presets';
import { registerBackends, unsupportedReason, switchBackend, type BackendName } from '../../lib/train/backends';
import { createGanTrainer } from '../../lib/train/trainer';

/** Runs in Chromium: ms per iteration of each preset on each tfjs backend, written to window.__results. */
type Row = { preset: string; backend: BackendName; msPerIteration: number | null; note: string };

async function main() {
  await registerBackends('/tfjs-wasm/');
  const set = await loadImageSet('/data/mnist.bin');
  const params = new URLSearchParams(location.search);
  const plan: [string, number][] = [
    ['mlp-gan-mnist', Number(params.get('mlp') ?? 10)],
    ['dcgan-mnist', Number(params.get('dcgan') ?? 2)],
  ];
  const rows: Row[] = [];
  for (const [preset, iterations] of plan) {
    const project = presetProject(preset as 'mlp-gan-mnist');
    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      const why = unsupportedReason(backend, project);
      if (why) {
        rows.push({ preset, backend, msPerIteration: null, note: why });
        continue;
      }
      if (!(await switchBackend(backend))) {
        rows.push({ preset, backend, msPerIteration: null, note: 'not available' });
        continue;
      }
      const dataset = createImageDataset(set);
      const trainer = createGanTrainer({ project, dataset, seed: 1 });
      try {
        await trainer.step(1);
        const start = performance.now();
        for (let i = 0; i < iterations; i++) await trainer.step(1);
        rows.push({ preset, backend, msPerIteration: (performance.now() - start) / iterations, note: '' });
      } catch (err) {
        rows.push({ preset, backend, msPerIteration: null, note: err instanceof Error ? err.message.slice(0, 100) : 'failed' });
      } finally {
        trainer.dispose();
        dataset.dispose();
      }
      (window as unknown as { __progress: Row[] }).__progress = rows;
    }
  }
  (window as unknown as { __results: Row[] }).__results = rows;
  tf.disposeVariables();
}

void main().catch((err) => {
  (window as unknown as { __error: string }).__error = String(err);
});
