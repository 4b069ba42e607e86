// Parts of src/gan.ts around the models and the trainer (lib/export/typescript/index.ts). Outside
// the regions: declarations of what gan.ts defines elsewhere, and the generated lines of the variant
// with G's weight average, so that this file type-checks as a whole.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './dataset';
import { createTrainer, type Metrics } from './trainer';

// region loadWeights
/** Loads weights saved in the tfjs layers format (the app's download, or `main`'s output) into a model built here. */
export function loadWeights(model: tf.LayersModel, modelJson: string, weightsBin: Uint8Array): void {
  const manifest = JSON.parse(modelJson) as { weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const specs = manifest.weightsManifest.flatMap((group) => group.weights);
  const data = weightsBin.buffer.slice(weightsBin.byteOffset, weightsBin.byteOffset + weightsBin.byteLength) as ArrayBuffer;
  model.loadWeights(tf.io.decodeWeights(data, specs));
}
// endregion

// region mainOptions
export interface MainOptions {
  iterations: number;
  dataset: Dataset;
  /** Where the trained models go, e.g. `downloads://generator` in a browser or a file handler in Node. */
  saveGenerator: tf.io.IOHandler | string;
  saveDiscriminator?: tf.io.IOHandler | string;
// endregion
  /** Where G's weight average goes: the generator to sample from. */
  saveAveragedGenerator?: tf.io.IOHandler | string;
// region mainModels
  /** Models to continue from; fresh ones otherwise. */
// endregion
  models?: { generator?: tf.LayersModel; discriminator?: tf.LayersModel; averagedGenerator?: tf.LayersModel };
// region main
  batchSize?: number;
  onProgress?: (metrics: Metrics) => void;
}

/** Trains for `iterations` iterations, then saves the generator (and the discriminator when asked). */
export async function main(options: MainOptions): Promise<Metrics | null> {
  const trainer = createTrainer(options.dataset, { ...options.models, batchSize: options.batchSize });
  let last: Metrics | null = null;
  try {
    for (let i = 0; i < options.iterations; i++) {
      last = await trainer.step();
      if (!Number.isFinite(last.dLoss) || !Number.isFinite(last.gLoss)) {
        throw new Error(`training diverged at iteration ${last.iteration}: lower the learning rates or change the loss`);
      }
      options.onProgress?.(last);
    }
    await trainer.generator.save(options.saveGenerator);
    if (options.saveDiscriminator) await trainer.discriminator.save(options.saveDiscriminator);
// endregion
    if (options.saveAveragedGenerator) await trainer.averagedGenerator.save(options.saveAveragedGenerator);
// region mainEnd
    return last;
  } finally {
    trainer.dispose();
  }
}
// endregion
