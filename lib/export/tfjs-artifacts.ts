import type * as tf from '@tensorflow/tfjs';

/**
 * The folder of G's weight average beside `generator/` and `discriminator/` in a weights download;
 * the exported TypeScript and PyTorch read it under the same name.
 */
export const AVERAGE_FOLDER = 'generator-average';

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

/**
 * Loads weights in the tfjs layers format into a model of the same design, matching by weight
 * name (`<node id>/kernel`, …). Checks every name and shape before writing anything, so a file for
 * another design changes nothing and says what differs.
 */
export function loadLayersArtifacts(tfjs: typeof tf, model: tf.LayersModel, { modelJson, weightsBin }: LayersArtifacts): void {
  let manifest: { weightsManifest?: { weights?: tf.io.WeightsManifestEntry[] }[] };
  try {
    manifest = JSON.parse(modelJson) as typeof manifest;
  } catch {
    throw new Error('model.json is not valid JSON');
  }
  const specs = (manifest.weightsManifest ?? []).flatMap((group) => group.weights ?? []);
  const expectedBytes = specs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (specs.some((s) => s.dtype !== 'float32')) throw new Error('only float32 weights can be loaded');
  if (expectedBytes !== weightsBin.byteLength) {
    throw new Error(`weights.bin holds ${weightsBin.byteLength} bytes but model.json describes ${expectedBytes}`);
  }
  const byName = new Map(specs.map((s) => [s.name, s]));
  const problems: string[] = [];
  for (const w of model.weights) {
    const spec = byName.get(w.originalName);
    if (!spec) problems.push(`${w.originalName} is missing`);
    else if (spec.shape.join(',') !== w.shape.join(','))
      problems.push(`${w.originalName} has shape [${spec.shape}] but this design needs [${w.shape}]`);
    byName.delete(w.originalName);
  }
  for (const name of byName.keys()) problems.push(`${name} is not in this design`);
  if (problems.length > 0)
    throw new Error(
      `these weights do not fit this design: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
    );
  const data = weightsBin.buffer.slice(weightsBin.byteOffset, weightsBin.byteOffset + weightsBin.byteLength) as ArrayBuffer;
  const tensors = tfjs.io.decodeWeights(data, specs);
  try {
    tfjs.tidy(() => model.weights.forEach((w) => w.write(tensors[w.originalName]!)));
  } finally {
    tfjs.dispose(Object.values(tensors));
  }
}
