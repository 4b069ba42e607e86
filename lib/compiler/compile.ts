import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../project/schema';
import { plan } from './analyze';
import { CompileError } from './errors';
import type { AnalyzeContext } from './types';

export { CompileError };

/** Model inputs in a fixed order: the main input (noise or data) first, then the label. */
const INPUT_ORDER: Record<string, number> = { noise: 0, data: 0, label: 1 };

/**
 * Builds the graph as a tfjs functional model whose layer names are the node ids. Only the nodes
 * that feed the output become layers. Throws `CompileError` when the graph has errors.
 */
export function compile(graph: Graph, ctx: AnalyzeContext, options: { name?: string; seed?: number } = {}): tf.LayersModel {
  const p = plan(graph, ctx);
  const errors = p.analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !p.outputId) throw new CompileError(errors);

  const tensors = new Map<string, tf.SymbolicTensor>();
  for (const id of p.order) {
    const { spec, params } = p.nodes.get(id)!;
    const inputs = (p.inputsOf.get(id) ?? []).map((src) => tensors.get(src)!);
    tensors.set(id, spec.build(tf, inputs, params!, id, { ...ctx, seed: options.seed }));
  }
  const inputIds = p.order
    .filter((id) => p.nodes.get(id)!.spec.arity === 'source')
    .sort((a, b) => (INPUT_ORDER[p.nodes.get(a)!.spec.kind] ?? 2) - (INPUT_ORDER[p.nodes.get(b)!.spec.kind] ?? 2));
  return tf.model({ inputs: inputIds.map((id) => tensors.get(id)!), outputs: tensors.get(p.outputId)!, name: options.name ?? ctx.role });
}
