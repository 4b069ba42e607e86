import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/compiler';
import type { Analysis, AnalyzeContext, Diagnostic, DiagnosticCode } from '@/lib/compiler/types';
import type { Graph } from '@/lib/project/schema';
import { chain, D_CTX, G_CTX, graph, withEdge } from '../helpers/graphs';

/** A generator that passes: noise [8] → dense 784 → tanh → reshape [28,28,1] → output. */
const goodG = () =>
  chain([
    ['z', 'noise', { dim: 8 }],
    ['d', 'dense', { units: 784 }],
    ['t', 'activation', { fn: 'tanh' }],
    ['r', 'reshape', { targetShape: [28, 28, 1] }],
    ['out', 'output'],
  ]);
const goodD = () =>
  chain([
    ['x', 'data'],
    ['f', 'flatten'],
    ['d', 'dense', { units: 1 }],
    ['out', 'output'],
  ]);

function only(result: Analysis, code: DiagnosticCode): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

function expectOne(g: Graph, ctx: AnalyzeContext, code: DiagnosticCode, where: Partial<Diagnostic>, ...fragments: string[]) {
  const result = analyze(g, ctx);
  const found = only(result, code);
  expect(found, JSON.stringify(result.diagnostics, null, 1)).toHaveLength(1);
  expect(found[0]).toMatchObject(where);
  for (const f of fragments) expect(found[0]!.en).toContain(f);
  return result;
}

