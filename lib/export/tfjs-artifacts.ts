import type * as tf from '@tensorflow/tfjs';

/** A model in the tfjs layers format, as `tf.loadLayersModel` reads it: model.json and weights.bin. */
export interface LayersArtifacts {
  /** The text of model.json: topology plus a manifest naming `weights.bin`. */
  modelJson: string;
  weightsBin: Uint8Array;
}

/**
 * Saves a model in the tfjs layers format without touching any file system: the in-app weights
 * download, the worker and the export tests share it. Weight names are the layers' own
 * (`<node id>/kernel`, `<node id>/bias`, …), never tfjs's de-duplicated ones.
 */
export async function saveLayersArtifacts(tfjs: typeof tf, model: tf.LayersModel): Promise<LayersArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tfjs.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.weightSpecs || !artifacts.weightData) throw new Error('tfjs saved no weights for this model');
  const data = artifacts.weightData;
  const buffers = Array.isArray(data) ? data : [data];
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const weightsBin = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    weightsBin.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tfjs.version.tfjs}`,
    convertedBy: 'GANvas',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
  });
  return { modelJson, weightsBin };
}
