import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '@/lib/compiler';
import { checkConnection } from '@/lib/compiler/connect';
import { CompileError } from '@/lib/compiler/errors';
import { validateParam } from '@/lib/compiler/form';
import type { AnalyzeContext, Diagnostic, DiagnosticCode } from '@/lib/compiler/types';
import { presetProject } from '@/lib/project/presets';
import type { Graph } from '@/lib/project/schema';
import { expectSameInChinese } from '../helpers/bilingual';
import { chain, D_CTX, G_CTX, graph, withEdge } from '../helpers/graphs';
import { scenario } from '../helpers/random-graph';

/** Every diagnostic any analysis in this file produced, the hand-made cases of tests/compiler included. */
const seen = vi.hoisted(() => [] as { en: string; zh: string; code: string }[]);

vi.mock('@/lib/compiler', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/compiler')>();
  return {
    ...real,
    analyze: (g: Graph, ctx: AnalyzeContext) => {
      const result = real.analyze(g, ctx);
      seen.push(...result.diagnostics);
      return result;
    },
  };
});

// The hand-made broken graphs of tests/compiler run here again, through the recording analyze.
await import('../compiler/diagnostics.test');

/** A literal of every code, so that a new code fails type-checking here until it is covered. */
const CODES: Record<DiagnosticCode, true> = {
  'duplicate-id': true,
  'unknown-kind': true,
  'invalid-param': true,
  'wrong-graph': true,
  'dangling-edge': true,
  'bad-handle': true,
  'input-into-source': true,
  cycle: true,
  'missing-input': true,
  'too-many-inputs': true,
  'duplicate-input': true,
  'no-output': true,
  'multiple-outputs': true,
  'missing-source': true,
  'duplicate-source': true,
  unreachable: true,
  shape: true,
  'no-labels': true,
  'noise-mismatch': true,
  'output-shape': true,
  'output-range': true,
  'sigmoid-logits': true,
  internal: true,
};

const node = (id: string, kind: string, params: Record<string, unknown> = {}) =>
  ({ id, kind, params, position: { x: 0, y: 0 } }) as Graph['nodes'][number];

/** Branches the tests in tests/compiler leave out: each message template once more. */
const EXTRA: [string, Graph, AnalyzeContext][] = [
  [
    'a pool window larger than its input',
    chain([
      ['x', 'data'],
      ['p', 'maxPooling2d', { poolSize: 8, padding: 'valid' }],
      ['p2', 'averagePooling2d', { poolSize: 4, padding: 'valid' }],
      ['out', 'output'],
    ]),
    { ...D_CTX, dataShape: [6, 6, 1] },
  ],
  [
    'a conv on a rank-2 input',
    chain([
      ['x', 'data'],
      ['c', 'conv2d'],
      ['u', 'upSampling2d'],
      ['out', 'output'],
    ]),
    { ...D_CTX, dataShape: [4, 4] },
  ],
  [
    'Concatenate of different ranks',
    graph(
      [
        ['x', 'data'],
        ['f', 'flatten'],
        ['c', 'concatenate'],
        ['out', 'output'],
      ],
      [
        ['x', 'f'],
        ['x', 'c'],
        ['f', 'c'],
        ['c', 'out'],
      ],
    ),
    D_CTX,
  ],
  [
    'a Concatenate axis that does not exist',
    graph(
      [
        ['x', 'data'],
        ['f', 'flatten'],
        ['g', 'flatten'],
        ['c', 'concatenate', { axis: 2 }],
        ['out', 'output'],
      ],
      [
        ['x', 'f'],
        ['x', 'g'],
        ['f', 'c'],
        ['g', 'c'],
        ['c', 'out'],
      ],
    ),
    D_CTX,
  ],
  [
    'a Flatten on a flat vector, BatchNorm without center',
    chain([
      ['z', 'noise', { dim: 8 }],
      ['f', 'flatten'],
      ['b', 'batchNorm', { center: false }],
      ['out', 'output'],
    ]),
    G_CTX,
  ],
  [
    'a layer too large for a browser',
    chain([
      ['z', 'noise', { dim: 4096 }],
      ['d', 'dense', { units: 65536 }],
      ['out', 'output'],
    ]),
    { ...G_CTX, noise: { dim: 4096, distribution: 'normal' } },
  ],
  [
    'Reshape with two -1',
    chain([
      ['z', 'noise', { dim: 8 }],
      ['r', 'reshape', { targetShape: [-1, -1] }],
      ['out', 'output'],
    ]),
    G_CTX,
  ],
  [
    'params of every wrong sort',
    chain([
      ['z', 'noise', { dim: 'eight', distribution: 'cauchy' }],
      ['d', 'dense', { units: 0.5 }],
      ['o', 'dropout', { rate: 0.99 }],
      ['s', 'rescale', { scale: 0 }],
      ['r', 'reshape', { targetShape: [0, 5] }],
      ['out', 'output'],
    ]),
    G_CTX,
  ],
  [
    'an entry without an id, an unknown kind, a data node in G',
    { nodes: [null as never, node('q', 'quantum'), node('x', 'data'), node('z', 'noise', { dim: 8 })], edges: [] },
    G_CTX,
  ],
  [
    'two edges with one id, an edge from the Output',
    {
      ...chain([
        ['x', 'data'],
        ['f', 'flatten'],
        ['out', 'output'],
      ]),
      edges: [
        ...chain([
          ['x', 'data'],
          ['f', 'flatten'],
          ['out', 'output'],
        ]).edges,
        { id: 'x-f', source: 'x', sourceHandle: 'out', target: 'f', targetHandle: 'in' },
        { id: 'back', source: 'out', sourceHandle: 'out', target: 'f', targetHandle: 'in' },
      ],
    },
    D_CTX,
  ],
  [
    'a labelled node in a cycle',
    withEdge(
      chain([
        ['z', 'noise', { dim: 8 }],
        ['d', 'dense', { units: 8 }, 'hidden 1'],
        ['e', 'dense', { units: 8 }, '第二层'],
        ['out', 'output'],
      ]),
      { source: 'e', target: 'd' },
    ),
    G_CTX,
  ],
  [
    'D in sigmoid with no loss named',
    chain([
      ['x', 'data'],
      ['f', 'flatten'],
      ['d', 'dense', { units: 1 }],
      ['s', 'activation', { fn: 'sigmoid' }],
      ['out', 'output'],
    ]),
    { ...D_CTX, loss: undefined },
  ],
  [
    'a D output of rank 1 but size 3',
    chain([
      ['x', 'data'],
      ['f', 'flatten'],
      ['d', 'dense', { units: 3 }],
      ['out', 'output'],
    ]),
    D_CTX,
  ],
  [
    'G output of the wrong size',
    chain([
      ['z', 'noise', { dim: 8 }],
      ['d', 'dense', { units: 10 }],
      ['out', 'output'],
    ]),
    G_CTX,
  ],
  [
    'a relu G on unbounded data',
    chain([
      ['z', 'noise', { dim: 8 }],
      ['d', 'dense', { units: 2 }],
      ['a', 'activation', { fn: 'selu' }],
      ['out', 'output'],
    ]),
    { ...G_CTX, dataShape: [2], dataRange: [-4, 4], dataBounded: false },
  ],
  [
    'a merge with one input and two outputs',
    graph(
      [
        ['z', 'noise', { dim: 8 }],
        ['a', 'add'],
        ['out', 'output'],
        ['out2', 'output'],
      ],
      [
        ['z', 'a'],
        ['a', 'out'],
        ['a', 'out2'],
      ],
    ),
    G_CTX,
  ],
];

