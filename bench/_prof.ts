import * as tf from '@tensorflow/tfjs';
import { nodeBackend } from './node-backend';
import { presetProject } from '../lib/project/presets';
import { createDataset } from '../lib/data/dataset';
import { loadImageSetFromDisk } from './_img';
import { createGanTrainer } from '../lib/train/trainer';
async function main() {
  await nodeBackend((process.argv[2] as 'wasm') ?? 'wasm');
  const project = presetProject((process.argv[3] as 'dcgan-mnist') ?? 'dcgan-mnist');
  project.training.batchSize = 64;
  const dataset = createDataset(project.dataset, await loadImageSetFromDisk());
  const trainer = createGanTrainer({ project, dataset });
  await trainer.step(1);
  let t = performance.now();
  await trainer.step(3);
  console.log('ms/it', ((performance.now() - t) / 3).toFixed(1));
  const times = new Map<string, number>();
  const prof = await tf.profile(async () => { await trainer.step(1); });
  for (const k of prof.kernels) times.set(k.name, (times.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  for (const k of prof.kernels) if (['Tile','Conv2DBackpropInput','Conv2DBackpropFilter','FusedConv2D'].includes(k.name)) console.log(k.name, (k.kernelTimeMs as number).toFixed(1), JSON.stringify(k.inputShapes), JSON.stringify(k.outputShapes));
  console.log([...times].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(1)}`).join('\n'));
}
main();
