import { exportTitle } from '../../compiler/layers';
import { emaDecay, packSize } from '../../project/schema';
import type { IrModel, IrProject } from '../model-ir';
import { commentText, identifiers, tsString } from './escape';
import { TS_LAYERS } from './layers';

/** `buildGenerator` or `buildDiscriminator`: one statement per node, each under a comment naming it. */
export function emitBuilder(model: IrModel): string {
  const fn = model.role === 'generator' ? 'buildGenerator' : 'buildDiscriminator';
  const vars = identifiers(model.nodes.map((n) => n.id));
  // The Output node and pass-through Flattens add no layer: they stand for their input.
  const alias = new Map<string, string>();
  const varOf = (id: string): string => alias.get(id) ?? vars.get(id)!;
  const body: string[] = [];
  for (const node of model.nodes) {
    const inputs = node.inputs.map(varOf);
    const expr = TS_LAYERS[node.kind](node, inputs);
    if (expr === null) {
      alias.set(node.id, inputs[0]!);
      continue;
    }
    const label = node.label ? `, label ${commentText(node.label)}` : '';
    body.push(`  // node ${commentText(node.id)}${label}: ${exportTitle(node.kind)} → [${node.shape.join(', ')}]`);
    body.push(`  const ${vars.get(node.id)} = ${expr};`);
  }
  const inputs = model.inputs.map(varOf);
  const what = model.role === 'generator' ? 'noise z' : 'a sample x';
  return [
    `/** The ${model.role} (${model.totalParams.toLocaleString('en-US')} parameters): ${what}${inputs.length > 1 ? ' and a one-hot label' : ''} in, ${model.role === 'generator' ? 'a sample' : 'one logit per sample'} out. */`,
    `export function ${fn}(): tf.LayersModel {`,
    ...body,
    `  return tf.model({ inputs: [${inputs.join(', ')}], outputs: ${varOf(model.output)}, name: '${model.role}' });`,
    '}',
  ].join('\n');
}

/** The settings block at the top of gan.ts: every number the design and training use, named. */
export function emitSettings(ir: IrProject): string {
  const t = ir.training;
  const adam = (o: typeof t.optimizers.generator) => `{ lr: ${o.lr}, beta1: ${o.beta1}, beta2: ${o.beta2} }`;
  return [
    `/** Samples per batch, for the real and the generated batch alike. */`,
    `export const BATCH_SIZE = ${t.batchSize};`,
    `/** Discriminator updates per generator update (Goodfellow et al.'s k). */`,
    `export const K = ${t.k};`,
    `export const LOSS = ${tsString(t.loss)};`,
    `/** One-sided label smoothing: real targets become 1 - LABEL_SMOOTHING. */`,
    `export const LABEL_SMOOTHING = ${t.labelSmoothing};`,
    ...(t.loss === 'wasserstein-gp'
      ? [`/** λ of the WGAN-GP gradient penalty. */`, `export const GRADIENT_PENALTY = ${t.gradientPenalty};`]
      : []),
    ...(packSize(t) > 1
      ? [
          `/** PacGAN: D judges packs of PACK samples side by side; BATCH_SIZE counts packs. D's input is built for this value. */`,
          `export const PACK = ${t.pack};`,
        ]
      : []),
    ...(emaDecay(t) > 0
      ? [
          `/** G's weight average: after every G update a ← a + (1 - β)(w - a), β = min(EMA_DECAY, (1 + t) / (10 + t)) at iteration t. */`,
          `export const EMA_DECAY = ${t.ema};`,
        ]
      : []),
    `export const NOISE_DIM = ${t.noise.dim};`,
    `export const NOISE_DISTRIBUTION: 'normal' | 'uniform' = ${tsString(t.noise.distribution)};`,
    `/** One sample's shape, channels-last. */`,
    `export const DATA_SHAPE = [${ir.dataShape.join(', ')}];`,
    `/** Classes of a conditional GAN's one-hot label (0: unconditional). */`,
    `export const NUM_CLASSES = ${ir.conditional ? (ir.numClasses ?? 0) : 0};`,
    `export const GENERATOR_ADAM = ${adam(t.optimizers.generator)};`,
    `export const DISCRIMINATOR_ADAM = ${adam(t.optimizers.discriminator)};`,
    `export const SEED = ${t.seed};`,
  ].join('\n');
}
