/** Timing helpers the benchmarks share, so every figure is taken the same way. */

/** Mean milliseconds per call over `runs` calls, after one warm-up call (first-call compilation is not what users wait for on the second call). */
export function timeEach(runs: number, fn: () => unknown): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

/** The middle value (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
