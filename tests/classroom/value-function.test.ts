import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { generatorPush, valueFunctionCurves } from '@/lib/classroom/value-function';
import { generatorLoss } from '@/lib/train/losses';

/** The slope of G's loss for one fake with D's logit `a`, by tfjs's autodiff of the trainer's own loss. */
function slope(kind: 'minimax' | 'non-saturating', a: number): number {
  return tf.tidy(() => {
    const grad = tf.grad((logit: tf.Tensor) => generatorLoss(kind, logit))(tf.tensor2d([[a]]));
    return grad.dataSync()[0]!;
  });
}

describe('the value-function lesson’s plot', () => {
  it('each push is the magnitude of the trainer’s loss gradient with respect to D’s logit', () => {
    for (const a of [-8, -3, -1, 0, 0.5, 2, 6]) {
      const d = 1 / (1 + Math.exp(-a));
      const push = generatorPush(d);
      expect(Math.abs(slope('minimax', a))).toBeCloseTo(push.minimax, 5);
      expect(Math.abs(slope('non-saturating', a))).toBeCloseTo(push.nonSaturating, 5);
    }
  });

  it('minimax saturates where D rejects the fakes; non-saturating does not', () => {
    expect(generatorPush(0.01).minimax).toBeLessThan(0.02);
    expect(generatorPush(0.01).nonSaturating).toBeGreaterThan(0.98);
    const curves = valueFunctionCurves(11);
    expect(Array.from(curves.d)).toEqual(Array.from({ length: 11 }, (_, i) => Math.fround(i / 10)));
    expect(curves.minimaxPush[0]).toBe(0);
    expect(curves.nonSaturatingPush[0]).toBe(1);
  });
});
