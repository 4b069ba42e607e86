import * as tf from '@tensorflow/tfjs';
import { createImageDataset } from '../../lib/data/dataset';
import { loadImageSet } from '../../lib/data/load-image-set';
import { presetProject } from '../../lib/project/presets';
import { registerBackends, unsupportedReason, switchBackend, type BackendName } from '../../lib/train/backends';
import { createGanTrainer } from '../../lib/train/trainer';
import { handWrittenLoop } from '../hand-written';

/** Runs in Chromium: ms per iteration of each preset on each tfjs backend, written to window.__results. */
type Row = { preset: string; backend: BackendName; msPerIteration: number | null; note: string; handWritten?: number };

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
    const only = params.get('backends')?.split(',');
    if (iterations === 0) continue;
    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      if (only && !only.includes(backend)) continue;
      const why = unsupportedReason(backend, project);
      if (why) {
        rows.push({ preset, backend, msPerIteration: null, note: why.en });
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
        let ours = (performance.now() - start) / iterations;
        // Overhead: the same architecture written by hand, on the same backend, in this same page,
        // in alternating rounds (best of each) so that the machine's noise hits both, and in ABBA
        // order so that neither always runs right after the other; the trainer steps in chunks
        // paced as the app's worker paces them.
        let hand: number | undefined;
        if (backend === 'webgl') {
          const rounds = Number(params.get('rounds') ?? 3);
          hand = Infinity;
          let chunk = 1;
          const trainerRound = async () => {
            const t = performance.now();
            for (let done = 0; done < iterations; done += chunk) {
              // The worker's pacing (session.ts): chunks of about 120 ms between updates.
              const c = performance.now();
              const n = Math.min(chunk, iterations - done);
              await trainer.step(n);
              chunk = Math.max(1, Math.min(500, Math.round((n * 120) / Math.max(performance.now() - c, 1))));
            }
            ours = Math.min(ours, (performance.now() - t) / iterations);
          };
          const handRound = async () => {
            hand = Math.min(hand!, await handWrittenLoop(preset === 'dcgan-mnist' ? 'dcgan' : 'mlp', dataset, iterations));
          };
          for (let r = 0; r < rounds; r++) {
            const order = r % 2 === 0 ? [trainerRound, handRound] : [handRound, trainerRound];
            for (const round of order) await round();
          }
        }
        rows.push({ preset, backend, msPerIteration: ours, note: '', ...(hand !== undefined && { handWritten: hand }) });
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
