import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createDataset } from '../lib/data/dataset';
import { parseImageSet } from '../lib/data/image-set';
import { parseProjectText } from '../lib/project/parse';
import { takesLabel } from '../lib/project/schema';
import { presetProject, type PresetId } from '../lib/project/presets';
import { createQualityMeter, QUALITY_SAMPLES, type QualityFigures } from '../lib/quality/meter';
import { watchQuality } from '../lib/quality/watch';
import { createGanTrainer } from '../lib/train/trainer';
import { shippedJudge } from '../tests/helpers/judge-files';
import { nodeBackend } from './node-backend';
import { torchSamples } from './torch-quality';

const PRESETS = (process.env.IQ_PRESETS?.split(',') ?? ['mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist']) as PresetId[];
const SEEDS = process.env.IQ_SEEDS?.split(',').map(Number) ?? [1, 2, 3];
/** The issue's budgets: recognisable digits of all ten classes within 3 minutes (MLP), 5 (DCGAN, cGAN). */
const MINUTES: Record<string, number> = { 'mlp-gan-mnist': 3, 'dcgan-mnist': 5, 'cgan-mnist': 5 };
const EVERY_S = Number(process.env.IQ_EVERY_S ?? 30);
const THREADS = Number(process.env.IQ_THREADS ?? 1);
/**
 * IQ_ITERATIONS=preset:n,…: train each listed preset for n iterations instead of its time budget
 * (the iterations of a run in the app, so that the comparison with PyTorch is at the same point
 * whatever else this machine is doing). IQ_TORCH=0 leaves PyTorch out.
 */
const ITERATIONS = new Map((process.env.IQ_ITERATIONS?.split(',') ?? []).map((pair) => [pair.split(':')[0]!, Number(pair.split(':')[1])]));
const WITH_TORCH = process.env.IQ_TORCH !== '0';

const f2 = (v: number) => v.toFixed(2);
const figures = (q: QualityFigures) =>
  `${f2(q.fid)} | ${q.classes} | ${f2(q.score)} | ${q.labelAccuracy === undefined ? '–' : `${(q.labelAccuracy * 100).toFixed(1)} %`}`;

/** IQ_GRID_DIR=folder: 8 × 8 of G's samples at the end of each run, as a PGM picture, to look at. */
async function writeGrid(path: string, trainer: ReturnType<typeof createGanTrainer>): Promise<void> {
  const labels = Array.from({ length: 64 }, (_, i) => i % 10);
  const { data } = await trainer.sample(64, undefined, labels);
  const side = 8 * 29 + 1;
  const pixels = new Uint8Array(side * side).fill(128);
  for (let k = 0; k < 64; k++) {
    const [r0, c0] = [1 + Math.floor(k / 8) * 29, 1 + (k % 8) * 29];
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) pixels[(r0 + y) * side + c0 + x] = Math.round((data[k * 784 + y * 28 + x]! + 1) * 127.5);
  }
  writeFileSync(path, Buffer.concat([Buffer.from(`P5 ${side} ${side} 255\n`), pixels]));
}

/** The preset, or (IQ_PROJECT=file.json, to try a design before it becomes the preset) a saved project. */
function designOf(id: PresetId) {
  const file = process.env.IQ_PROJECT;
  if (!file) return presetProject(id);
  const parsed = parseProjectText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.project;
}

/**
 * Each MNIST preset trained as shipped, per seed, for its time budget (IQ_MINUTES_SCALE scales
 * it), in Node on wasm (IQ_THREADS threads), scored by the quality meter every EVERY_S seconds of
 * training (the meter's own time is not counted): iterations, minutes, FID, classes, score, label
 * accuracy at the end, and when all ten classes were first covered.
 */
