import type * as tf from '@tensorflow/tfjs';

/** One weight tensor in plain memory: what checkpoints store and the worker transfers. */
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Both networks' weights (trainable and not) plus the iteration they were taken at. */
export interface GanWeights {
  iteration: number;
  generator: NamedWeight[];
  discriminator: NamedWeight[];
  /** G's weight average, when the project averages G (`training.ema`). */
  averagedGenerator?: NamedWeight[];
}

/** Reads a model's weights asynchronously (no sync reads: they stall or lose a GPU device). */
export async function readWeights(model: tf.LayersModel): Promise<NamedWeight[]> {
  return Promise.all(
    model.weights.map(async (w) => {
      const value = w.read();
      return { name: w.name, shape: [...value.shape], values: (await value.data()) as Float32Array };
    }),
  );
}

/** Writes weights taken from a model of the same design; refuses a mismatch before touching anything. */
export function writeWeights(tfjs: typeof tf, model: tf.LayersModel, weights: NamedWeight[]): void {
  const targets = model.weights;
  if (targets.length !== weights.length) {
    throw new Error(`these weights are for a network with ${weights.length} weight tensors, but this one has ${targets.length}`);
  }
  targets.forEach((t, i) => {
    const w = weights[i]!;
    if (t.shape.join(',') !== w.shape.join(',')) {
      throw new Error(`weight ${i} (${t.name}) has shape [${t.shape}] but the saved one has [${w.shape}]`);
    }
  });
  tfjs.tidy(() => targets.forEach((t, i) => t.write(tfjs.tensor(weights[i]!.values, weights[i]!.shape))));
}
