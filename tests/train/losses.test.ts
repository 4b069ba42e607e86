import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { discriminatorLoss, generatorLoss, gradientPenalty, lossInfo } from '@/lib/train/losses';

/** A linear critic D(x) = w·x + b with fixed weights, computed by hand beside tfjs. */
const w = [0.5, -0.25];
const b = 0.1;
const real = [
  [1, 2],
  [-1, 0.5],
  [0.3, -0.7],
];
const fake = [
  [0, 0],
  [2, 1],
  [-0.5, -2],
];
const logit = (x: number[]) => w[0]! * x[0]! + w[1]! * x[1]! + b;
const lr = real.map(logit);
const lf = fake.map(logit);
const mean = (xs: number[]) => xs.reduce((a, c) => a + c, 0) / xs.length;
const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));
const logD = (l: number) => Math.log(sigmoid(l));
const log1mD = (l: number) => Math.log(1 - sigmoid(l));

const critic = (x: tf.Tensor) => tf.add(tf.matMul(x, tf.tensor2d(w, [2, 1])), b);
const value = (t: tf.Tensor) => t.dataSync()[0]!;

function losses(kind: Parameters<typeof discriminatorLoss>[0], smoothing = 0) {
  return tf.tidy(() => {
    const r = critic(tf.tensor2d(real));
    const f = critic(tf.tensor2d(fake));
    return { d: value(discriminatorLoss(kind, r, f, smoothing)), g: value(generatorLoss(kind, f)) };
  });
}

describe('GAN losses against the formulas, on fixed weights', () => {
  it('minimax: D minimises -[log D(x) + log(1 - D(G(z)))], G minimises log(1 - D(G(z)))', () => {
    const { d, g } = losses('minimax');
    expect(d).toBeCloseTo(-(mean(lr.map(logD)) + mean(lf.map(log1mD))), 5);
    expect(g).toBeCloseTo(mean(lf.map(log1mD)), 5);
  });

  it('non-saturating: G minimises -log D(G(z))', () => {
    const { d, g } = losses('non-saturating');
    expect(d).toBeCloseTo(-(mean(lr.map(logD)) + mean(lf.map(log1mD))), 5);
    expect(g).toBeCloseTo(-mean(lf.map(logD)), 5);
  });

  it('one-sided label smoothing moves only the real target', () => {
    const s = 0.1;
    const { d } = losses('non-saturating', s);
    const bce = (l: number, t: number) => -(t * logD(l) + (1 - t) * log1mD(l));
    expect(d).toBeCloseTo(mean(lr.map((l) => bce(l, 1 - s))) + mean(lf.map((l) => bce(l, 0))), 5);
  });

  it('least-squares: ½E[(D(x)-1)²] + ½E[D(G(z))²] and ½E[(D(G(z))-1)²]', () => {
    const { d, g } = losses('least-squares');
    expect(d).toBeCloseTo(0.5 * mean(lr.map((l) => (l - 1) ** 2)) + 0.5 * mean(lf.map((l) => l ** 2)), 5);
    expect(g).toBeCloseTo(0.5 * mean(lf.map((l) => (l - 1) ** 2)), 5);
  });

  it('wasserstein: E[D(G(z))] - E[D(x)] and -E[D(G(z))]; the penalty of a linear critic is λ(‖w‖-1)²', () => {
    const { d, g } = losses('wasserstein-gp');
    expect(d).toBeCloseTo(mean(lf) - mean(lr), 5);
    expect(g).toBeCloseTo(-mean(lf), 5);
    const penalty = tf.tidy(() => value(gradientPenalty(critic, tf.tensor2d(real), tf.tensor2d(fake), 10, 7)));
    expect(penalty).toBeCloseTo(10 * (Math.hypot(...w) - 1) ** 2, 4);
  });

  it('hinge: E[max(0, 1-D(x))] + E[max(0, 1+D(G(z)))] and -E[D(G(z))]', () => {
    const { d, g } = losses('hinge');
    expect(d).toBeCloseTo(mean(lr.map((l) => Math.max(0, 1 - l))) + mean(lf.map((l) => Math.max(0, 1 + l))), 5);
    expect(g).toBeCloseTo(-mean(lf), 5);
  });

  it('at D = 1/2 everywhere the minimax D loss is 2 ln 2, the equilibrium the charts mark', () => {
    const zero = tf.zeros([4, 1]);
    expect(value(discriminatorLoss('minimax', zero, zero))).toBeCloseTo(lossInfo('minimax').equilibriumDLoss!, 6);
    expect(value(discriminatorLoss('least-squares', tf.fill([4, 1], 0.5), tf.fill([4, 1], 0.5)))).toBeCloseTo(
      lossInfo('least-squares').equilibriumDLoss!,
      6,
    );
    zero.dispose();
  });

  it('stays finite for extreme logits', () => {
    const r = tf.tensor2d([[200], [-200]]);
    const f = tf.tensor2d([[-200], [200]]);
    for (const kind of ['minimax', 'non-saturating'] as const) {
      expect(Number.isFinite(value(discriminatorLoss(kind, r, f)))).toBe(true);
      expect(Number.isFinite(value(generatorLoss(kind, f)))).toBe(true);
    }
    tf.dispose([r, f]);
  });
});
