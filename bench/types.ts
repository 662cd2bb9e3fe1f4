/** One section of BENCHMARKS.md, produced by a `bench/*.bench.ts` file's default export. */
export interface BenchSection {
  title: string;
  /** Markdown body: data size, method, and a side-by-side table run in the same process. */
  markdown: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Time `fn` once per input, returning sorted durations in milliseconds. */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown): number[] {
  const out: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    fn(input);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run and machine sees the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
