import { syntheticModes, isSyntheticRef } from '../../data/synthetic';
import type { IrProject } from '../model-ir';

const DATASET_TYPES = [
  'export interface Batch {',
  '  x: tf.Tensor;',
  '  /** One-hot labels, for labelled data. */',
  '  labels?: tf.Tensor;',
  '}',
  '',
  'export interface Dataset {',
  '  sample(n: number): Batch;',
  '  dispose(): void;',
  '}',
].join('\n');

/** The dataset: the same mixture formulas as the app for synthetic data, a GANV file reader for images. */
export function emitDataset(ir: IrProject): string {
  const ref = ir.dataset;
  if (isSyntheticRef(ref)) {
    const modes = syntheticModes(ref);
    const rows = modes.map((m) => `[${m.map((v) => +v.toPrecision(12)).join(', ')}]`);
    const title = ref.id === 'gaussian-1d' ? 'one Gaussian' : ref.id === 'ring-8' ? '8 Gaussians on a ring' : 'a 5×5 grid of Gaussians';
    return [
      DATASET_TYPES,
      '',
      `/** Centres of the mixture (${title}). */`,
      `export const MODES = [${rows.join(', ')}];`,
      `/** Standard deviation of every mode, per axis. */`,
      `export const MODE_STD = ${ref.options.std};`,
      '',
      '/** Samples: a uniformly chosen mode plus isotropic Gaussian noise. */',
      'export function createDataset(): Dataset {',
      '  const centres = tf.tensor2d(MODES);',
      '  return {',
      '    sample: (n) =>',
      '      tf.tidy(() => {',
      "        const pick = tf.randomUniform([n], 0, MODES.length, 'int32');",
      '        return { x: tf.add(tf.gather(centres, pick), tf.randomNormal([n, DATA_SHAPE[0]!], 0, MODE_STD)) };',
      '      }),',
      '    dispose: () => centres.dispose(),',
      '  };',
      '}',
    ].join('\n');
  }
  return [
    DATASET_TYPES,
    '',
    '/**',
    ' * Images from a GANvas image set (the app\'s "GANV" format: a 16-byte header, uint8 pixels',
    ' * channels-last, then one uint8 label per image when labelled), scaled to [-1, 1].',
    ' */',
    'export function createDataset(file: Uint8Array): Dataset {',
    '  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);',
    '  const magic = String.fromCharCode(...file.subarray(0, 4));',
    "  if (file.byteLength < 16 || magic !== 'GANV') throw new Error('not a GANvas image set (expected the GANV header)');",
    '  const channels = view.getUint8(6);',
    '  const numClasses = view.getUint8(7);',
    '  const count = view.getUint32(8, true);',
    '  const height = view.getUint16(12, true);',
    '  const width = view.getUint16(14, true);',
    '  const size = height * width * channels;',
    '  if ([height, width, channels].join() !== DATA_SHAPE.join()) {',
    '    throw new Error(`the image set holds ${height}×${width}×${channels} images but the model expects ${DATA_SHAPE.join("×")}`);',
    '  }',
    "  if (file.byteLength !== 16 + count * size + (numClasses > 0 ? count : 0)) throw new Error('the image set is truncated or too long');",
    '  const pixels = Float32Array.from(file.subarray(16, 16 + count * size), (v) => v / 127.5 - 1);',
    '  const images = tf.tensor4d(pixels, [count, height, width, channels]);',
    '  const labels = numClasses > 0 ? Int32Array.from(file.subarray(16 + count * size)) : null;',
    '  return {',
    '    sample: (n) =>',
    '      tf.tidy(() => {',
    '        const pick = Int32Array.from({ length: n }, () => Math.floor(Math.random() * count));',
    "        const x = tf.gather(images, tf.tensor1d(pick, 'int32'));",
    '        if (!labels) return { x };',
    '        const classes = Int32Array.from(pick, (i) => labels[i]!);',
    "        return { x, labels: tf.oneHot(tf.tensor1d(classes, 'int32'), numClasses).toFloat() };",
    '      }),',
    '    dispose: () => images.dispose(),',
    '  };',
    '}',
  ].join('\n');
}
