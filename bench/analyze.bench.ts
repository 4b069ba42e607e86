import { analyze, analyzeProject } from '../lib/compiler/index';
import { PRESET_IDS, presetProject } from '../lib/project';
import { bigDiscriminator } from './big-graph';
import { measure, ms } from './stats';

/** `analyze` must refresh shapes on every edit: target under 16 ms (one frame) on a 300-node graph. */
export function benchAnalyze(): string[] {
  const rows: string[] = ['| graph | nodes | edges | median | p95 | target |', '|---|---|---|---|---|---|'];
  const ctx = { role: 'discriminator' as const, dataShape: [28, 28, 1], loss: 'non-saturating' as const };
  for (const size of [300, 1000]) {
    const graph = bigDiscriminator(size);
    const result = analyze(graph, ctx);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`benchmark graph is invalid: ${errors[0]!.en}`);
    const t = measure(() => analyze(graph, ctx));
    rows.push(
      `| residual conv D | ${graph.nodes.length} | ${graph.edges.length} | ${ms(t.median)} | ${ms(t.p95)} | ${size === 300 ? '< 16 ms' : '(scaling)'} |`,
    );
  }
  for (const id of PRESET_IDS) {
    const project = presetProject(id);
    const t = measure(() => analyzeProject(project));
    rows.push(
      `| preset ${id} (G + D) | ${project.generator.nodes.length + project.discriminator.nodes.length} | ${project.generator.edges.length + project.discriminator.edges.length} | ${ms(t.median)} | ${ms(t.p95)} | |`,
    );
  }
  return rows;
}
