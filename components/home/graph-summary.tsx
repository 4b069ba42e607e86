import { LAYERS } from '@/lib/compiler/layers';
import type { Analysis } from '@/lib/compiler/types';
import type { Graph } from '@/lib/project/schema';

interface Props {
  role: 'G' | 'D';
  graph: Graph;
  analysis: Analysis;
}

/** One network as a row of layer chips with their output shapes, and its parameter count. */
export function GraphSummary({ role, graph, analysis }: Props) {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <div className="graph-summary">
      <div className="graph-summary-head">
        <strong>{role}</strong>
        <span data-testid={`params-${role}`}>{analysis.totalParams.toLocaleString('en')} params</span>
        <span className={errors ? 'bad' : 'good'}>{errors ? `${errors} errors` : 'compiles'}</span>
      </div>
      <ol className="chips">
        {graph.nodes.map((node) => (
          <li key={node.id} title={node.label ?? node.id}>
            {LAYERS[node.kind].title.en}
            <small>{analysis.shapes[node.id]?.join('×') ?? '?'}</small>
          </li>
        ))}
      </ol>
    </div>
  );
}
