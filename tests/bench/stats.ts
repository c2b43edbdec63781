/** Latency figures of a series of timed calls, in milliseconds. */
export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending `sorted` samples: the smallest sample with at least p % of the samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} outside ]0, 100]`);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function latencies(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
  };
}


/**
 * Times `subject` and `baseline` on the same inputs, alternating blocks of `block` calls so both
 * meet the same machine load (the bench shares its cores); answers each one's durations in ms.
 * Which side goes first alternates too: the first to run a block reads its pages from the disk,
 * the second finds them in the system's cache. `beforeBlock` runs, untimed, before each block.
 */
export async function timeAlternately<T>(
  inputs: readonly T[],
  subject: (input: T) => Promise<unknown>,
  baseline: (input: T) => Promise<unknown>,
  block = 500,
  beforeBlock: () => Promise<unknown> = async () => {},
): Promise<{ subject: number[]; baseline: number[] }> {
  const out = { subject: [] as number[], baseline: [] as number[] };
  for (let start = 0; start < inputs.length; start += block) {
    await beforeBlock();
    const part = inputs.slice(start, start + block);
    const sides = [
      ['subject', subject],
      ['baseline', baseline],
    ] as const;
    for (const [name, call] of (start / block) % 2 === 0 ? sides : [...sides].reverse()) {
      for (const input of part) {
        const began = performance.now();
        await call(input);
        out[name].push(performance.now() - began);
      }
    }
  }
  return out;
}
