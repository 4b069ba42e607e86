import type * as TF from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { BiText } from '../i18n/locale';
import type { LayerKind, LossKind, NoiseDistribution, Role } from '../project/kinds';
import type { GraphNode } from '../project/schema';

/** A tensor shape without the batch dimension, channels-last: `[28, 28, 1]`. */
export type Shape = number[];

export type Severity = 'error' | 'warning';

/**
 * A finding pinned to the node, edge or param that causes it. Errors block compiling. Its text is
 * `en` (what is wrong and how to fix it, naming the shapes involved) and `zh`, the same in
 * Simplified Chinese made from the same values (`bi`).
 */
export interface Diagnostic extends BiText {
  nodeId?: string;
  edgeId?: string;
  param?: string;
  severity: Severity;
  /** Stable machine-readable kind of finding, e.g. `cycle`, `reshape-size`. */
  code: DiagnosticCode;
}

export type DiagnosticCode =
  | 'duplicate-id'
  | 'unknown-kind'
  | 'invalid-param'
  | 'wrong-graph'
  | 'dangling-edge'
  | 'bad-handle'
  | 'input-into-source'
  | 'cycle'
  | 'missing-input'
  | 'too-many-inputs'
  | 'duplicate-input'
  | 'no-output'
  | 'multiple-outputs'
  | 'missing-source'
  | 'duplicate-source'
  | 'unreachable'
  | 'shape'
  | 'no-labels'
  | 'noise-mismatch'
  | 'output-shape'
  | 'output-range'
  | 'sigmoid-logits'
  | 'internal';

/** What `analyze` knows about the graph's surroundings. */
export interface AnalyzeContext {
  role: Role;
  /** The dataset's sample shape; D's `data` node takes it and G's output must equal it. */
  dataShape: Shape;
  /** D only: packing (PacGAN); D's data and label inputs hold this many samples side by side. */
  pack?: number;
  /** Classes of a labelled dataset; `label` nodes need it. */
  numClasses?: number;
  /** Interval the data lives in; checks the generator's output activation when given. */
  dataRange?: [number, number];
  /** True when data are scaled into exactly `dataRange` (images), so an unbounded output is a poor fit. */
  dataBounded?: boolean;
  /** The training loss; every loss here expects D to output raw scores (logits). */
  loss?: LossKind;
  /** The noise the trainer will feed; G's `noise` node must agree. */
  noise?: { dim: number; distribution: NoiseDistribution };
}

/** What `build` knows: the analysis context plus an optional seed for reproducible initial weights. */
export interface BuildContext extends AnalyzeContext {
  seed?: number;
}

export interface Analysis {
  /** Output shape of every node whose shape could be inferred. */
  shapes: Record<string, Shape>;
  /** Trainable plus non-trainable parameters of every node with a shape. */
  params: Record<string, number>;
  diagnostics: Diagnostic[];
  /** Parameters of the nodes that feed the output: what the compiled model holds. */
  totalParams: number;
}

export type LayerCategory = 'Inputs' | 'Core' | 'Convolution' | 'Normalization' | 'Activation' | 'Shape' | 'Merge' | 'Output';

/** `source`: no inputs; `one`: exactly one; `many`: two or more on handle `in`, in edge order. */
export type Arity = 'source' | 'one' | 'many';

export type InferResult = { shape: Shape; params: number; warning?: BiText } | { error: BiText; param?: string; code?: DiagnosticCode };

export type Params = Record<string, unknown>;
export type Tfjs = typeof TF;

export type { BiText } from '../i18n/locale';

/**
 * Everything GANvas knows about one layer kind. The inspector form is generated from `schema`,
 * its field names from `labels`; `infer` is pure and allocates no tensors; `build` receives tfjs
 * so that analysis never loads it.
 */
export interface LayerSpec<P = Params> {
  kind: LayerKind;
  title: BiText;
  /** How comments in exported code name the layer, when its title alone would say too little ("Noise z"). */
  exportTitle?: string;
  category: LayerCategory;
  schema: z.ZodType<P>;
  /** Each param's name in the inspector: one per param, or the spec fails type-checking. */
  labels: { readonly [K in keyof P]-?: BiText };
  /**
   * The few params worth showing on the node itself, e.g. "64 filters · 4×4 · s2 · same". It gets
   * the node's params over the defaults, unchecked (a half-edited node still shows what it has).
   */
  summary(params: P): BiText;
  arity: Arity;
  /** Graphs the kind may appear in; absent means both. */
  roles?: readonly Role[];
  infer(inputs: Shape[], params: P, ctx: AnalyzeContext): InferResult;
  build(tf: Tfjs, inputs: TF.SymbolicTensor[], params: P, name: string, ctx: BuildContext): TF.SymbolicTensor;
  doc: BiText;
}

/** A node whose kind is known, with its params parsed (null when they are invalid). */
export interface ResolvedNode {
  id: string;
  node: GraphNode;
  spec: LayerSpec;
  params: Params | null;
}

/** Erases a spec's param type so specs of all kinds fit one registry (`P` comes from the schema alone). */
export function defineLayer<P>(
  spec: Omit<LayerSpec<P>, 'labels' | 'summary'> & { labels: NoInfer<LayerSpec<P>['labels']>; summary(params: NoInfer<P>): BiText },
): LayerSpec {
  return spec as unknown as LayerSpec;
}

/** What Chinese messages call each network. */
export const ROLE_ZH: Record<Role, string> = { generator: '生成器', discriminator: '判别器' };

/** `[28,28,1]`, the way messages show shapes. */
export function fmt(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
