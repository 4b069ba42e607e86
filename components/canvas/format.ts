/** "28×28×1"; shapes are channels-last, batch excluded. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

// One formatter for all counts: toLocaleString builds a new one on every call, which is slow.
const counts = new Intl.NumberFormat('en');

/** "109,456", or "12.5M" when large. */
export function formatCount(n: number): string {
  return n >= 10_000_000 ? `${(n / 1e6).toFixed(1)}M` : counts.format(n);
}
