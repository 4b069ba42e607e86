/**
 * How a sample shape looks to a D that takes packs of `m` (PacGAN): the samples side by side along
 * their last axis (a point's coordinates, an image's channels), so that axis is m times as long.
 */
export function packedShape(shape: readonly number[], m: number): number[] {
  if (m <= 1 || shape.length === 0) return [...shape];
  return [...shape.slice(0, -1), shape[shape.length - 1]! * m];
}
