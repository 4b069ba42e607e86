import { describe, expect, it } from 'vitest';
import { checkConnection } from '@/lib/compiler/connect';
import { addEdge, addNode, extractSubgraph, freshId, moveNodes, pasteSubgraph, removeElements, updateNode } from '@/lib/project/graph-ops';
import { autoLayout } from '@/lib/project/layout';
import { presetProject } from '@/lib/project/presets';

const g = () => presetProject('mlp-gan-mnist').generator;

describe('graph-ops', () => {
  it('makes fresh ids from a prefix', () => {
    expect(freshId('dense', new Set(['dense', 'dense2']))).toBe('dense3');
    expect(freshId('<b>', new Set())).toBe('b');
  });

  it('adds, updates and moves nodes without touching the others', () => {
    const graph = g();
    const { graph: added, id } = addNode(graph, { kind: 'dense', params: { units: 3 }, position: { x: 1, y: 2 } });
    expect(id).toBe('dense');
    expect(added.nodes.slice(0, -1).every((n, i) => n === graph.nodes[i])).toBe(true);
    const labelled = updateNode(added, id, { label: 'hello' });
    expect(labelled.nodes.at(-1)).toMatchObject({ label: 'hello' });
    expect(updateNode(labelled, id, { label: '' }).nodes.at(-1)).not.toHaveProperty('label');
    const moved = moveNodes(labelled, { [id]: { x: 9, y: 9 } });
    expect(moved.nodes.at(-1)!.position).toEqual({ x: 9, y: 9 });
    expect(moved.nodes[0]).toBe(labelled.nodes[0]);
  });

  it('removes nodes with their edges', () => {
    const removed = removeElements(g(), ['g1a']);
    expect(removed.nodes.map((n) => n.id)).not.toContain('g1a');
    expect(removed.edges.some((e) => e.source === 'g1a' || e.target === 'g1a')).toBe(false);
    expect(removed.edges).toHaveLength(g().edges.length - 2);
  });

  it('copies a selection with its inner edges and pastes it with fresh ids', () => {
    const clip = extractSubgraph(g(), ['g2a', 'g3']);
    expect(clip.edges).toHaveLength(1);
    const { graph, nodeIds } = pasteSubgraph(g(), clip, { x: 40, y: 40 });
    expect(nodeIds).toEqual(['activation', 'dense']);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    const pastedEdge = graph.edges.at(-1)!;
    expect([pastedEdge.source, pastedEdge.target]).toEqual(nodeIds);
    expect(graph.nodes.find((n) => n.id === nodeIds[0])!.position.x).toBe(g().nodes.find((n) => n.id === 'g2a')!.position.x + 40);
  });

  it('lays a graph out top to bottom', () => {
    const laid = autoLayout(g());
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.position.y;
    expect(y('z')).toBeLessThan(y('g1'));
    expect(y('img')).toBeLessThan(y('out'));
  });
});

describe('checkConnection', () => {
  it('refuses cycles, inputs into inputs, edges out of the Output and self-loops, with reasons', () => {
    expect(checkConnection(g(), { source: 'g2a', target: 'g1' })).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('cycle') },
    });
    expect(checkConnection(g(), { source: 'g1', target: 'z' })).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('is an input') },
    });
    expect(checkConnection(g(), { source: 'out', target: 'g1' })).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('Output') },
    });
    expect(checkConnection(g(), { source: 'g1', target: 'g1' })).toMatchObject({ ok: false });
    expect(checkConnection(g(), { source: 'z', target: 'g1' })).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('already feeds') },
    });
  });

  it('replaces the input of a one-input layer and adds to a merge', () => {
    expect(checkConnection(g(), { source: 'z', target: 'g2' })).toEqual({ ok: true, replace: ['g1a-g2'] });
    const withConcat = addNode(g(), { kind: 'concatenate', params: {}, position: { x: 0, y: 0 } });
    const once = addEdge(withConcat.graph, { source: 'z', sourceHandle: 'out', target: 'concatenate', targetHandle: 'in' }).graph;
    expect(checkConnection(once, { source: 'g1', target: 'concatenate' })).toEqual({ ok: true, replace: [] });
  });
});
