import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createSyntheticDataset } from '@/lib/data/dataset';
import type { SyntheticRef } from '@/lib/data/synthetic';
import { BiError, errorText } from '@/lib/i18n/bi';
import { decodeExercise, parseExercise, parseExercisePayload } from '@/lib/classroom/exercise';
import { migrate } from '@/lib/project/migrations';
import { parseProject, parseProjectText, serializeProject, type ParseError } from '@/lib/project/parse';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { decodeShare, packLinkText } from '@/lib/project/share';
import { chooseMove, describeFigures, startBackend } from '@/lib/train/auto-backend';
import { markLost, unsupportedReason } from '@/lib/train/backends';
import { adviceFor, lossDiverged, weightsDiverged } from '@/lib/train/divergence-text';
import { createGanTrainer } from '@/lib/train/trainer';
import { sendChineseWithErrors } from '@/lib/train/worker-errors';
import { expectSameInChinese } from '../helpers/bilingual';

/** The MLP preset's file with values replaced at dotted paths (`undefined` deletes). */
function broken(changes: Record<string, unknown>): unknown {
  const doc = JSON.parse(serializeProject(presetProject('mlp-gan-mnist'))) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce((at, key) => at[key] as Record<string, unknown>, doc);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return doc;
}
const aNode = (id: string) => ({ id, kind: 'dense', params: {}, position: { x: 0, y: 0 } });

/** Broken project files, each wrong in its own way. */
const BROKEN: [string, unknown][] = [
  ['not an object', [1, 2]],
  ['a prototype key', JSON.parse('{"version":1,"name":"x","generator":{"__proto__":{"polluted":1}}}')],
  ['no version', broken({ version: undefined })],
  ['a version in words', broken({ version: 'one' })],
  ['a version from the future', broken({ version: 7 })],
  ['a batch size in words', broken({ 'training.batchSize': 'sixty-four' })],
  ['numbers out of range', broken({ 'training.batchSize': 0, 'training.k': 101, 'training.labelSmoothing': 0.75, 'training.seed': -1 })],
  ['a learning rate of 0', broken({ 'training.optimizers.generator.lr': 0 })],
  ['a missing network', broken({ discriminator: undefined })],
  ['an unknown layer kind', broken({ 'generator.nodes.1.kind': 'quantum' })],
  ['an unknown loss', broken({ 'training.loss': 'magic' })],
  ['an unknown dataset', broken({ dataset: { id: 'cifar', options: {} } })],
  ['image options out of range', broken({ dataset: { id: 'images', options: { width: 2, height: 999, channels: 2 } } })],
  ['an id with spaces', broken({ 'generator.nodes.0.id': 'my node' })],
  ['a bad handle', broken({ 'generator.edges.0.sourceHandle': 'Out!' })],
  ['a bad param name', broken({ 'generator.nodes.1.params': { '9lives': 1 } })],
  ['a nested param value', broken({ 'generator.nodes.1.params': { units: { deep: 1 } } })],
  ['a param array too long', broken({ 'generator.nodes.1.params': { targetShape: [1, 2, 3, 4, 5, 6, 7, 8, 9] } })],
  ['a name too long', broken({ name: 'n'.repeat(201) })],
  ['two nodes with one id', broken({ 'generator.nodes.1.id': 'z' })],
  ['two edges with one id', broken({ 'generator.edges.1.id': 'z-g1' })],
  ['too many nodes', broken({ 'generator.nodes': Array.from({ length: 2001 }, (_, i) => aNode(`n${i}`)) })],
  ['a position that is not a number', broken({ 'generator.nodes.0.position': { x: 'left', y: null } })],
];

function expectBilingual(errors: ParseError[], what: string) {
  expect(errors.length, what).toBeGreaterThan(0);
  for (const e of errors) expectSameInChinese(e.en, e.zh, `${what} at ${e.path}`);
}

