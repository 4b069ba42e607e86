import { plan } from '../compiler/analyze';
import { CompileError } from '../compiler/errors';
import { contextFor } from '../compiler/context';
import type { Shape } from '../compiler/types';
import { datasetInfo } from '../data/catalog';
import type { LayerKind, Role } from '../project/kinds';
import type { DatasetRef, GanProject, TrainingConfig } from '../project/schema';

/**
 * What the exporters see of a project: each network as the ordered list of layers that feed its
 * output, with params parsed and defaulted, every input and output shape resolved (Reshape's -1
 * included), exactly as `compile` builds it. Node ids and labels are user text: exporters must
 * escape them wherever they appear.
 */
export interface IrNode {
  id: string;
  kind: LayerKind;
  /** Parsed params, defaults filled in. */
  params: Record<string, unknown>;
  /** Source node ids, in the order the layer takes them. */
  inputs: string[];
  inputShapes: Shape[];
  /** Output shape, batch excluded, channels-last. */
  shape: Shape;
  /** Weights held by the layer (trainable and not), as `analyze` counts them. */
  paramCount: number;
  label?: string;
}

export interface IrModel {
  role: Role;
  /** Every node that feeds the output, each after its inputs. */
  nodes: IrNode[];
  /** Model inputs in call order: noise or data first, then the label when conditional. */
  inputs: string[];
  /** The node whose value the model returns (the Output node's input). */
  output: string;
  totalParams: number;
}

export interface IrProject {
  name: string;
  generator: IrModel;
  discriminator: IrModel;
  training: TrainingConfig;
  dataset: DatasetRef;
  dataShape: Shape;
  /** Present for labelled datasets; conditional models take a one-hot label of this size. */
  numClasses?: number;
  conditional: boolean;
}

const INPUT_ORDER: Record<string, number> = { noise: 0, data: 0, label: 1 };

function modelIr(project: GanProject, role: Role): IrModel {
  const ctx = contextFor(project, role);
  const p = plan(project[role], ctx);
  const errors = p.analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !p.outputId) throw new CompileError(errors);
  const nodes: IrNode[] = p.order.map((id) => {
    const { node, spec, params } = p.nodes.get(id)!;
    const inputs = p.inputsOf.get(id) ?? [];
    const resolved: Record<string, unknown> = { ...params };
    if (spec.kind === 'reshape') {
      const target = resolved.targetShape as number[];
      const total = (p.analysis.shapes[inputs[0]!] ?? []).reduce((a, b) => a * b, 1);
      const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
      resolved.targetShape = target.map((d) => (d === -1 ? total / known : d));
    }
    return {
      id,
      kind: spec.kind,
      params: resolved,
      inputs,
      inputShapes: inputs.map((src) => p.analysis.shapes[src]!),
      shape: p.analysis.shapes[id]!,
      paramCount: p.analysis.params[id] ?? 0,
      ...(node.label !== undefined && { label: node.label }),
    };
  });
  const inputs = nodes
    .filter((n) => n.kind === 'noise' || n.kind === 'data' || n.kind === 'label')
    .sort((a, b) => (INPUT_ORDER[a.kind] ?? 2) - (INPUT_ORDER[b.kind] ?? 2))
    .map((n) => n.id);
  const outputNode = nodes.find((n) => n.id === p.outputId)!;
  return { role, nodes, inputs, output: outputNode.inputs[0]!, totalParams: p.analysis.totalParams };
}

/** The project as exporters need it; throws `CompileError` when either network has errors. */
export function projectIr(project: GanProject): IrProject {
  const generator = modelIr(project, 'generator');
  const discriminator = modelIr(project, 'discriminator');
  const info = datasetInfo(project.dataset);
  return {
    name: project.name,
    generator,
    discriminator,
    training: project.training,
    dataset: project.dataset,
    dataShape: info.shape,
    ...(info.numClasses !== undefined && { numClasses: info.numClasses }),
    conditional: generator.inputs.length > 1,
  };
}
