// Trains the quality meter's judges: one small classifier per built-in image set (MNIST,
// Fashion-MNIST), from the packed files in public/data/, on every image but the held-out fifth.
// Seeded and single-threaded, so a run gives the same weights. Each batch is shifted by up to 2
// pixels (there are only 8,000 training images per set). Writes public/judges/<set>/
// model.json, weights.bin and judge.json (held-out accuracy), and prints the accuracy.
//   npm run train-judges            both sets
//   npm run train-judges -- mnist   one
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseImageSet, toUnitRange } from '../lib/data/image-set';
import { createRng } from '../lib/data/rng';
import { saveLayersArtifacts } from '../lib/export/tfjs-artifacts';
import { createJudgeModel, isHeldOut, JUDGE_CLASSES, JUDGED_SETS, judgeFolder, type JudgeCard, type JudgedSet } from '../lib/quality/judge';
import { predictedClasses } from '../lib/quality/statistics';
import { fixWasmKernels } from '../lib/train/wasm-kernels';

const SEED = 7;
const EPOCHS = 15;
/** Each batch is moved by up to this many pixels (the same move for the whole batch): 8,000 digits are few. */
const SHIFT = 2;
const BATCH = 64;
const root = fileURLToPath(new URL('..', import.meta.url));

async function train(set: JudgedSet): Promise<JudgeCard> {
  const images = parseImageSet(readFileSync(`${root}public/data/${set}.bin`));
  const labels = images.labels!;
  const trainIdx: number[] = [];
  const heldIdx: number[] = [];
  for (let i = 0; i < images.count; i++) (isHeldOut(i) ? heldIdx : trainIdx).push(i);
  const x = tf.tensor4d(toUnitRange(images.pixels), [images.count, ...images.shape]);
  const y = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), JUDGE_CLASSES).toFloat();
  const model = createJudgeModel(SEED);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const rng = createRng(SEED);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const order = [...trainIdx];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    let batches = 0;
    for (let s = 0; s + BATCH <= order.length; s += BATCH) {
      const idx = tf.tensor1d(order.slice(s, s + BATCH), 'int32');
      const [dy, dx] = [rng.int(2 * SHIFT + 1), rng.int(2 * SHIFT + 1)];
      const bx = tf.tidy(() => {
        const padded = tf.pad(
          tf.gather(x, idx),
          [
            [0, 0],
            [SHIFT, SHIFT],
            [SHIFT, SHIFT],
            [0, 0],
          ],
          -1,
        );
        return tf.slice(padded, [0, dy, dx, 0], [BATCH, images.shape[0], images.shape[1], images.shape[2]]);
      });
      const by = tf.gather(y, idx);
      loss += (await model.trainOnBatch(bx, by)) as number;
      batches++;
      tf.dispose([idx, bx, by]);
    }
    console.log(`train-judges: ${set} epoch ${epoch}/${EPOCHS}: loss ${(loss / batches).toFixed(4)}`);
  }
  const held = tf.tidy(() => model.predict(tf.gather(x, tf.tensor1d(heldIdx, 'int32'))) as tf.Tensor);
  const predicted = predictedClasses((await held.data()) as Float32Array, JUDGE_CLASSES);
  held.dispose();
  const right = heldIdx.filter((i, k) => predicted[k] === labels[i]).length;
  const card: JudgeCard = {
    set,
    heldOutAccuracy: right / heldIdx.length,
    trainImages: trainIdx.length,
    heldOutImages: heldIdx.length,
    epochs: EPOCHS,
    seed: SEED,
  };
  const { modelJson, weightsBin } = await saveLayersArtifacts(tf, model);
  const dir = `${root}public${judgeFolder(set)}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}model.json`, modelJson);
  writeFileSync(`${dir}weights.bin`, weightsBin);
  writeFileSync(`${dir}judge.json`, `${JSON.stringify(card, null, 2)}\n`);
  tf.dispose([x, y]);
  model.dispose();
  console.log(
    `train-judges: ${set}: ${(card.heldOutAccuracy * 100).toFixed(2)} % of ${heldIdx.length} held-out images right; ${(weightsBin.byteLength / 1024).toFixed(0)} KB of weights in ${dir}`,
  );
  return card;
}

setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
setThreadsCount(1);
fixWasmKernels();
await tf.setBackend('wasm');
await tf.ready();
const wanted = process.argv.slice(2).filter((a) => (JUDGED_SETS as readonly string[]).includes(a)) as JudgedSet[];
for (const set of wanted.length ? wanted : JUDGED_SETS) await train(set);
