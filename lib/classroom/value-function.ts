/**
 * The generator's two objectives as functions of D's score on a fake, d = D(G(z)) = σ(a) with a
 * D's logit. Minimax: G minimises log(1 − d), whose slope in a is −d: it vanishes exactly when D
 * rejects the fakes (d → 0), early in training. Non-saturating: G minimises −log d, whose slope in
 * a is −(1 − d): strongest when G is losing. Both have the same fixed point.
 */
export function generatorPush(d: number): { minimax: number; nonSaturating: number } {
  const p = Math.min(1, Math.max(0, d));
  return { minimax: p, nonSaturating: 1 - p };
}

/** The two pushes on an even grid of d over [0, 1], for the lesson's plot. */
export function valueFunctionCurves(points: number): { d: Float32Array; minimaxPush: Float32Array; nonSaturatingPush: Float32Array } {
  const n = Math.max(2, Math.floor(points));
  const d = new Float32Array(n);
  const minimaxPush = new Float32Array(n);
  const nonSaturatingPush = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = i / (n - 1);
    const push = generatorPush(d[i]!);
    minimaxPush[i] = push.minimax;
    nonSaturatingPush[i] = push.nonSaturating;
  }
  return { d, minimaxPush, nonSaturatingPush };
}
