import { emaDecay } from '../../project/schema';
import type { IrProject } from '../model-ir';
import { TRAIN_SCRIPT_TS } from '../templates.generated';
import { AVERAGE_FOLDER } from '../tfjs-artifacts';

/** package.json of the exported project: tfjs pinned to the app's version, tsx to run, tsc to check. */
export const PACKAGE_JSON = (tfjs: string): string =>
  `${JSON.stringify(
    {
      name: 'ganvas-export',
      private: true,
      type: 'module',
      scripts: { train: 'tsx src/train.ts', typecheck: 'tsc --noEmit' },
      dependencies: { '@tensorflow/tfjs': tfjs },
      devDependencies: { '@types/node': '^20.0.0', tsx: '^4.19.0', typescript: '^5.6.0' },
    },
    null,
    2,
  )}\n`;

export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      types: ['node'],
      noEmit: true,
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

/**
 * src/train.ts: the command line, and the small file-system IO handler tfjs needs in Node without
 * tfjs-node (lib/export/templates/typescript/train-script.ts).
 */
export function emitTrainScript(needsDataFile: boolean, dataFile: string, ema: boolean): string {
  return [
    `import { ${ema ? 'existsSync, ' : ''}mkdirSync, readFileSync, writeFileSync } from 'node:fs';`,
    "import { join } from 'node:path';",
    "import { parseArgs } from 'node:util';",
    "import * as tf from '@tensorflow/tfjs';",
    "import { buildDiscriminator, buildGenerator, createDataset, loadWeights, main } from './gan';",
    '',
    TRAIN_SCRIPT_TS.fileIo,
    '',
    'const { values } = parseArgs({',
    '  options: {',
    "    iterations: { type: 'string', default: '1000' },",
    "    out: { type: 'string', default: 'out' },",
    "    weights: { type: 'string' },",
    "    'batch-size': { type: 'string' },",
    ...(needsDataFile ? [`    data: { type: 'string', default: '${dataFile}' },`] : []),
    '  },',
    '});',
    '',
    "await tf.setBackend('cpu');",
    'const iterations = Number(values.iterations);',
    "const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);",
    needsDataFile ? 'const dataset = createDataset(readFileSync(values.data));' : 'const dataset = createDataset();',
    'const models = values.weights',
    "  ? { generator: loadModel(buildGenerator, join(values.weights, 'generator')), discriminator: loadModel(buildDiscriminator, join(values.weights, 'discriminator')) }",
    '  : {};',
    ...(ema
      ? [
          `// G's weight average goes on from ${AVERAGE_FOLDER}/ when the folder has one (the app's download does).`,
          `const averageDir = values.weights === undefined ? null : join(values.weights, '${AVERAGE_FOLDER}');`,
          'const averagedGenerator = averageDir && existsSync(averageDir) ? loadModel(buildGenerator, averageDir) : undefined;',
        ]
      : []),
    'const started = Date.now();',
    'const last = await main({',
    '  iterations,',
    '  dataset,',
    ema ? '  models: { ...models, averagedGenerator },' : '  models,',
    '  batchSize,',
    "  saveGenerator: fileSaver(join(values.out, 'generator')),",
    "  saveDiscriminator: fileSaver(join(values.out, 'discriminator')),",
    ...(ema ? [`  saveAveragedGenerator: fileSaver(join(values.out, '${AVERAGE_FOLDER}')),`] : []),
    '  onProgress: (m) => {',
    '    if (m.iteration % 100 === 0 || m.iteration === iterations) {',
    '      console.log(`iteration ${m.iteration}: D loss ${m.dLoss.toFixed(4)}, G loss ${m.gLoss.toFixed(4)}, D(x) ${m.dReal.toFixed(3)}, D(G(z)) ${m.dFake.toFixed(3)}`);',
    '    }',
    '  },',
    '});',
    'dataset.dispose();',
    ema
      ? 'console.log(`trained ${last?.iteration ?? 0} iterations in ${((Date.now() - started) / 1000).toFixed(1)} s; generator saved to ${join(values.out, "generator")}, its average to ${join(values.out, "generator-average")}`);'
      : 'console.log(`trained ${last?.iteration ?? 0} iterations in ${((Date.now() - started) / 1000).toFixed(1)} s; generator saved to ${join(values.out, "generator")}`);',
    '',
  ].join('\n');
}

export function emitReadme(ir: IrProject, needsDataFile: boolean, dataFile: string): string {
  const t = ir.training;
  // The project name is user text: kept out of the Markdown structure (no headings, links or HTML from it).
  const name = ir.name.replace(/[\\`*_{}[\]()#+!<>|~-]/g, '\\$&').replace(/\s+/g, ' ');
  return [
    '# GAN exported from GANvas',
    '',
    `Project: ${name}`,
    '',
    `Generator ${ir.generator.totalParams.toLocaleString('en-US')} parameters, discriminator ${ir.discriminator.totalParams.toLocaleString('en-US')};`,
    `${t.loss} loss, k = ${t.k}, batch ${t.batchSize}, Adam (G lr ${t.optimizers.generator.lr}, D lr ${t.optimizers.discriminator.lr}).`,
    '',
    '```sh',
    'npm install',
    'npm run train -- --iterations 200',
    '```',
    '',
    'trains on the same dataset with the tfjs cpu backend and writes `out/generator/` and',
    '`out/discriminator/` (model.json + weights.bin, the tfjs layers format: `tf.loadLayersModel`',
    'reads them). Options: `--out DIR`, `--weights DIR` (continue from a folder holding',
    "`generator/` and `discriminator/`, such as the app's weights download), `--batch-size N`" +
      (needsDataFile ? `, \`--data FILE\` (default \`${dataFile}\`, the image set exported with this project).` : '.'),
    '',
    ...(emaDecay(t) > 0
      ? [
          `G's weights are averaged (EMA_DECAY = ${t.ema}): \`out/generator-average/\` holds the average, the`,
          'generator to sample from; `--weights` continues it from `generator-average/` when that is there.',
          '',
        ]
      : []),
    '`src/gan.ts` has no Node dependency: import `buildGenerator`, `buildDiscriminator`,',
    '`createTrainer` and `main` into any tfjs app. `npm run typecheck` checks it with `tsc --strict`.',
    '',
  ].join('\n');
}
