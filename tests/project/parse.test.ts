import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetProject } from '@/lib/project';
import { parseProject, parseProjectText, serializeProject } from '@/lib/project/parse';

const valid = () => JSON.parse(serializeProject(presetProject('mlp-gan-mnist'))) as Record<string, unknown>;

function expectFailure(input: unknown, pathPart?: string) {
  const result = parseProject(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e.en.length).toBeGreaterThan(5);
    if (pathPart !== undefined) expect(result.errors.map((e) => e.path).join('|')).toContain(pathPart);
  }
  return result;
}

describe('parseProject', () => {
  it.each(PRESET_IDS)('round-trips the %s preset exactly', (id) => {
    const project = presetProject(id);
    const result = parseProjectText(serializeProject(project));
    expect(result).toEqual({ ok: true, project });
  });

  it.each([null, undefined, 42, 'text', [], true, () => 1, Symbol('x'), 10n])('refuses a non-object: %s', (input) => {
    expectFailure(input);
  });

  it('refuses wrong types with the path of the offending field', () => {
    const doc = valid();
    (doc.training as Record<string, unknown>).batchSize = 'sixty-four';
    expectFailure(doc, 'training.batchSize');
  });

  it('refuses missing fields', () => {
    const doc = valid();
    delete doc.discriminator;
    expectFailure(doc, 'discriminator');
  });

  it('refuses unknown layer kinds', () => {
    const doc = valid();
    (doc.generator as { nodes: { kind: string }[] }).nodes[1]!.kind = 'quantumLayer';
    expectFailure(doc, 'generator.nodes.1.kind');
  });

  it('refuses unknown datasets', () => {
    const doc = valid();
    doc.dataset = { id: 'imagenet', options: {} };
    expectFailure(doc, 'dataset');
  });

  it('refuses a 10 MB name quickly', () => {
    const doc = valid();
    doc.name = 'x'.repeat(10 * 1024 * 1024);
    const start = performance.now();
    const result = expectFailure(doc, 'name');
    expect(performance.now() - start).toBeLessThan(2000);
    // The error must not echo the 10 MB back.
    expect(JSON.stringify(result).length).toBeLessThan(2000);
  });

  it('refuses a 10 MB file before parsing it', () => {
    const result = parseProjectText(`{"name":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.en).toMatch(/MB/);
  });

  it('survives cyclic references', () => {
    const doc = valid();
    const node = (doc.generator as { nodes: Record<string, unknown>[] }).nodes[0]!;
    node.params = doc;
    (doc as Record<string, unknown>).self = doc;
    expectFailure(doc, 'generator.nodes.0.params');
  });

  it('refuses __proto__ keys without polluting prototypes', () => {
    const text = serializeProject(presetProject('mlp-gan-mnist')).replace('"units": 256', '"units": 256, "__proto__": {"polluted": true}');
    expect(text).toContain('__proto__');
    const result = parseProjectText(text);
    expect(result.ok || result.errors[0]).toMatchObject({
      path: 'generator.nodes.1.params.__proto__',
      en: expect.stringMatching(/not allowed/),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const top = JSON.parse(`{"__proto__": {"polluted": true}, ${serializeProject(presetProject('gan-2d-ring')).slice(1)}`);
    expect(parseProject(top).ok).toBe(false);
    expect(parseProject(JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}')).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives objects whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('gotcha');
        },
        ownKeys() {
          throw new Error('gotcha');
        },
      },
    );
    expectFailure(hostile);
    const doc = valid();
    Object.defineProperty(doc, 'generator', {
      get: () => {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expectFailure(doc);
  });

  it('refuses duplicate node ids and ids that are not names', () => {
    const doc = valid();
    const nodes = (doc.generator as { nodes: { id: string }[] }).nodes;
    nodes[1]!.id = nodes[0]!.id;
    expectFailure(doc, 'generator.nodes.1.id');
    const doc2 = valid();
    (doc2.generator as { nodes: { id: string }[] }).nodes[0]!.id = '<script>';
    expectFailure(doc2, 'generator.nodes.0.id');
  });

  it('refuses NaN and Infinity', () => {
    const doc = valid();
    (doc.training as { optimizers: { generator: { lr: number } } }).optimizers.generator.lr = Number.NaN;
    expectFailure(doc, 'training.optimizers.generator.lr');
    const doc2 = valid();
    (doc2.generator as { nodes: { position: { x: number } }[] }).nodes[0]!.position.x = Infinity;
    expectFailure(doc2, 'position');
  });

  it('explains invalid JSON and missing or future versions', () => {
    const bad = parseProjectText('{"version": 1,');
    expect(bad.ok || bad.errors[0]!.en).toMatch(/not valid JSON/);
    const doc = valid();
    delete doc.version;
    expect(expectFailure(doc, 'version').ok || '').toBe('');
    const future = { ...valid(), version: 99 };
    const r = parseProject(future);
    expect(r.ok || r.errors[0]!.en).toMatch(/newer GANvas/);
  });

  it('keeps labels with markup as plain data', () => {
    const doc = valid();
    (doc.generator as { nodes: { label?: string }[] }).nodes[0]!.label = '<img src=x onerror=alert(1)>';
    const result = parseProject(doc);
    expect(result.ok && result.project.generator.nodes[0]!.label).toBe('<img src=x onerror=alert(1)>');
  });
});
