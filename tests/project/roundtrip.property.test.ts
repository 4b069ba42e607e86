import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_IDS, LAYER_KINDS, LOSS_KINDS } from '@/lib/project/kinds';
import { parseProject, parseProjectText, serializeProject } from '@/lib/project/parse';
import type { GanProject, Graph } from '@/lib/project/schema';
import { DATASET_DEFAULTS } from '@/lib/data/catalog';

// JSON cannot tell -0 from 0, so the arbitrary does not produce it.
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((x) => (x === 0 ? 0 : x));
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,10}$/);
const paramValue = fc.oneof(
  num,
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.boolean(),
  fc.array(num, { maxLength: 4 }),
  fc.constant(null),
);
const params = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/), paramValue, { maxKeys: 4 });

const graphArb: fc.Arbitrary<Graph> = fc
  .tuple(fc.uniqueArray(id, { maxLength: 8 }), fc.uniqueArray(id, { maxLength: 8 }))
  .chain(([nodeIds, edgeIds]) =>
    fc.record({
      nodes: fc.tuple(
        ...nodeIds.map((nid) =>
          fc.record(
            {
              id: fc.constant(nid),
              kind: fc.constantFrom(...LAYER_KINDS),
              params,
              position: fc.record({ x: num, y: num }),
              label: fc.string({ maxLength: 30, unit: 'binary' }),
            },
            { requiredKeys: ['id', 'kind', 'params', 'position'] },
          ),
        ),
      ),
      edges: fc.tuple(
        ...edgeIds.map((eid) =>
          fc.record({
            id: fc.constant(eid),
            source: id,
            sourceHandle: fc.constantFrom('in', 'out'),
            target: id,
            targetHandle: fc.constantFrom('in', 'out'),
          }),
        ),
      ),
    }),
  );

const adam = fc.record({
  lr: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.99, noNaN: true }).map((x) => x || 0),
  beta2: fc.double({ min: 0, max: 0.999, noNaN: true }).map((x) => x || 0),
});

const projectArb: fc.Arbitrary<GanProject> = fc.record({
  version: fc.constant(1 as const),
  name: fc.string({ maxLength: 60, unit: 'binary' }),
  generator: graphArb,
  discriminator: graphArb,
  dataset: fc.constantFrom(...DATASET_IDS).map((d) => DATASET_DEFAULTS[d]),
  training: fc.record({
    batchSize: fc.integer({ min: 1, max: 4096 }),
    k: fc.integer({ min: 1, max: 100 }),
    loss: fc.constantFrom(...LOSS_KINDS),
    labelSmoothing: fc.double({ min: 0, max: 0.5, noNaN: true }).map((x) => x || 0),
    gradientPenalty: fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x || 0),
    optimizers: fc.record({ generator: adam, discriminator: adam }),
    noise: fc.record({ dim: fc.integer({ min: 1, max: 4096 }), distribution: fc.constantFrom('normal' as const, 'uniform' as const) }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
});

describe('project document properties', () => {
  it('parse(serialize(p)) deep-equals p for any valid project', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const result = parseProjectText(serializeProject(project));
        expect(result).toEqual({ ok: true, project });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON-like input', () => {
    fc.assert(
      fc.property(
        fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
        (input) => {
          const result = parseProject(input);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws when a valid project is corrupted at one point', () => {
    fc.assert(
      fc.property(
        projectArb,
        fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.anything(),
        (project, path, value) => {
          const doc = JSON.parse(serializeProject(project)) as Record<string, unknown>;
          let cursor: Record<string, unknown> = doc;
          for (const key of path.slice(0, -1)) {
            const next = cursor[key];
            if (typeof next !== 'object' || next === null) break;
            cursor = next as Record<string, unknown>;
          }
          cursor[path[path.length - 1]!] = value;
          const result = parseProject(doc);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
