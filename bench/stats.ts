/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns milliseconds. */
export function measure(fn: () => void, runs = 200, warmup = 20): { median: number; p95: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), min: times[0]! };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
