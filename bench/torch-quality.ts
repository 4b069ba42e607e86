import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GanProject } from '../lib/project/schema';
import { PYTHON, run, torchMissingReason, writeExport } from '../tests/export/pytorch-harness';

const SAMPLE = fileURLToPath(new URL('./torch/sample.py', import.meta.url));

/** Images from the exported PyTorch code, or why there are none. */
export type TorchSamples = { images: Float32Array; count: number; seconds: number } | { skipped: string };

/**
 * The design as the Export dialog writes it for PyTorch, trained by its own `train.py` for
 * `iterations` iterations with `seed` on `dataFile` (one process, OMP_NUM_THREADS=1), then
 * sampled by bench/torch/sample.py: `count` images, channels-last in [-1, 1], class i mod 10 for
 * sample i when G takes a label. Never throws: without torch, or when a step fails, it says why.
 */
export function torchSamples(project: GanProject, iterations: number, seed: number, dataFile: string, count: number): TorchSamples {
  const missing = torchMissingReason();
  if (missing) return { skipped: missing };
  const dir = mkdtempSync(join(tmpdir(), 'ganvas-iq-torch-'));
  try {
    const started = performance.now();
    writeExport(dir, project);
    const checkpoints = join(dir, 'checkpoints');
    const hours = 3 * 3_600_000;
    run(
      PYTHON,
      [
        'train.py',
        '--iterations',
        String(iterations),
        '--seed',
        String(seed),
        '--data',
        resolve(dataFile),
        '--out',
        checkpoints,
        '--log-every',
        '500',
      ],
      { cwd: dir, timeoutMs: hours },
    );
    const out = join(dir, 'samples.f32');
    run(PYTHON, [SAMPLE, dir, checkpoints, String(count), String(seed + 7919), out], { timeoutMs: 600_000 });
    const bytes = readFileSync(out);
    const images = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { images, count, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    return { skipped: `the PyTorch export did not train or sample: ${String(err).split('\n').slice(0, 6).join(' ')}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
