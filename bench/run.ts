import os from 'node:os';
import { benchAnalyze } from './analyze.bench';
import { benchAuto } from './auto.bench';
import { benchBackends } from './backends.bench';
import { benchEditor } from './editor.bench';
import { benchTorchReplay } from './torch-replay.bench';
import { benchLatent } from './latent.bench';
import { benchImageQuality } from './image-quality.bench';
import { benchImageQualityApp } from './image-quality-app.bench';
import { benchOverhead } from './overhead.bench';
import { benchQuality } from './quality-table';
import { benchResponsiveness } from './responsiveness.bench';
import { benchWorkshop } from './workshop-size.bench';

/**
 * Prints every benchmark as Markdown, ready for docs/BENCHMARKS.md. Never fails on time.
 * `npm run bench -- --only=analyze,editor` runs a subset; names: analyze, editor, overhead, auto,
 * backends, responsiveness, quality, image-quality, torch-replay, latent, image-quality-app, workshop.
 */
const SUITES: [name: string, title: string, run: () => Promise<string[]> | string[]][] = [
  ['analyze', 'analyze (shape inference + diagnostics)', benchAnalyze],
  ['editor', 'Editor at 300 nodes', benchEditor],
  ['overhead', 'Trainer overhead vs a hand-written tfjs loop', benchOverhead],
  ['auto', 'Auto in the app: first iteration and steady speed per preset, against each single backend', benchAuto],
  ['backends', 'Backends in Chromium vs PyTorch CPU', benchBackends],
  ['responsiveness', 'Main thread while training', benchResponsiveness],
  ['quality', '2-D quality (mode-collapse protocol)', benchQuality],
  ['image-quality', 'Image quality of the MNIST presets (the quality meter), in Node', benchImageQuality],
  ['torch-replay', 'The trainer against the PyTorch export from the same weights, batches and noise (MNIST presets)', benchTorchReplay],
  ['latent', 'The latent explorer: what one request to the worker costs (issue 18)', benchLatent],
  ['image-quality-app', 'Image quality of the MNIST presets in the app, on auto, within their time budgets', benchImageQualityApp],
  ['workshop', 'Classroom: what a workshop downloads (from the production build in NEXT_DIST_DIR)', benchWorkshop],
];

async function main() {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  console.log(
    `# GANvas benchmarks: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`,
  );
  for (const [name, title, run] of SUITES) {
    if (only && !only.includes(name)) continue;
    console.log(`## ${title}\n`);
    try {
      console.log((await run()).join('\n'));
    } catch (err) {
      console.log(`(failed: ${err instanceof Error ? err.message : String(err)})`);
    }
    console.log('');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
