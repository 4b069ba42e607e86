// The file-system helpers of the exported project's src/train.ts (lib/export/typescript/project-files.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadWeights } from './gan';

// region fileIo
/** Saves a model as model.json + weights.bin in `dir` (the tfjs layers format). */
export function fileSaver(dir: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    mkdirSync(dir, { recursive: true });
    const weights = artifacts.weightData ?? new ArrayBuffer(0);
    const buffers = Array.isArray(weights) ? weights : [weights];
    writeFileSync(join(dir, 'weights.bin'), Buffer.concat(buffers.map((b) => Buffer.from(b))));
    const modelJson = {
      format: 'layers-model',
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
    };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  });
}

/** Builds a model and loads the weights saved in `dir` into it. */
function loadModel(build: () => tf.LayersModel, dir: string): tf.LayersModel {
  const model = build();
  loadWeights(model, readFileSync(join(dir, 'model.json'), 'utf8'), readFileSync(join(dir, 'weights.bin')));
  return model;
}
// endregion