describe('project files and links say what is wrong in Chinese too', () => {
  it.each(BROKEN)('a project with %s', (what, input) => {
    const result = parseProject(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expectBilingual(result.errors, what);
  });

  it('a file that is not JSON, too large, or not text', () => {
    for (const [what, result] of [
      ['not JSON', parseProjectText('{"version": 1,')],
      ['too large', parseProjectText(' '.repeat(5 * 1024 * 1024 + 1))],
      ['not text', parseProjectText(42 as never)],
    ] as const) {
      expect(result.ok).toBe(false);
      if (!result.ok) expectBilingual(result.errors, what);
    }
  });

  it('a migration that cannot run', () => {
    const r = migrate({ version: 1 }, {}, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expectSameInChinese(r.en, r.zh);
  });

  it('damaged share links and a decompression bomb', async () => {
    const good = await packLinkText(serializeProject(presetProject('gan-1d-gaussian')));
    const bomb = await packLinkText(' '.repeat(6 * 1024 * 1024));
    for (const link of ['%%%', 'AAAA', good.slice(0, good.length / 2), 'A'.repeat(2_000_001), bomb, await packLinkText('{"version":2}')]) {
      const result = await decodeShare(link);
      expect(result.ok).toBe(false);
      if (!result.ok) expectBilingual(result.errors, link.slice(0, 12));
    }
  });

  it('broken exercise links', async () => {
    const project = presetProject('gan-1d-gaussian');
    const exercise = {
      title: ' ',
      instructions: 'x'.repeat(4001),
      palette: ['dense', 'dense'],
      hidden: ['warp-drive'],
      locked: [],
      check: { kind: 'valid' },
      extra: 1,
    };
    const results = [
      parseExercise(exercise),
      parseExercisePayload([]),
      parseExercisePayload({ format: 'zip' }),
      parseExercisePayload({ format: 'ganvas-exercise', version: 9 }),
      parseExercisePayload({ format: 'ganvas-exercise', version: 1, project, exercise: {}, spare: true }),
      parseExercisePayload({ format: 'ganvas-exercise', version: 1, project: { ...project, version: 'x' }, exercise: {} }),
      await decodeExercise(await packLinkText('not json')),
      await decodeExercise('%%%'),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) expectBilingual(r.errors, JSON.stringify(r.errors[0]?.path));
    }
  });
});

/** The 2-D ring preset shrunk to a tiny, fast pair of MLPs. */
function tinyRing(training: Partial<GanProject['training']> = {}): GanProject {
  const p = presetProject('gan-2d-ring');
  for (const g of [p.generator, p.discriminator])
    for (const n of g.nodes) if (n.kind === 'dense' && (n.params.units as number) > 2) n.params.units = 8;
  p.training = { ...p.training, batchSize: 16, ...training };
  return p;
}

describe('training explains itself in Chinese too', () => {
  it('why a backend was chosen, skipped or refused', async () => {
    const cpu = unsupportedReason('cpu', presetProject('dcgan-mnist'), true)!;
    expectSameInChinese(cpu.en, cpu.zh);
    const auto = await startBackend(tinyRing(), 'auto', null);
    expectSameInChinese(auto.decision.reason.en, auto.decision.reason.zh);
    const forced = await startBackend(tinyRing(), 'cpu', null);
    expectSameInChinese(forced.decision.reason.en, forced.decision.reason.zh);
    const refused = await startBackend(tinyRing(), 'webgl', null).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(BiError);
    expectSameInChinese((refused as BiError).message, (refused as BiError).zh);
    const move = chooseMove('webgpu', { webgpu: { ms: 260.4, source: 'run' }, wasm: { ms: 41.2, source: 'trial' } })!;
    expectSameInChinese(move.reason.en, move.reason.zh);
    const figures = describeFigures({ webgpu: { ms: 260.4, source: 'run' }, wasm: { ms: 41.2, source: 'trial' } });
    expectSameInChinese(figures.en, figures.zh);
    markLost('webgl', 'device lost 3 times');
    const lost = unsupportedReason('webgl', tinyRing())!;
    expectSameInChinese(lost.en, lost.zh);
    await tf.setBackend('cpu');
  });

  it('what went wrong in a divergence and what to try, for every loss', () => {
    for (const loss of ['minimax', 'non-saturating', 'least-squares', 'wasserstein-gp', 'hinge'] as const) {
      const advice = adviceFor(tinyRing({ loss }));
      expectSameInChinese(advice.en, advice.zh, loss);
    }
    for (const text of [lossDiverged('generator', true, 12), lossDiverged('discriminator', false, 3), weightsDiverged(40)])
      expectSameInChinese(text.en, text.zh);
  });

  it('a real divergence carries both texts', async () => {
    const project = tinyRing({
      optimizers: { generator: { lr: 0.5, beta1: 0.5, beta2: 0.999 }, discriminator: { lr: 0.25, beta1: 0.5, beta2: 0.999 } },
    });
    const trainer = createGanTrainer({
      project,
      dataset: createSyntheticDataset(project.dataset as SyntheticRef),
      seed: 5,
      snapshotEveryMs: 0,
    });
    await trainer.step(1);
    const kernel = trainer.models.generator.weights[0]!;
    kernel.write(tf.fill(kernel.shape as number[], Number.POSITIVE_INFINITY));
    const { divergence } = await trainer.step(2);
    trainer.dispose();
    expect(divergence).toBeDefined();
    expectSameInChinese(divergence!.what.en, divergence!.what.zh);
    expectSameInChinese(divergence!.advice.en, divergence!.advice.zh);
    expect(divergence!.advice.zh).toContain('0.5');
  });

  it('a worker error reaches the page with its Chinese; a foreign one gets a Chinese lead-in', () => {
    sendChineseWithErrors();
    const handler = Comlink.transferHandlers.get('throw')!;
    const [wire] = handler.serialize({ value: new BiError({ en: 'Training has not started', zh: '训练还没有开始' }) } as never);
    let received: unknown;
    try {
      handler.deserialize(JSON.parse(JSON.stringify(wire)));
    } catch (err) {
      received = err;
    }
    expect(errorText(received)).toEqual({ en: 'Training has not started', zh: '训练还没有开始' });
    const foreign = errorText(new Error('Kernel Conv2DBackpropFilter not registered for backend 7'));
    expectSameInChinese(foreign.en, foreign.zh);
  });
});