describe('analyze diagnostics', () => {
  it('passes the reference G and D with no findings and counts parameters', () => {
    const g = analyze(goodG(), G_CTX);
    expect(g.diagnostics).toEqual([]);
    expect(g.shapes).toMatchObject({ z: [8], d: [784], t: [784], r: [28, 28, 1], out: [28, 28, 1] });
    expect(g.params.d).toBe(8 * 784 + 784);
    expect(g.totalParams).toBe(8 * 784 + 784);
    expect(analyze(goodD(), D_CTX).diagnostics).toEqual([]);
  });

  it('duplicate-id: two nodes with one id', () => {
    const g = goodG();
    g.nodes.push({ ...g.nodes[1]!, position: { x: 0, y: 0 } });
    expectOne(g, G_CTX, 'duplicate-id', { nodeId: 'd', severity: 'error' }, '"d"');
  });

  it('unknown-kind: a kind the registry lacks', () => {
    const g = goodG();
    g.nodes.push({ id: 'q', kind: 'quantum' as never, params: {}, position: { x: 0, y: 0 } });
    expectOne(g, G_CTX, 'unknown-kind', { nodeId: 'q' }, '"quantum"', 'palette');
  });

  it('invalid-param: names the param', () => {
    const g = goodG();
    g.nodes[1]!.params = { units: -3 };
    const r = expectOne(g, G_CTX, 'invalid-param', { nodeId: 'd', param: 'units' }, 'Dense units');
    expect(r.shapes.d).toBeUndefined();
    // Downstream nodes get no shape and no cascade of errors.
    expect(only(r, 'shape')).toEqual([]);
  });

  it('wrong-graph: noise in D, data in G', () => {
    expectOne(
      withEdge(
        { ...goodD(), nodes: [...goodD().nodes, { id: 'z', kind: 'noise', params: {}, position: { x: 0, y: 0 } }] },
        { source: 'z', target: 'f' },
      ),
      D_CTX,
      'wrong-graph',
      { nodeId: 'z' },
      'generator',
    );
    const g = goodG();
    g.nodes.push({ id: 'x', kind: 'data', params: {}, position: { x: 0, y: 0 } });
    expectOne(g, G_CTX, 'wrong-graph', { nodeId: 'x' }, 'discriminator');
  });

  it('dangling-edge: an edge to a missing node', () => {
    expectOne(withEdge(goodG(), { id: 'ghost', source: 'd', target: 'nowhere' }), G_CTX, 'dangling-edge', { edgeId: 'ghost' }, '"nowhere"');
  });

  it('bad-handle: wrong ports and edges out of the Output', () => {
    expectOne(withEdge(goodG(), { id: 'h', source: 'z', sourceHandle: 'in', target: 'd' }), G_CTX, 'bad-handle', { edgeId: 'h' }, '"in"');
    expectOne(
      withEdge(goodG(), { id: 'o', source: 'out', target: 'd' }),
      G_CTX,
      'bad-handle',
      { edgeId: 'o', nodeId: 'out' },
      'Output has no outgoing port',
    );
  });

  it('input-into-source: a connection into an input node', () => {
    expectOne(
      withEdge(goodG(), { id: 'back', source: 'd', target: 'z' }),
      G_CTX,
      'input-into-source',
      { edgeId: 'back', nodeId: 'z' },
      'takes no connections',
    );
  });

  it('cycle: names every node on it, not those downstream', () => {
    const g = withEdge(goodG(), { id: 'loop', source: 't', target: 'd' });
    const r = analyze(g, G_CTX);
    const cycle = only(r, 'cycle');
    expect(cycle.map((d) => d.nodeId).sort()).toEqual(['d', 't']);
    expect(cycle[0]!.en).toMatch(/Dense \(d\) → Activation \(t\) → Dense \(d\)|Activation \(t\) → Dense \(d\) → Activation \(t\)/);
    expect(r.shapes.out).toBeUndefined();
    const self = analyze(withEdge(goodD(), { id: 'self', source: 'f', target: 'f' }), D_CTX);
    expect(only(self, 'cycle').map((d) => d.nodeId)).toEqual(['f']);
  });

  it('missing-input: an unconnected layer and a one-input merge', () => {
    const g = goodG();
    g.edges = g.edges.filter((e) => e.target !== 'r');
    expectOne(g, G_CTX, 'missing-input', { nodeId: 'r' }, 'Reshape has no input');
    const m = graph(
      [
        ['x', 'data'],
        ['f', 'flatten'],
        ['c', 'concatenate'],
        ['d', 'dense', { units: 1 }],
        ['out', 'output'],
      ],
      [
        ['x', 'f'],
        ['f', 'c'],
        ['c', 'd'],
        ['d', 'out'],
      ],
    );
    expectOne(m, D_CTX, 'missing-input', { nodeId: 'c' }, 'at least two inputs but 1 is connected');
  });

  it('too-many-inputs: two edges into a one-input layer', () => {
    expectOne(
      withEdge(goodG(), { id: 'extra', source: 'z', target: 't' }),
      G_CTX,
      'too-many-inputs',
      { nodeId: 't' },
      '2 are connected',
      'Concatenate or Add',
    );
  });

  it('duplicate-input: one layer fed twice into the same merge', () => {
    const d = withEdge(
      graph(
        [
          ['x', 'data'],
          ['f', 'flatten'],
          ['a', 'add'],
          ['dd', 'dense', { units: 1 }],
          ['out', 'output'],
        ],
        [
          ['x', 'f'],
          ['f', 'a'],
          ['a', 'dd'],
          ['dd', 'out'],
        ],
      ),
      { source: 'f', target: 'a' },
    );
    expectOne(d, D_CTX, 'duplicate-input', { nodeId: 'a' }, 'Flatten (f) more than once');
  });

  it('no-output and multiple-outputs', () => {
    const g = goodG();
    g.nodes = g.nodes.filter((n) => n.id !== 'out');
    g.edges = g.edges.filter((e) => e.target !== 'out');
    const r = expectOne(g, G_CTX, 'no-output', {}, 'no Output node');
    expect(only(r, 'no-output')[0]!.nodeId).toBeUndefined();
    const two = withEdge(
      { ...goodG(), nodes: [...goodG().nodes, { id: 'out2', kind: 'output', params: {}, position: { x: 0, y: 0 } }] },
      { source: 'r', target: 'out2' },
    );
    expect(
      only(analyze(two, G_CTX), 'multiple-outputs')
        .map((d) => d.nodeId)
        .sort(),
    ).toEqual(['out', 'out2']);
  });

  it('missing-source and duplicate-source', () => {
    const d = chain([
      ['l', 'label'],
      ['dd', 'dense', { units: 1 }],
      ['out', 'output'],
    ]);
    expectOne(d, D_CTX, 'missing-source', {}, 'no Data input');
    const g = chain([
      ['y', 'label'],
      ['d', 'dense', { units: 784 }],
      ['t', 'activation', { fn: 'tanh' }],
      ['r', 'reshape', { targetShape: [28, 28, 1] }],
      ['out', 'output'],
    ]);
    expectOne(g, G_CTX, 'missing-source', {}, 'no Noise input');
    const twice = goodG();
    twice.nodes.push({ id: 'z2', kind: 'noise', params: { dim: 8 }, position: { x: 0, y: 0 } });
    expect(
      only(analyze(twice, G_CTX), 'duplicate-source')
        .map((d) => d.nodeId)
        .sort(),
    ).toEqual(['z', 'z2']);
  });

  it('unreachable: a warning for layers that do not feed the output, excluded from totalParams', () => {
    const g = withEdge(
      { ...goodG(), nodes: [...goodG().nodes, { id: 'side', kind: 'dense', params: { units: 3 }, position: { x: 0, y: 0 } }] },
      { source: 'z', target: 'side' },
    );
    const r = expectOne(g, G_CTX, 'unreachable', { nodeId: 'side', severity: 'warning' }, 'not connected to the Output');
    expect(r.params.side).toBe(8 * 3 + 3);
    expect(r.totalParams).toBe(8 * 784 + 784);
  });

  it('shape: Dense on an image names the shape and suggests Flatten', () => {
    const d = chain([
      ['x', 'data'],
      ['dd', 'dense', { units: 1 }],
      ['out', 'output'],
    ]);
    expectOne(d, D_CTX, 'shape', { nodeId: 'dd' }, '[28,28,1]', 'Flatten', '[784]');
  });

  it('shape: Reshape element count names both sizes, and fixing it clears the error', () => {
    const g = goodG();
    g.nodes[3]!.params = { targetShape: [7, 7, 64] };
    expectOne(g, G_CTX, 'shape', { nodeId: 'r', param: 'targetShape' }, 'Reshape to [7,7,64] needs 3136 values but receives 784', '[784]');
    g.nodes[3]!.params = { targetShape: [28, 28, 1] };
    expect(analyze(g, G_CTX).diagnostics).toEqual([]);
  });

  it('shape: Reshape -1 that does not divide (non-integer result)', () => {
    const g = goodG();
    g.nodes[3]!.params = { targetShape: [5, -1] };
    expectOne(g, G_CTX, 'shape', { nodeId: 'r', param: 'targetShape' }, 'do not divide by 5');
  });

  it('shape: Concatenate and Add with incompatible shapes', () => {
    const mk = (kind: 'concatenate' | 'add') =>
      graph(
        [
          ['x', 'data'],
          ['f', 'flatten'],
          ['a', 'dense', { units: 4 }],
          ['b', 'reshape', { targetShape: [2, 392] }],
          ['m', kind],
          ['out', 'output'],
        ],
        [
          ['x', 'f'],
          ['f', 'a'],
          ['f', 'b'],
          ['a', 'm'],
          ['b', 'm'],
          ['m', 'out'],
        ],
      );
    expectOne(mk('concatenate'), D_CTX, 'shape', { nodeId: 'm' }, '[4], [2,392]');
    expectOne(mk('add'), D_CTX, 'shape', { nodeId: 'm' }, '[4], [2,392]');
  });

  it('shape: a kernel larger than its input with valid padding', () => {
    const d = chain([
      ['x', 'data'],
      ['c', 'conv2d', { kernelSize: 5, strides: 4, padding: 'same' }],
      ['c2', 'conv2d', { kernelSize: 9, padding: 'valid' }],
      ['f', 'flatten'],
      ['dd', 'dense', { units: 1 }],
      ['out', 'output'],
    ]);
    expectOne(d, D_CTX, 'shape', { nodeId: 'c2', param: 'kernelSize' }, '9×9', '7×7', '[7,7,64]', "padding 'same'");
  });

  it('shape: a conv on a flat vector suggests a Reshape', () => {
    const g = chain([
      ['z', 'noise', { dim: 8 }],
      ['d', 'dense', { units: 784 }],
      ['c', 'conv2dTranspose', { filters: 1 }],
      ['out', 'output'],
    ]);
    expectOne(g, G_CTX, 'shape', { nodeId: 'c' }, '[784]', 'Reshape', '[28,28,1]');
  });

  it('shape: BatchNorm must keep center and scale', () => {
    const g = goodG();
    g.nodes.splice(2, 0, { id: 'bn', kind: 'batchNorm', params: { scale: false }, position: { x: 0, y: 0 } });
    g.edges = [
      ...g.edges.filter((e) => e.source !== 'd'),
      { id: 'a1', source: 'd', sourceHandle: 'out', target: 'bn', targetHandle: 'in' },
      { id: 'a2', source: 'bn', sourceHandle: 'out', target: 't', targetHandle: 'in' },
    ];
    expectOne(g, G_CTX, 'shape', { nodeId: 'bn', param: 'scale' }, 'scale');
  });

  it('no-labels: a Label node on an unlabelled dataset', () => {
    const g = graph(
      [
        ['z', 'noise', { dim: 8 }],
        ['y', 'label'],
        ['c', 'concatenate'],
        ['d', 'dense', { units: 2 }],
        ['out', 'output'],
      ],
      [
        ['z', 'c'],
        ['y', 'c'],
        ['c', 'd'],
        ['d', 'out'],
      ],
    );
    expectOne(
      g,
      { ...G_CTX, dataShape: [2], numClasses: undefined, dataRange: [-1.04, 1.04], dataBounded: false },
      'no-labels',
      { nodeId: 'y' },
      'labelled dataset',
    );
  });

  it('noise-mismatch: node and training disagree', () => {
    const g = goodG();
    g.nodes[0]!.params = { dim: 16, distribution: 'uniform' };
    const r = analyze(g, G_CTX);
    expect(only(r, 'noise-mismatch')).toMatchObject([
      { nodeId: 'z', param: 'dim', severity: 'error', en: expect.stringContaining('16') },
      { nodeId: 'z', param: 'distribution', severity: 'warning' },
    ]);
  });

  it('output-shape: G must produce the data shape, D one score', () => {
    const g = goodG();
    g.nodes[3]!.params = { targetShape: [784] };
    expectOne(g, G_CTX, 'output-shape', { nodeId: 'out' }, 'outputs [784]', '[28,28,1]', 'Reshape to [28,28,1]');
    const d = chain([
      ['x', 'data'],
      ['f', 'flatten'],
      ['dd', 'dense', { units: 2 }],
      ['out', 'output'],
    ]);
    expectOne(d, D_CTX, 'output-shape', { nodeId: 'out' }, 'outputs [2]', '[1]');
  });

  it('output-range: G activations that cannot reach, or overshoot, the data range', () => {
    const g = goodG();
    g.nodes[2]!.params = { fn: 'sigmoid' };
    expectOne(g, G_CTX, 'output-range', { nodeId: 't', severity: 'warning' }, 'sigmoid', '[0, 1]', '[-1, 1]', 'tanh');
    g.nodes[2]!.params = { fn: 'linear' };
    expectOne(g, G_CTX, 'output-range', { nodeId: 't', severity: 'warning' }, 'unbounded', 'tanh');
    const ring = chain([
      ['z', 'noise', { dim: 8 }],
      ['d', 'dense', { units: 2 }],
      ['t', 'activation', { fn: 'tanh' }],
      ['out', 'output'],
    ]);
    expectOne(
      ring,
      { ...G_CTX, dataShape: [2], dataRange: [-1.04, 1.04], dataBounded: false },
      'output-range',
      { nodeId: 't' },
      '[-1.04, 1.04]',
      'linear',
    );
  });

  it('sigmoid-logits: D ending in sigmoid', () => {
    const d = chain([
      ['x', 'data'],
      ['f', 'flatten'],
      ['dd', 'dense', { units: 1 }],
      ['s', 'activation', { fn: 'sigmoid' }],
      ['out', 'output'],
    ]);
    expectOne(d, D_CTX, 'sigmoid-logits', { nodeId: 's', severity: 'warning' }, 'non-saturating', 'logit');
  });

  it('internal: a graph whose fields cannot be read still yields a diagnostic, not a throw', () => {
    const hostile = Object.defineProperty({ edges: [] }, 'nodes', {
      get: () => {
        throw new Error('nope');
      },
    }) as unknown as Graph;
    const r = analyze(hostile, G_CTX);
    expect(r.diagnostics).toMatchObject([{ code: 'internal', severity: 'error' }]);
  });
});
