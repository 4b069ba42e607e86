import fc from 'fast-check';
import type { AnalyzeContext } from '@/lib/compiler/types';
import { LAYERS } from '@/lib/compiler/layers';
import { LAYER_KINDS, type LayerKind } from '@/lib/project/kinds';
import type { Graph, GraphNode, ParamValue } from '@/lib/project/schema';

type Params = Record<string, ParamValue>;

const padding = fc.constantFrom('same', 'valid');
/** `usual` nine times in ten, `rare` otherwise; seeded, unlike Math.random. */
const mostly = <T>(usual: T, rare: T) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constant(rare) });
const none = fc.constant<Params>({});
/** Small, mostly valid params per kind (a new kind fails type-checking until it has some); sizes stay tiny so thousands of models compile quickly. */
const PARAMS: Record<LayerKind, fc.Arbitrary<Params>> = {
  noise: none,
  label: none,
  data: none,
  output: none,
  flatten: none,
  add: none,
  dense: fc.record({ units: fc.integer({ min: 1, max: 16 }), useBias: fc.boolean() }),
  conv2d: fc.record({
    filters: fc.integer({ min: 1, max: 4 }),
    kernelSize: fc.integer({ min: 1, max: 4 }),
    strides: fc.integer({ min: 1, max: 3 }),
    padding,
  }),
  conv2dTranspose: fc.record({
    filters: fc.integer({ min: 1, max: 4 }),
    kernelSize: fc.integer({ min: 1, max: 4 }),
    strides: fc.integer({ min: 1, max: 2 }),
    padding,
    useBias: fc.boolean(),
  }),
  upSampling2d: fc.record({ size: fc.integer({ min: 1, max: 2 }), interpolation: fc.constantFrom('nearest', 'bilinear') }),
  maxPooling2d: fc.record({ poolSize: fc.integer({ min: 1, max: 3 }), strides: fc.option(fc.integer({ min: 1, max: 2 })), padding }),
  averagePooling2d: fc.record({ poolSize: fc.integer({ min: 1, max: 3 }), strides: fc.option(fc.integer({ min: 1, max: 2 })), padding }),
  batchNorm: fc.record({ momentum: fc.constantFrom(0.9, 0.99), center: mostly(true, false), scale: fc.constant(true) }),
  layerNorm: fc.record({ epsilon: fc.constantFrom(1e-3, 1e-5) }),
  dropout: fc.record({ rate: fc.constantFrom(0, 0.25, 0.5) }),
  activation: fc.record({
    fn: fc.constantFrom('relu', 'leakyRelu', 'tanh', 'sigmoid', 'elu', 'selu', 'softplus', 'linear'),
    alpha: fc.constantFrom(0.1, 0.2),
  }),
  rescale: fc.record({ scale: fc.constantFrom(4, 0.25, -1), offset: fc.constantFrom(0, 0.5) }),
  reshape: fc.record({ targetShape: fc.array(fc.constantFrom(-1, 1, 2, 3, 4, 6, 8), { minLength: 1, maxLength: 3 }) }),
  concatenate: fc.record({ axis: fc.integer({ min: -2, max: 1 }) }),
};
/** Every kind that can sit between an input and the output, in LAYER_KINDS order. */
const BODY_KINDS = LAYER_KINDS.filter((k) => LAYERS[k].arity !== 'source' && k !== 'output');
const MANY = new Set<LayerKind>(['concatenate', 'add']);

const junkParams: fc.Arbitrary<Params> = fc.dictionary(
  fc.constantFrom('units', 'filters', 'kernelSize', 'targetShape', 'rate', 'fn', 'axis', 'size', 'strides'),
  fc.oneof(
    fc.integer({ min: -5, max: 40 }),
    fc.constantFrom('same', 'bogus', 'tanh'),
    fc.constant(null),
    fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 3 }),
  ),
);

const step = fc.record({
  kind: fc.constantFrom(...BODY_KINDS),
  params: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: junkParams }),
  from: fc.nat(),
  other: fc.nat(),
});

const mutation = fc.record({ type: fc.constantFrom('addEdge', 'dropEdge', 'dropNode', 'badHandle', 'dupEdge'), a: fc.nat(), b: fc.nat() });

export interface Scenario {
  graph: Graph;
  ctx: AnalyzeContext;
}

/** Random G or D graphs: a random body between the input and a tail that often makes them valid, plus random breakage. */
export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    role: fc.constantFrom('generator' as const, 'discriminator' as const),
    dataShape: fc.constantFrom<number[]>([1], [2], [8, 8, 1], [6, 6, 3], [4, 4, 2]),
    useLabel: fc.boolean(),
    steps: fc.array(step, { maxLength: 8 }),
    repair: mostly(true, false),
    mutations: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
  })
  .chain((shape) => fc.tuple(fc.constant(shape), fc.tuple(...shape.steps.map((s) => (s.params ? fc.constant(s.params) : PARAMS[s.kind])))))
  .map(([s, params]) => {
    const ctx: AnalyzeContext = { role: s.role, dataShape: s.dataShape, numClasses: 3, noise: { dim: 5, distribution: 'normal' } };
    const nodes: GraphNode[] = [];
    const edges: Graph['edges'] = [];
    const add = (kind: LayerKind, p: Params = {}) => {
      const id = `n${nodes.length}`;
      nodes.push({ id, kind, params: p, position: { x: 0, y: nodes.length * 10 } });
      return id;
    };
    const link = (source: string, target: string, sourceHandle = 'out', targetHandle = 'in') =>
      edges.push({ id: `e${edges.length}`, source, sourceHandle, target, targetHandle });
    const pool = [s.role === 'generator' ? add('noise', { dim: 5 }) : add('data')];
    if (s.useLabel) pool.push(add('label'));
    s.steps.forEach((st, i) => {
      const id = add(st.kind, params[i]);
      link(pool[st.from % pool.length]!, id);
      if (MANY.has(st.kind)) link(pool[st.other % pool.length]!, id);
      pool.push(id);
    });
    let last = pool[pool.length - 1]!;
    if (s.repair) {
      const flat = add('flatten');
      link(last, flat);
      const size = s.role === 'generator' ? s.dataShape.reduce((a, b) => a * b, 1) : 1;
      last = add('dense', { units: size });
      link(flat, last);
      if (s.role === 'generator') {
        const r = add('reshape', { targetShape: s.dataShape });
        link(last, r);
        last = r;
      }
    }
    const out = add('output');
    link(last, out);
    for (const m of s.mutations) {
      // Earlier drops can empty the graph; then there is nothing left to mutate.
      if (nodes.length === 0) break;
      const a = nodes[m.a % nodes.length]!.id;
      const b = nodes[m.b % nodes.length]!.id;
      if (m.type === 'addEdge') link(a, b);
      if (m.type === 'dupEdge' && edges.length) edges.push({ ...edges[m.a % edges.length]! });
      if (m.type === 'badHandle') link(a, b, 'in', 'out');
      if (m.type === 'dropEdge' && edges.length) edges.splice(m.a % edges.length, 1);
      if (m.type === 'dropNode') nodes.splice(m.a % nodes.length, 1);
    }
    return { graph: { nodes, edges }, ctx };
  });
