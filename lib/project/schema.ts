import { z } from 'zod';
import type { BiText } from '../i18n/locale';
import { zodMessage } from '../i18n/zod-issue';
import { LAYER_KINDS, LOSS_KINDS, NOISE_DISTRIBUTIONS } from './kinds';

/** The document version this build writes. Older versions are lifted by `migrations.ts`. */
export const CURRENT_VERSION = 1;

/** Bounds that keep a hostile file from costing more than a moment to read. */
export const LIMITS = { nodes: 2000, edges: 8000, text: 200, paramArray: 8 } as const;

const finite = z.number().finite();
const text = z.string().max(LIMITS.text, zodMessage(`at most ${LIMITS.text} characters`, `最多 ${LIMITS.text} 个字符`));

/** Node and edge ids double as tfjs layer names and generated identifiers, hence the narrow alphabet. */
export const idSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    zodMessage(
      'an id is 1-64 letters, digits, "_" or "-", starting with a letter or digit',
      'id 由 1-64 个字母、数字、"_" 或 "-" 组成，并以字母或数字开头',
    ),
  );

const handleSchema = z
  .string()
  .regex(
    /^[a-z][A-Za-z0-9_-]{0,31}$/,
    zodMessage('a handle id is a short lowercase name such as "in" or "out"', '端口 id 是简短的小写名称，例如 "in" 或 "out"'),
  );

/** Param values stay flat (no nested objects), so no document can be deep or cyclic here. */
const paramValue = z.union([finite, z.string().max(LIMITS.text), z.boolean(), z.array(finite).max(LIMITS.paramArray), z.null()]);
const paramKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, zodMessage('a param name is a short identifier', '参数名应是简短的标识符'));

export const nodeSchema = z.object({
  id: idSchema,
  kind: z.enum(LAYER_KINDS),
  params: z.record(paramKey, paramValue),
  position: z.object({ x: finite, y: finite }),
  label: text.optional(),
});

export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: handleSchema,
  target: idSchema,
  targetHandle: handleSchema,
});

export const graphSchema = z
  .object({
    nodes: z.array(nodeSchema).max(LIMITS.nodes, zodMessage(`at most ${LIMITS.nodes} nodes`, `最多 ${LIMITS.nodes} 个节点`)),
    edges: z.array(edgeSchema).max(LIMITS.edges, zodMessage(`at most ${LIMITS.edges} edges`, `最多 ${LIMITS.edges} 条连接`)),
  })
  .superRefine((graph, ctx) => {
    flagDuplicates(graph.nodes, 'nodes', { en: 'node', zh: '节点' }, ctx);
    flagDuplicates(graph.edges, 'edges', { en: 'edge', zh: '连接' }, ctx);
  });

function flagDuplicates(items: { id: string }[], key: string, what: BiText, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [key, i, 'id'],
        message: `${what.en} id "${item.id}" is used twice; ids must be unique`,
        params: { zh: `${what.zh} id "${item.id}" 出现了两次；id 必须唯一` },
      });
    }
    seen.add(item.id);
  });
}

const positive = finite.positive();

export const datasetSchema = z.discriminatedUnion('id', [
  z.object({ id: z.literal('gaussian-1d'), options: z.object({ mean: finite, std: positive }) }),
  z.object({ id: z.literal('ring-8'), options: z.object({ radius: positive, std: positive }) }),
  z.object({ id: z.literal('grid-25'), options: z.object({ spacing: positive, std: positive }) }),
  z.object({ id: z.literal('mnist'), options: z.object({}) }),
  z.object({ id: z.literal('fashion-mnist'), options: z.object({}) }),
  z.object({
    id: z.literal('images'),
    options: z.object({
      width: z.number().int().min(4).max(256),
      height: z.number().int().min(4).max(256),
      channels: z.union([z.literal(1), z.literal(3)]),
    }),
  }),
]);

export const adamSchema = z.object({
  lr: positive.max(1),
  beta1: finite.min(0).lt(1),
  beta2: finite.min(0).lt(1),
});

export const trainingSchema = z.object({
  batchSize: z.number().int().min(1).max(4096),
  /** k: discriminator updates per generator update. */
  k: z.number().int().min(1).max(100),
  loss: z.enum(LOSS_KINDS),
  /** One-sided label smoothing: real targets become 1 - labelSmoothing. */
  labelSmoothing: finite.min(0).max(0.5),
  /** Weight of the gradient penalty for `wasserstein-gp`. */
  gradientPenalty: finite.min(0).max(1000),
  optimizers: z.object({ generator: adamSchema, discriminator: adamSchema }),
  /** Packing (PacGAN): D judges packs of this many samples; the batch is then that many packs. */
  pack: z.number().int().min(1).max(8).optional(),
  /**
   * Generator weight averaging: the decay of an exponential moving average of G's weights, which
   * then makes the samples, pictures and exported generator. Absent or 0: off.
   */
  ema: finite.min(0).max(0.9999).optional(),
  noise: z.object({ dim: z.number().int().min(1).max(4096), distribution: z.enum(NOISE_DISTRIBUTIONS) }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

export const projectSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  name: text,
  generator: graphSchema,
  discriminator: graphSchema,
  dataset: datasetSchema,
  training: trainingSchema,
});

export type GraphNode = z.infer<typeof nodeSchema>;
export type GraphEdge = z.infer<typeof edgeSchema>;
export type Graph = z.infer<typeof graphSchema>;
export type DatasetRef = z.infer<typeof datasetSchema>;
export type AdamConfig = z.infer<typeof adamSchema>;
export type TrainingConfig = z.infer<typeof trainingSchema>;

/** Whether a network takes a class label besides its noise or data (a conditional GAN's G or D). */
export const takesLabel = (graph: Pick<Graph, 'nodes'>): boolean => graph.nodes.some((n) => n.kind === 'label');

/** Samples in one pack D judges: the `pack` setting, 1 (no packing) when absent. */
export const packSize = (training: Pick<TrainingConfig, 'pack'>): number => training.pack ?? 1;

/** The decay of G's weight average: the `ema` setting, 0 (no average) when absent. */
export const emaDecay = (training: Pick<TrainingConfig, 'ema'>): number => training.ema ?? 0;

/**
 * The decay used at iteration t (from 1): min(decay, (1 + t) / (10 + t)), TensorFlow's
 * ExponentialMovingAverage with num_updates, so that early on the average follows G closely
 * instead of dragging its random start along for thousands of iterations.
 */
export const emaDecayAt = (decay: number, t: number): number => Math.min(decay, (1 + t) / (10 + t));

/** Samples drawn per D or G update: batchSize packs of `packSize` samples. */
export const samplesPerUpdate = (training: Pick<TrainingConfig, 'pack' | 'batchSize'>): number => training.batchSize * packSize(training);
export type GanProject = z.infer<typeof projectSchema>;
export type ParamValue = z.infer<typeof paramValue>;
