/**
 * The diverging colour scale of D's output over the plane: vermillion where D says "fake"
 * (D → 0), near-white where it cannot tell (D = 1/2), bluish green where it says "real" (D → 1),
 * the colours of fake and real in components/plot/palette.ts. The ends are half tints (the
 * colour mixed half with white), so the saturated dots drawn on top stay readable;
 * tests/a11y/colour-vision.test.ts checks both ends stay apart under colour-vision deficiencies.
 */
const STOPS: readonly [number, readonly [number, number, number]][] = [
  [0, [234, 175, 128]],
  [0.5, [246, 246, 249]],
  [1, [128, 207, 185]],
];

/** D's probability as an RGB triple on the diverging scale; NaN is drawn as the midpoint. */
export function dColour(p: number): [number, number, number] {
  const v = p === p ? Math.min(1, Math.max(0, p)) : 0.5;
  const [lo, hi] = v <= 0.5 ? [STOPS[0]!, STOPS[1]!] : [STOPS[1]!, STOPS[2]!];
  const t = (v - lo[0]) / (hi[0] - lo[0]);
  return [0, 1, 2].map((i) => Math.round(lo[1][i]! + t * (hi[1][i]! - lo[1][i]!))) as [number, number, number];
}

/** The scale as a CSS gradient, left = 0 (fake) to right = 1 (real), for legends. */
export function dGradientCss(): string {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((p) => `rgb(${dColour(p).join(' ')}) ${p * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
