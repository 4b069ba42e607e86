import { describe, expect, it } from 'vitest';
import {
  CONTROL_IDS,
  decodeExercise,
  encodeExercise,
  exerciseFromHash,
  exercisePayload,
  parseExercise,
  type Exercise,
} from '@/lib/classroom/exercise';
import { PRESET_IDS, presetProject } from '@/lib/project/presets';
import { packLinkText } from '@/lib/project/share';

const EXERCISE: Exercise = {
  title: 'Balance the discriminator',
  instructions: 'Train until D(x) hovers near 1/2.\nDo not touch the graph.\n<b>not bold</b>',
  palette: ['dense', 'activation', 'output'],
  hidden: ['export', 'presets', 'setting.loss'],
  locked: ['dataset', 'graph', 'backend'],
  check: {
    kind: 'all',
    of: [
      { kind: 'iterations', atLeast: 200 },
      { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 },
    ],
  },
};

/** A payload packed exactly as the app packs it, from any JSON. */
const pack = (json: unknown) => packLinkText(JSON.stringify(json));
const payload = (exercise: unknown, project: unknown = presetProject('gan-1d-gaussian')) => ({
  format: 'ganvas-exercise',
  version: 1,
  project,
  exercise,
});
const messages = (r: Awaited<ReturnType<typeof decodeExercise>>) => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.en}`));

describe('exercise links', () => {
  it.each(PRESET_IDS)('round-trips %s with its exercise', async (id) => {
    const project = presetProject(id);
    const encoded = await encodeExercise(project, EXERCISE);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeExercise(encoded)).toEqual({ ok: true, project, exercise: EXERCISE });
  });

  it('keeps every control id, an open palette and a single check', async () => {
    const all: Exercise = { ...EXERCISE, palette: null, hidden: [...CONTROL_IDS], locked: [...CONTROL_IDS], check: { kind: 'valid' } };
    expect(await decodeExercise(await encodeExercise(presetProject('gan-2d-ring'), all))).toMatchObject({ ok: true, exercise: all });
  });

  it('finds the exercise in the hash, and only under x', () => {
    expect(exerciseFromHash('#x=abc')).toBe('abc');
    expect(exerciseFromHash('#p=abc')).toBeNull();
    expect(exerciseFromHash('')).toBeNull();
  });

  it('refuses damaged, truncated and over-long links with a message', async () => {
    const good = await encodeExercise(presetProject('dcgan-mnist'), EXERCISE);
    const cases: [string, RegExp][] = [
      ['%%%', /not valid base64url/],
      ['AAAA', /does not decompress/],
      // Cut at a multiple of 4 the base64 is still valid but the deflate stream ends early; cut elsewhere, the base64 is broken.
      [good.slice(0, 4 * Math.floor(good.length / 8)), /does not decompress \(was it cut short/],
      [good.slice(0, 4 * Math.floor(good.length / 8) + 1), /cut short/],
      [`${good}x!`, /not valid base64url/],
      ['A'.repeat(3_000_000), /too long/],
      [await packLinkText('{"format": "ganvas-exercise", "vers'), /not valid JSON/],
    ];
    for (const [bad, reason] of cases) {
      const result = await decodeExercise(bad);
      expect(result.ok, bad.slice(0, 20)).toBe(false);
      expect(messages(result).join('\n'), bad.slice(0, 20)).toMatch(reason);
    }
  });

  it('cuts off a decompression bomb instead of inflating it', async () => {
    const bomb = new Uint8Array(50 * 1024 * 1024);
    const stream = new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (const b of packed) binary += String.fromCharCode(b);
    const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(encoded.length).toBeLessThan(200_000);
    expect(messages(await decodeExercise(encoded)).join()).toMatch(/more than 5 MB/);
  });

  it('refuses an exercise with unknown control ids, an invalid check or stray keys', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...EXERCISE, hidden: ['export', 'selfDestruct'] }, /^exercise\.hidden\.1: not a control GANvas knows/],
      [{ ...EXERCISE, locked: ['graph', 'graph'] }, /^exercise\.locked: each entry may appear only once/],
      [{ ...EXERCISE, palette: ['dense', 'quantumDense'] }, /^exercise\.palette\.1: /],
      [{ ...EXERCISE, check: { kind: 'eval', code: 'alert(1)' } }, /^exercise\.check/],
      [{ ...EXERCISE, check: { kind: 'iterations', atLeast: -3 } }, /^exercise\.check/],
      [{ ...EXERCISE, check: { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.1, script: 'x' } }, /^exercise\.check/],
      [{ ...EXERCISE, check: { kind: 'all', of: [{ kind: 'all', of: [{ kind: 'valid' }] }] } }, /^exercise\.check/],
      [{ ...EXERCISE, title: '   ' }, /^exercise\.title: an exercise needs a title/],
      [{ ...EXERCISE, title: 'x'.repeat(121) }, /^exercise\.title: a title is at most 120/],
      [{ ...EXERCISE, instructions: 'x'.repeat(4001) }, /^exercise\.instructions: instructions are at most 4000/],
      [{ ...EXERCISE, html: '<script>' }, /^exercise: .*html/],
      [
        JSON.parse(
          `{"title":"t","instructions":"","palette":null,"hidden":[],"locked":[],"check":{"kind":"valid"},"__proto__":{"polluted":1}}`,
        ),
        /__proto__/,
      ],
      [null, /^exercise: /],
      ['an exercise', /^exercise: /],
    ];
    for (const [exercise, reason] of cases) {
      const result = await decodeExercise(await pack(payload(exercise)));
      expect(result.ok, JSON.stringify(exercise)?.slice(0, 80)).toBe(false);
      expect(messages(result).join('\n'), JSON.stringify(exercise)?.slice(0, 80)).toMatch(reason);
      // Every refusal also says why in Chinese.
      if (!result.ok) for (const e of result.errors) expect(e.zh, e.en).toMatch(/[\u3400-\u9fff]/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a wrapper that is not an exercise, and an invalid project inside one', async () => {
    const project = JSON.parse(JSON.stringify(presetProject('mlp-gan-mnist')));
    project.generator.nodes[1].kind = 'eval';
    const cases: [unknown, RegExp][] = [
      [[1, 2], /an object with a project and an exercise/],
      [{ ...payload(EXERCISE), format: 'ganvas-project' }, /^format: this is not a GANvas exercise/],
      [{ ...payload(EXERCISE), version: 7 }, /^version: .*newer GANvas/],
      [{ ...payload(EXERCISE), extra: 1 }, /^extra: /],
      [payload(EXERCISE, project), /^project\.generator\.nodes\.1\.kind: /],
      [payload(EXERCISE, null), /^project: /],
      // A share link's content (a bare project) is not an exercise.
      [presetProject('gan-2d-ring'), /not a GANvas exercise/],
    ];
    for (const [json, reason] of cases) {
      const result = await decodeExercise(await pack(json));
      expect(result.ok).toBe(false);
      expect(messages(result).join('\n')).toMatch(reason);
    }
  });

  it('parses an exercise alone (as kept for the session) and never throws', () => {
    expect(parseExercise(JSON.parse(JSON.stringify(EXERCISE)))).toEqual({ ok: true, exercise: EXERCISE });
    const cyclic: Record<string, unknown> = { ...EXERCISE };
    cyclic.self = cyclic;
    for (const bad of [undefined, 42, [], cyclic, { ...EXERCISE, check: cyclic }]) expect(parseExercise(bad).ok).toBe(false);
  });

  it('packs the wrapper with its format and version', () => {
    expect(JSON.parse(exercisePayload(presetProject('gan-1d-gaussian'), EXERCISE))).toMatchObject({
      format: 'ganvas-exercise',
      version: 1,
      exercise: EXERCISE,
    });
  });
});
