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

/** A full collection, where the bench runs with `--expose-gc`. */
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/** Heap in use plus ArrayBuffer memory (typed arrays live outside the JS heap). */
export function memory(): number {
  gc()
  gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

export function median(samples: number[]): number {
  return percentile(samples, 50)
}

export function timed<T>(body: () => T): [T, number] {
  const start = performance.now()
  const value = body()
  return [value, performance.now() - start]
}

export async function timedAsync<T>(body: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await body()
  return [value, performance.now() - start]
}