export async function benchImageQuality(): Promise<string[]> {
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
  await nodeBackend('wasm', THREADS);
  const images = parseImageSet(new Uint8Array(readFileSync('public/data/mnist.bin')));
  const loadJudge = () => shippedJudge('mnist');
  const judge = await loadJudge();
  const { card } = judge;
  // One meter scores PyTorch's samples against the same held-out statistics as the app's.
  const meter = await createQualityMeter(judge, images);
  const ceiling = meter.reference;
  const rows = [
    `Judge: held-out accuracy ${(card.heldOutAccuracy * 100).toFixed(2)} %. Real images against held-out real images (the ceiling): FID ${f2(ceiling.fid)}, classes ${ceiling.classes}, score ${f2(ceiling.score)}. Node, wasm, ${THREADS} thread(s); measured every ${EVERY_S} s of training. PyTorch: the design's exported train.py, run for the same iterations with the same seed on the same packed images (1 thread), its G sampled in eval mode on 1,000 noise vectors and scored by the same judge.`,
    '',
    '| preset | seed | iterations | minutes | FID | classes | score | label accuracy | all ten classes first at | PyTorch FID / classes / score / label accuracy | app FID ÷ PyTorch FID |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const scale = Number(process.env.IQ_MINUTES_SCALE ?? 1);
  for (const id of PRESETS) {
    for (const seed of SEEDS) {
      const project = designOf(id);
      project.training.seed = seed;
      const dataset = createDataset(project.dataset, images);
      const trainer = createGanTrainer({ project, dataset });
      const watch = watchQuality(project, async () => images, loadJudge);
      const budgetMs = (MINUTES[id] ?? 5) * 60_000 * scale;
      const target = ITERATIONS.get(id);
      const more = () => (target === undefined ? trainedMs < budgetMs : trainer.metrics().iteration < target);
      let trainedMs = 0;
      let allTen: string | null = null;
      let last: QualityFigures | null = null;
      // The meter loads in the background: wait for its first reading before the clock starts.
      for (let waited = 0; !(await watch.due(trainer, 0, true)); waited += 50) {
        if (waited > 120_000) throw new Error('the quality meter did not start (run `npm run train-judges`)');
        await new Promise((r) => setTimeout(r, 50));
      }
      while (more()) {
        const until = trainedMs + EVERY_S * 1000;
        while (more() && trainedMs < until) {
          const t0 = performance.now();
          await trainer.step(target === undefined ? 5 : Math.min(5, target - trainer.metrics().iteration));
          trainedMs += performance.now() - t0;
        }
        const update = await watch.due(trainer, 0, true);
        if (!update) continue;
        last = update.reading;
        const it = update.reading.iteration;
        console.error(JSON.stringify({ id, seed, minutes: +(trainedMs / 60000).toFixed(2), ...update.reading }));
        if (!allTen && update.reading.classes === 10) allTen = `${it} it, ${(trainedMs / 60000).toFixed(1)} min`;
      }
      if (process.env.IQ_GRID_DIR) await writeGrid(`${process.env.IQ_GRID_DIR}/${id}-${seed}.pgm`, trainer);
      const iterations = trainer.metrics().iteration;
      let torch = 'not run (IQ_TORCH=0)';
      let ratio = '–';
      if (WITH_TORCH) {
        const made = torchSamples(project, iterations, seed, 'public/data/mnist.bin', QUALITY_SAMPLES);
        if ('skipped' in made) torch = `skipped: ${made.skipped.slice(0, 160)}`;
        else {
          const conditional = takesLabel(project.generator);
          const q = await meter.measure(
            made.images,
            made.count,
            conditional ? Array.from({ length: made.count }, (_, i) => i % 10) : undefined,
          );
          console.error(JSON.stringify({ id, seed, torch: q, seconds: made.seconds }));
          torch = figures(q).replaceAll(' | ', ' / ');
          if (last) ratio = f2(last.fid / q.fid);
        }
      }
      rows.push(
        `| ${id} | ${seed} | ${iterations} | ${(trainedMs / 60000).toFixed(1)} | ${last ? figures(last) : '– | – | – | –'} | ${allTen ?? 'never'} | ${torch} | ${ratio} |`,
      );
      watch.dispose();
      trainer.dispose();
      dataset.dispose();
    }
  }
  judge.dispose();
  return rows;
}
