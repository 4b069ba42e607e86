/** "28×28×1"; shapes are channels-last, batch excluded. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/** "109,456", or "1.2M" when large. */
export function formatCount(n: number): string {
  return n >= 10_000_000 ? `${(n / 1e6).toFixed(1)}M` : n.toLocaleString('en');
}
