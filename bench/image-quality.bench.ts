import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createDataset } from '../lib/data/dataset';
import { parseImageSet } from '../lib/data/image-set';
import { presetProject, type PresetId } from '../lib/project/presets';
import { judgeFolder, judgeFromArtifacts, type JudgeCard } from '../lib/quality/judge';
import { createQualityMeter, type QualityFigures } from '../lib/quality/meter';
import { watchQuality } from '../lib/quality/watch';
import { createGanTrainer } from '../lib/train/trainer';
import { nodeBackend } from './node-backend';

const PRESETS = (process.env.IQ_PRESETS?.split(',') ?? ['mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist']) as PresetId[];
const SEEDS = process.env.IQ_SEEDS?.split(',').map(Number) ?? [1, 2, 3];
/** The issue's budgets: recognisable digits of all ten classes within 3 minutes (MLP), 5 (DCGAN, cGAN). */
const MINUTES: Record<string, number> = { 'mlp-gan-mnist': 3, 'dcgan-mnist': 5, 'cgan-mnist': 5 };
const EVERY_S = Number(process.env.IQ_EVERY_S ?? 30);
const THREADS = Number(process.env.IQ_THREADS ?? 1);

const f2 = (v: number) => v.toFixed(2);
const figures = (q: QualityFigures) => `${f2(q.fid)} | ${q.classes} | ${f2(q.score)} | ${q.labelAccuracy === undefined ? '–' : `${(q.labelAccuracy * 100).toFixed(1)} %`}`;

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
  const dir = `public${judgeFolder('mnist')}`;
  const card = JSON.parse(readFileSync(`${dir}judge.json`, 'utf8')) as JudgeCard;
  const loadJudge = async () => judgeFromArtifacts({ modelJson: readFileSync(`${dir}model.json`, 'utf8'), weightsBin: new Uint8Array(readFileSync(`${dir}weights.bin`)) }, card);
  const ceiling = (await createQualityMeter(await loadJudge(), images)).reference;
  const rows = [
    `Judge: held-out accuracy ${(card.heldOutAccuracy * 100).toFixed(2)} %. Real images against held-out real images (the ceiling): FID ${f2(ceiling.fid)}, classes ${ceiling.classes}, score ${f2(ceiling.score)}. Node, wasm, ${THREADS} thread(s); measured every ${EVERY_S} s of training.`,
    '',
    '| preset | seed | iterations | minutes | FID | classes | score | label accuracy | all ten classes first at |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const scale = Number(process.env.IQ_MINUTES_SCALE ?? 1);
  for (const id of PRESETS) {
    for (const seed of SEEDS) {
      const project = presetProject(id);
      project.training.seed = seed;
      const dataset = createDataset(project.dataset, images);
      const trainer = createGanTrainer({ project, dataset });
      const watch = watchQuality(project, async () => images, loadJudge);
      const budgetMs = (MINUTES[id] ?? 5) * 60_000 * scale;
      let trainedMs = 0;
      let allTen: string | null = null;
      let last: QualityFigures | null = null;
      // The meter loads in the background: wait for its first reading before the clock starts.
      for (let waited = 0; !(await watch.due(trainer, 0, true)); waited += 50) {
        if (waited > 120_000) throw new Error('the quality meter did not start (run `npm run train-judges`)');
        await new Promise((r) => setTimeout(r, 50));
      }
      while (trainedMs < budgetMs) {
        const until = Math.min(budgetMs, trainedMs + EVERY_S * 1000);
        while (trainedMs < until) {
          const t0 = performance.now();
          await trainer.step(5);
          trainedMs += performance.now() - t0;
        }
        const update = await watch.due(trainer, 0, true);
        if (!update) continue;
        last = update.reading;
        const it = update.reading.iteration;
        console.error(JSON.stringify({ id, seed, minutes: +(trainedMs / 60000).toFixed(2), ...update.reading }));
        if (!allTen && update.reading.classes === 10) allTen = `${it} it, ${(trainedMs / 60000).toFixed(1)} min`;
      }
      rows.push(`| ${id} | ${seed} | ${trainer.metrics().iteration} | ${(trainedMs / 60000).toFixed(1)} | ${last ? figures(last) : '– | – | – | –'} | ${allTen ?? 'never'} |`);
      watch.dispose();
      trainer.dispose();
      dataset.dispose();
    }
  }
  return rows;
}
