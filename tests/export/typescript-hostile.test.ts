import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CompileError } from '@/lib/compiler/compile';
import { identifiers, tsString } from '@/lib/export/typescript/escape';
import { exportTypeScript } from '@/lib/export/typescript';
import { DATASET_DEFAULTS } from '@/lib/data/catalog';
import { chain, training } from '@/lib/project/presets/build';
import { CURRENT_VERSION, type DatasetRef, type GanProject, type Graph } from '@/lib/project/schema';
import { scenario } from '../helpers/random-graph';

const HOSTILE = [
  'a"b',
  "it's",
  'line\nbreak',
  'cr\rlf',
  '`${process.exit(1)}`',
  '*/ process.exit(1); /*',
  '\u2028process.exit(1)',
  '\u2029',
  '"); process.exit(1); ("',
  '\\',
  '</script><img src=x onerror=alert(1)>',
  '生成器 🎨',
  '\ud800',
  '// comment',
];
/** Valid ids that a careless emitter would turn into bad or clashing identifiers. */
const TRICKY_IDS = ['class', 'function', '1st', 'a-b', 'a_b', 'tf', 'main', 'apply', 'x', 'BATCH_SIZE', 'constructor', '__proto__x'];

function datasetFor(shape: number[]): DatasetRef | null {
  const key = shape.join('x');
  if (key === '1') return DATASET_DEFAULTS['gaussian-1d'];
  if (key === '2') return DATASET_DEFAULTS['ring-8'];
  if (key === '8x8x1') return { id: 'images', options: { width: 8, height: 8, channels: 1 } };
  if (key === '6x6x3') return { id: 'images', options: { width: 6, height: 6, channels: 3 } };
  return null;
}

/** The random graph as one network of a project, the other a small valid one. */
function projectAround(graph: Graph, role: 'generator' | 'discriminator', dataset: DatasetRef, shape: number[]): GanProject {
  const size = shape.reduce((a, b) => a * b, 1);
  const g = chain([
    ['z', 'noise', { dim: 5 }],
    ['gd', 'dense', { units: size }],
    ['gr', 'reshape', { targetShape: shape }],
    ['go', 'output'],
  ]);
  const d = chain([
    ['x', 'data'],
    ['df', 'flatten'],
    ['dd', 'dense', { units: 1 }],
    ['do', 'output'],
  ]);
  return {
    version: CURRENT_VERSION,
    name: 'random',
    generator: role === 'generator' ? graph : g,
    discriminator: role === 'discriminator' ? graph : d,
    dataset,
    training: training({ noise: { dim: 5, distribution: 'normal' } }),
  };
}

/** The same project with tricky ids, hostile labels and a hostile name. */
function hostile(project: GanProject, salt: number): GanProject {
  const rename = (graph: Graph): Graph => {
    const ids = new Map(
      graph.nodes.map((n, i) => [n.id, `${TRICKY_IDS[(i + salt) % TRICKY_IDS.length]}${i >= TRICKY_IDS.length ? i : ''}`]),
    );
    return {
      nodes: graph.nodes.map((n, i) => ({ ...n, id: ids.get(n.id)!, label: HOSTILE[(i + salt) % HOSTILE.length]! })),
      edges: graph.edges.map((e) => ({ ...e, source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target })),
    };
  };
  return {
    ...project,
    name: HOSTILE[salt % HOSTILE.length]!,
    generator: rename(project.generator),
    discriminator: rename(project.discriminator),
  };
}

/** Every syntax node's kind in order, string contents left out: two programs with the same skeleton. */
function skeleton(code: string): string[] {
  const kinds: string[] = [];
  const visit = (node: ts.Node) => {
    kinds.push(ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('gan.ts', code, ts.ScriptTarget.ES2022, true));
  return kinds;
}

describe('escaping', () => {
  it('tsString yields an ASCII literal that evaluates back to the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary' })), (text) => {
        const literal = tsString(text);
        expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
        expect(JSON.parse(literal)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('identifiers are valid, distinct and never reserved', () => {
    const ids = identifiers(['class', 'a-b', 'a_b', '1st', 'tf', '', '---']);
    expect([...ids.values()]).toEqual(['class_', 'a_b', 'a_b_2', 'n1st', 'tf_', 'n', 'n_2']);
  });
});

describe('TypeScript export of random graphs with hostile labels', () => {
  it('type-checks and has exactly the statements of the same graph with plain labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganvas-hostile-'));
    mkdirSync(join(dir, 'src'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    let exported = 0;
    let labelled = 0;
    fc.assert(
      fc.property(scenario, fc.nat(100), ({ graph, ctx }, salt) => {
        const dataset = datasetFor(ctx.dataShape);
        if (!dataset) return;
        const plain = projectAround(graph, ctx.role, dataset, ctx.dataShape);
        let clean: string;
        try {
          clean = exportTypeScript(plain).module;
        } catch (err) {
          if (err instanceof CompileError) return;
          throw err;
        }
        const evil = exportTypeScript(hostile(plain, salt)).module;
        expect(skeleton(evil)).toEqual(skeleton(clean));
        // The labels that do reach the code (layers; not the Output or pass-through nodes) are escaped literals.
        for (const n of [...hostile(plain, salt).generator.nodes, ...hostile(plain, salt).discriminator.nodes]) {
          if (evil.includes(`// node ${tsString(n.id)}, label `)) {
            expect(evil).toContain(`// node ${tsString(n.id)}, label ${tsString(n.label!)}`);
            labelled++;
          }
        }
        writeFileSync(join(dir, 'src', `g${exported++}.ts`), evil);
      }),
      { numRuns: 1000 },
    );
    expect(exported).toBeGreaterThan(40);
    expect(labelled).toBeGreaterThan(100);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
        },
        include: ['src'],
      }),
    );
    const tsc = spawnSync(resolve('node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8', timeout: 240_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    console.log(`hostile-label export: ${exported} random graphs (${labelled} hostile labels in comments) type-checked`);
  }, 300_000);
});