describe('every diagnostic speaks Chinese too, with the same numbers', () => {
  it('on extra hand-made broken graphs', () => {
    for (const [what, g, ctx] of EXTRA) {
      const result = analyze(g, ctx);
      expect(result.diagnostics.length, what).toBeGreaterThan(0);
      for (const d of result.diagnostics) expectSameInChinese(d.en, d.zh, `${what}: ${d.code}`);
    }
  });

  it('on random graphs (tests/helpers/random-graph.ts)', () => {
    fc.assert(
      fc.property(scenario, ({ graph: g, ctx }) => {
        for (const d of analyze(g, ctx).diagnostics) expectSameInChinese(d.en, d.zh, d.code);
      }),
      { numRuns: 400, seed: 6 },
    );
  });

  it('on every preset with a broken training setting', () => {
    for (const id of ['mlp-gan-mnist', 'gan-2d-ring'] as const) {
      const project = presetProject(id);
      const ctx: AnalyzeContext = { ...G_CTX, noise: { dim: project.training.noise.dim + 1, distribution: 'uniform' } };
      for (const d of analyze(project.generator, ctx).diagnostics) expectSameInChinese(d.en, d.zh, d.code);
    }
  });

  it('in the inspector: a refused param value', () => {
    const cases: [string, string, unknown][] = [
      ['dense', 'units', 0],
      ['dense', 'units', 70000],
      ['dense', 'units', 2.5],
      ['dense', 'units', 'many'],
      ['conv2d', 'padding', 'full'],
      ['reshape', 'targetShape', [-1, -2]],
      ['reshape', 'targetShape', []],
      ['rescale', 'scale', 0],
      ['dropout', 'rate', 1],
      ['dense', 'bogus', 1],
    ];
    for (const [kind, name, value] of cases) {
      const text = validateParam(kind, name, value);
      expect(text, `${kind}.${name} = ${JSON.stringify(value)}`).not.toBeNull();
      expectSameInChinese(text!.en, text!.zh, `${kind}.${name}`);
    }
  });

  it('in connection refusals on the canvas', () => {
    const g = chain([
      ['z', 'noise', { dim: 8 }],
      ['d1', 'dense', { units: 4 }],
      ['d2', 'dense', { units: 4 }],
      ['out', 'output'],
    ]);
    const refusals = [
      checkConnection(g, { source: 'd2', target: 'd1' }),
      checkConnection(g, { source: 'd1', target: 'z' }),
      checkConnection(g, { source: 'out', target: 'd1' }),
      checkConnection(g, { source: 'd1', target: 'd1' }),
      checkConnection(g, { source: 'z', target: 'd1' }),
      checkConnection(g, { source: 'z', target: 'ghost' }),
      checkConnection(g, { source: 'z', target: 'd2', sourceHandle: 'in' }),
      checkConnection({ ...g, nodes: [...g.nodes, node('q', 'quantum')] }, { source: 'q', target: 'd2' }),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expectSameInChinese(r.reason.en, r.reason.zh);
    }
  });

  it('in a CompileError', () => {
    const diagnostics = analyze(
      chain([
        ['z', 'noise', { dim: 3 }],
        ['out', 'output'],
      ]),
      G_CTX,
    ).diagnostics.filter((d) => d.severity === 'error');
    const err = new CompileError(diagnostics);
    expectSameInChinese(err.message, err.zh);
  });

  afterAll(() => {
    // Runs after the imported tests/compiler cases and the cases above: all of them were checked.
    const codes = new Set(seen.map((d) => d.code));
    expect([...Object.keys(CODES)].filter((c) => !codes.has(c))).toEqual([]);
    for (const d of seen as Diagnostic[]) expectSameInChinese(d.en, d.zh, d.code);
  });
});
