import { describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import { canvasMark, lossFormulas, slowMotionSteps } from '@/lib/train/slow-motion';

describe('slowMotionSteps', () => {
  it('splits an iteration with k = 1 into 14 sub-steps: 7 for D, 6 for G, then the summary', () => {
    const steps = slowMotionSteps(presetProject('gan-1d-gaussian'), { k: 1 });
    expect(steps.map((s) => `${s.phase}:${s.kind}`)).toEqual([
      'd:real',
      'd:noise',
      'd:generate',
      'd:scores',
      'd:loss',
      'd:gradients',
      'd:update',
      'g:noise',
      'g:generate',
      'g:scores',
      'g:loss',
      'g:gradients',
      'g:update',
      'done:done',
    ]);
    expect(slowMotionSteps(presetProject('gan-1d-gaussian'), { k: 3 })).toHaveLength(3 * 7 + 6 + 1);
  });

  it('marks the network being trained, and the other one while it only runs forward', () => {
    const steps = slowMotionSteps(presetProject('gan-1d-gaussian'), { k: 2 });
    for (const s of steps.filter((x) => x.phase === 'd')) {
      expect(canvasMark(s, 'discriminator'), s.kind).toBe('training');
      expect(canvasMark(s, 'generator'), s.kind).toBe(s.kind === 'noise' || s.kind === 'generate' ? 'frozen' : null);
    }
    for (const s of steps.filter((x) => x.phase === 'g')) {
      expect(canvasMark(s, 'generator'), s.kind).toBe('training');
      expect(canvasMark(s, 'discriminator'), s.kind).toBe(['scores', 'loss', 'gradients'].includes(s.kind) ? 'frozen' : null);
    }
    const done = steps[steps.length - 1]!;
    expect([canvasMark(done, 'generator'), canvasMark(done, 'discriminator'), canvasMark(null, 'generator')]).toEqual([null, null, null]);
    expect(steps.filter((s) => s.phase === 'd').map((s) => s.j)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('highlights the nodes a sub-step is about: inputs, outputs, layers with weights', () => {
    // gan-1d-gaussian: G is z → g1 → g1a → g2 → g2a → g3 → out; D is x → d1 → … → d3 → out.
    const steps = slowMotionSteps(presetProject('gan-1d-gaussian'), { k: 1 });
    const at = (phase: string, kind: string) => steps.find((s) => s.phase === phase && s.kind === kind)!;
    expect(at('d', 'real').nodes).toEqual({ generator: [], discriminator: ['x'] });
    expect(at('d', 'noise').nodes).toEqual({ generator: ['z'], discriminator: [] });
    expect(at('d', 'generate').nodes).toEqual({ generator: ['out'], discriminator: [] });
    expect(at('d', 'scores').nodes).toEqual({ generator: [], discriminator: ['x', 'out'] });
    expect(at('d', 'update').nodes).toEqual({ generator: [], discriminator: ['d1', 'd2', 'd3'] });
    expect(at('g', 'gradients').nodes).toEqual({ generator: ['g1', 'g2', 'g3'], discriminator: [] });
    expect(at('g', 'scores').focus).toBe('discriminator');
    expect(at('g', 'update').focus).toBe('generator');
    // A conditional G and D: the label inputs count as inputs.
    const cgan = slowMotionSteps(presetProject('cgan-mnist'), { k: 1 });
    expect(cgan.find((s) => s.kind === 'noise')!.nodes.generator).toEqual(['z', 'y']);
    expect(cgan.find((s) => s.kind === 'real')!.nodes.discriminator).toEqual(['x', 'y']);
  });
});

describe('lossFormulas', () => {
  it('writes each loss, with one-sided label smoothing and the penalty weight filled in', () => {
    expect(lossFormulas('non-saturating', 0, 10)).toEqual({ d: 'L_D = −E[log D(x)] − E[log(1 − D(G(z)))]', g: 'L_G = −E[log D(G(z))]' });
    expect(lossFormulas('minimax', 0.1, 10).d).toBe('L_D = −E[0.9·log D(x) + 0.1·log(1 − D(x))] − E[log(1 − D(G(z)))]');
    expect(lossFormulas('minimax', 0, 10).g).toBe('L_G = E[log(1 − D(G(z)))]');
    expect(lossFormulas('least-squares', 0.2, 10).d).toBe('L_D = ½·E[(D(x) − 0.8)²] + ½·E[D(G(z))²]');
    expect(lossFormulas('wasserstein-gp', 0, 5).d).toContain('+ 5·E[(‖∇D(x̂)‖ − 1)²]');
    expect(lossFormulas('hinge', 0, 10)).toEqual({ d: 'L_D = E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))]', g: 'L_G = −E[D(G(z))]' });
  });
});
