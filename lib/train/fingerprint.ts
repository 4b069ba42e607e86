import type { GanProject, Graph } from '../project/schema';

/**
 * Identifies what a run trains: the networks' structure and params, dataset and training config,
 * but not node positions or labels. A checkpoint resumes only onto the same fingerprint.
 */
export function trainingFingerprint(project: GanProject): string {
  const graph = (g: Graph) => ({
    nodes: g.nodes.map((n) => [n.id, n.kind, n.params]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    edges: g.edges.map((e) => [e.source, e.target]).sort((a, b) => `${a}`.localeCompare(`${b}`)),
  });
  // Keys sorted: a project parsed from storage lists its fields in the schema's order, a preset in
  // its builder's, and both must resume the same checkpoint.
  const text = JSON.stringify(
    [graph(project.generator), graph(project.discriminator), project.dataset, project.training],
    (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
  );
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
