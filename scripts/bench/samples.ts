/** Timing samples for the bench: repeated runs of one body, and percentiles over them. */
import { performance } from 'node:perf_hooks'

/** How long each of `runs` calls of `body` took, in milliseconds, in order. */
export function time(runs: number, body: () => void): number[] {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    body()
    samples.push(performance.now() - start)
  }
  return samples
}

/**
 * The sample at percentile `p` (0–100): the sorted samples' entry at ⌊p·n/100⌋, so p = 50 is
 * the upper median of an even count. NaN when there are none.
 */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
