import { analyze } from '../compiler/analyze';
import { contextFor } from '../compiler/context';
import type { Analysis, Diagnostic } from '../compiler/types';
import type { Role } from '../project/kinds';
import type { GanProject, Graph } from '../project/schema';

/** An analysis plus its diagnostics grouped by node and edge, for the canvas. */
export interface GraphView extends Analysis {
  byNode: Record<string, Diagnostic[]>;
  byEdge: Record<string, Diagnostic[]>;
  /** Each node's shape as text ("7×7×64"), precomputed so canvas nodes select a primitive. */
  shapeText: Record<string, string>;
  /** Each node's findings serialised, so a node can tell cheaply whether its findings changed. */
  issueKey: Record<string, string>;
  errors: number;
  warnings: number;
}

const cache = new WeakMap<Graph, { dataset: unknown; training: unknown; view: GraphView }>();
const NONE: Diagnostic[] = [];

/**
 * The analysis of one network, recomputed only when its graph, dataset or training config
 * object changes (the store updates immutably, so identity is change).
 */
export function graphView(project: GanProject, role: Role): GraphView {
  const graph = project[role];
  const hit = cache.get(graph);
  if (hit && hit.dataset === project.dataset && hit.training === project.training) return hit.view;
  const analysis = analyze(graph, contextFor(project, role));
  const byNode: Record<string, Diagnostic[]> = {};
  const byEdge: Record<string, Diagnostic[]> = {};
  for (const d of analysis.diagnostics) {
    if (d.nodeId) (byNode[d.nodeId] ??= []).push(d);
    if (d.edgeId) (byEdge[d.edgeId] ??= []).push(d);
  }
  const shapeText: Record<string, string> = {};
  for (const [id, shape] of Object.entries(analysis.shapes)) shapeText[id] = shape.join('×');
  const issueKey: Record<string, string> = {};
  for (const [id, list] of Object.entries(byNode)) issueKey[id] = JSON.stringify(list.map((d) => [d.severity, d.en, d.zh]));
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const view = { ...analysis, byNode, byEdge, shapeText, issueKey, errors, warnings: analysis.diagnostics.length - errors };
  cache.set(graph, { dataset: project.dataset, training: project.training, view });
  return view;
}

export function nodeDiagnostics(view: GraphView, nodeId: string): Diagnostic[] {
  return view.byNode[nodeId] ?? NONE;
}
