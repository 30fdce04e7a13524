/**
 * How results are ordered. One number per result, so results of every kind (articles now,
 * quotations and notes later) merge by it; within it the order is lexicographic:
 *   1. how many of the query's terms match the title (title above body),
 *   2. proximity: all terms adjacent (as a phrase) > close together > scattered,
 *   3. the engine's relevance score (term frequency and rarity),
 * and the date breaks exact ties only (recent first), outside the score.
 */

/** A located match of one query term (`term` = its group), in content-word positions. */
export interface PositionedMatch {
  term: number
  first: number
  last: number
}

/**
 * Extra words a "close together" window may hold beyond the terms themselves: about a clause
 * of news prose, where words still read as related.
 */
export const NEAR_SLACK = 8

export type ProximityTier = 0 | 1 | 2

/**
 * The smallest span (in content words) holding a match of every term 0..terms-1, with the
 * length the terms' shortest matches would take side by side; null when a term has no match.
 */
export function minimalWindow(
  matches: readonly PositionedMatch[],
  terms: number
): { span: number; covered: number } | null {
  const sorted = [...matches].sort((a, b) => a.first - b.first || a.last - b.last)
  const shortest = new Array<number>(terms).fill(Infinity)
  for (const m of sorted) shortest[m.term] = Math.min(shortest[m.term]!, m.last - m.first + 1)
  const covered = shortest.reduce((sum, n) => sum + n, 0)
  if (!Number.isFinite(covered)) return null

  const counts = new Array<number>(terms).fill(0)
  let present = 0
  let span = Infinity
  let left = 0
  for (let right = 0; right < sorted.length; right++) {
    if (counts[sorted[right]!.term]!++ === 0) present++
    while (present === terms) {
      let last = sorted[left]!.last
      for (let i = left + 1; i <= right; i++) last = Math.max(last, sorted[i]!.last)
      span = Math.min(span, last - sorted[left]!.first + 1)
      if (--counts[sorted[left]!.term]! === 0) present--
      left++
    }
  }
  return { span, covered }
}

/** 2: the terms stand side by side; 1: within a clause; 0: scattered (or a single term). */
export function proximityTier(matches: readonly PositionedMatch[], terms: number): ProximityTier {
  if (terms < 2) return 0
  const window = minimalWindow(matches, terms)
  if (!window) return 0
  const gap = window.span - window.covered
  if (gap <= 0) return 2
  return gap <= NEAR_SLACK ? 1 : 0
}

/**
 * The score results are sorted by. Each component is scaled so it can never outweigh one step
 * of the component above it: the engine score is squashed into [0, 1), tiers step by 2 (at
 * most 4 in all) and each title term adds 8.
 */
export function rankScore(titleTerms: number, tier: ProximityTier, engineScore: number): number {
  const relevance = Math.max(0, engineScore)
  return titleTerms * 8 + tier * 2 + relevance / (1 + relevance)
}

/** Higher score first; on a tie, the more recent (undated last). */
export function compareRanked(
  a: { score: number; date: string | null },
  b: { score: number; date: string | null }
): number {
  if (b.score !== a.score) return b.score - a.score
  // Dates are YYYY-MM-DD (parse-article.ts checks), so code-unit order is date order; a
  // collator's localeCompare cost more than the rest of ranking for a page of tied scores.
  const x = a.date ?? ''
  const y = b.date ?? ''
  return x === y ? 0 : x < y ? 1 : -1
}

/**
 * The first `k` items in `compareRanked` order, exactly as a stable sort would give them, without
 * sorting them all: for a page of 20 out of 10,000 candidates most items cost one comparison,
 * with the worst of the best so far.
 */
export function bestRanked<T extends { score: number; date: string | null }>(
  items: readonly T[],
  k: number
): T[] {
  if (items.length <= k) return [...items].sort(compareRanked)
  const best: T[] = []
  for (const item of items) {
    // An item equal to the worst kept came later: a stable sort puts it after, so it is out.
    if (best.length === k && compareRanked(item, best[k - 1]!) >= 0) continue
    let low = 0
    let high = best.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compareRanked(item, best[middle]!) < 0) high = middle
      else low = middle + 1
    }
    best.splice(low, 0, item)
    if (best.length > k) best.pop()
  }
  return best
}

/**
 * The numbers 0 to n - 1 in `compare` order, one at a time, from a binary heap: the first k
 * cost about 2n + 2k·log n comparisons rather than a sort of all n, and a caller that reads
 * past the first page (a phrase whose candidates mostly fail the closer reading) pays only for
 * what it reads. `compare` must never tie two different numbers (break ties by number for a
 * stable sort's order), so the order is the one a sort gives.
 */
export function* byRank(
  n: number,
  compare: (a: number, b: number) => number,
  /** Room for the heap, at least n long (a caller searching often passes its own). */
  heap = new Uint32Array(n)
): Generator<number> {
  for (let i = 0; i < n; i++) heap[i] = i
  const sink = (from: number, size: number): void => {
    let at = from
    const item = heap[at]!
    for (;;) {
      let child = 2 * at + 1
      if (child >= size) break
      if (child + 1 < size && compare(heap[child + 1]!, heap[child]!) < 0) child++
      if (compare(heap[child]!, item) >= 0) break
      heap[at] = heap[child]!
      at = child
    }
    heap[at] = item
  }
  for (let i = (n >>> 1) - 1; i >= 0; i--) sink(i, n)
  for (let size = n; size > 0; size--) {
    const top = heap[0]!
    heap[0] = heap[size - 1]!
    sink(0, size - 1)
    yield top
  }
}

/**
 * The worst result on a page of the best `size` seen so far, in `compareRanked`'s order: score,
 * then date (a number that grows with the date, as `ArticleProvider#dateRanks` gives), then the
 * order added, which is how a stable sort of the results leaves ties.
 */
export class PageFloor {
  private readonly scores: number[] = []
  private readonly dates: number[] = []

  constructor(private readonly size: number) {}

  /**
   * Whether a result added now with this score and date could not reach the page: the page is
   * full and its worst result ranks at least as high. Many results tie on score (a phrase in
   * thousands of articles of similar length), so a score equal to the worst is not enough to
   * read on: an equal one added later, no more recent, ranks below it.
   */
  shuts(score: number, date: number): boolean {
    if (this.size === 0) return true
    if (this.scores.length < this.size) return false
    const worst = this.scores[this.size - 1]!
    return score < worst || (score === worst && date <= this.dates[this.size - 1]!)
  }

  add(score: number, date: number): void {
    if (this.shuts(score, date)) return
    let at = this.scores.length
    while (
      at > 0 &&
      (this.scores[at - 1]! < score ||
        (this.scores[at - 1] === score && this.dates[at - 1]! < date))
    )
      at--
    this.scores.splice(at, 0, score)
    this.dates.splice(at, 0, date)
    if (this.scores.length > this.size) {
      this.scores.pop()
      this.dates.pop()
    }
  }
}
