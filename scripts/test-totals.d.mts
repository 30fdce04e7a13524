/** Types for test-totals.mjs, so TypeScript tests can import the plain script. */
export interface Counts {
  passed: number
  failed: number
  skipped: number
}
export function emptyCounts(): Counts
export function checkCounts(ok: boolean): Counts
export function countVitest(report: unknown): Counts
export function countPlaywright(report: unknown): Counts
export function sumCounts(list: Counts[]): Counts
export function formatTotals(counts: Counts): string
