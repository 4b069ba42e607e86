import * as tf from '@tensorflow/tfjs';
import { loadLayersArtifacts, type LayersArtifacts } from '../export/tfjs-artifacts';

/** The image sets that have a judge: a small classifier trained by `npm run train-judges`. */
export const JUDGED_SETS = ['mnist', 'fashion-mnist'] as const;
export type JudgedSet = (typeof JUDGED_SETS)[number];

export const isJudgedSet = (id: string): id is JudgedSet => (JUDGED_SETS as readonly string[]).includes(id);

/** Where a judge's files are served from (public/judges/<set>/): model.json, weights.bin, judge.json. */
export const judgeFolder = (set: JudgedSet) => `/judges/${set}/`;

/** The images a judge never trains on: every fifth (index 4, 9, 14, …), about 200 per class. */
export const isHeldOut = (index: number) => index % 5 === 4;

export const JUDGE_SHAPE = [28, 28, 1] as const;
export const JUDGE_CLASSES = 10;
/** The size of the feature vector the Fréchet distance compares (the last hidden layer). */
export const JUDGE_FEATURES = 64;

/** What `npm run train-judges` wrote beside the weights. */
export interface JudgeCard {
  set: JudgedSet;
  /** Share of held-out images it reads right, 0..1. */
  heldOutAccuracy: number;
  trainImages: number;
  heldOutImages: number;
  epochs: number;
  seed: number;
}

/**
 * The judge's design: two strided convolutions, a 64-unit feature layer and a softmax over the
 * ten classes; pixels in [-1, 1], as G makes them. About 106,000 weights (415 KB).
 */
export function createJudgeModel(seed = 1): tf.LayersModel {
  const init = (offset: number) => tf.initializers.glorotUniform({ seed: seed * 16 + offset });
  const input = tf.input({ shape: [...JUDGE_SHAPE], name: 'image' });
  let x = tf.layers
    .conv2d({ name: 'j1', filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(1) })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers
    .conv2d({ name: 'j2', filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(2) })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten({ name: 'flat' }).apply(x) as tf.SymbolicTensor;
  const features = tf.layers
    .dense({ name: 'features', units: JUDGE_FEATURES, activation: 'relu', kernelInitializer: init(3) })
    .apply(x) as tf.SymbolicTensor;
  const classes = tf.layers
    .dense({ name: 'classes', units: JUDGE_CLASSES, activation: 'softmax', kernelInitializer: init(4) })
    .apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: classes, name: 'judge' });
}

/** What a judge reads in a set of images: features (count × 64) and class probabilities (count × 10). */
export interface JudgeReading {
  count: number;
  features: Float32Array;
  probs: Float32Array;
}

export interface Judge {
  card: JudgeCard;
  /** Reads `count` 28×28×1 images in [-1, 1] (row-major, as G's samples come). Leaves no tensors. */
  read(images: Float32Array, count: number): Promise<JudgeReading>;
  dispose(): void;
}

const BATCH = 250;

/** A judge from its trained model (which it then owns). */
export function judgeFrom(model: tf.LayersModel, card: JudgeCard): Judge {
  const both = tf.model({ inputs: model.inputs, outputs: [model.getLayer('features').output as tf.SymbolicTensor, model.outputs[0]!] });
  const size = JUDGE_SHAPE[0] * JUDGE_SHAPE[1] * JUDGE_SHAPE[2];
  return {
    card,
    async read(images, count) {
      if (images.length !== count * size) throw new Error(`expected ${count} images of ${size} values, got ${images.length} values`);
      const features = new Float32Array(count * JUDGE_FEATURES);
      const probs = new Float32Array(count * JUDGE_CLASSES);
      for (let start = 0; start < count; start += BATCH) {
        const n = Math.min(BATCH, count - start);
        const [f, p] = tf.tidy(() => {
          const x = tf.tensor4d(images.subarray(start * size, (start + n) * size), [n, ...JUDGE_SHAPE]);
          return both.predict(x) as tf.Tensor[];
        });
        features.set((await f!.data()) as Float32Array, start * JUDGE_FEATURES);
        probs.set((await p!.data()) as Float32Array, start * JUDGE_CLASSES);
        f!.dispose();
        p!.dispose();
      }
      return { count, features, probs };
    },
    dispose: () => model.dispose(),
  };
}

/**
 * A judge from its files (model.json's weights manifest, weights.bin and judge.json).
 * @throws Error when the files do not fit the judge's design
 */
export function judgeFromArtifacts(artifacts: LayersArtifacts, card: JudgeCard): Judge {
  const model = createJudgeModel();
  try {
    loadLayersArtifacts(tf, model, artifacts);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return judgeFrom(model, card);
}

/**
 * A judge from its three files (model.json, weights.bin, judge.json), each read by `read` from its
 * path under the site's root (`/judges/<set>/…`): fetch in the browser, the file system in Node.
 * Null when a file is missing (a build without `npm run train-judges` run).
 * @throws Error when the files do not fit the judge's design
 */
export async function readJudge(set: JudgedSet, read: (path: string) => Promise<Uint8Array | null>): Promise<Judge | null> {
  const base = judgeFolder(set);
  const [modelJson, weightsBin, card] = await Promise.all(['model.json', 'weights.bin', 'judge.json'].map((f) => read(`${base}${f}`)));
  if (!modelJson || !weightsBin || !card) return null;
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return judgeFromArtifacts({ modelJson: text(modelJson), weightsBin }, JSON.parse(text(card)) as JudgeCard);
}

/** Fetches a judge (browser or worker); null when its files are not there or do not fit, so training goes on without the meter. */
export function fetchJudge(set: JudgedSet, origin = ''): Promise<Judge | null> {
  const get = (path: string) => fetch(`${origin}${path}`).then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : null));
  return readJudge(set, get).catch(() => null);
}
