/**
 * A search's hits as parallel arrays rather than an object each. Three common words match
 * nearly every article of a large library: at 10,000 articles an object per hit was most of
 * such a query's time and of what it left for the garbage collector, and whenever a young
 * collection found them still alive V8 began allocating them in the old generation, which
 * made every later search slower.
 */

/**
 * Index terms a hit matched, per field. Hits that matched alike share one record and one Set
 * per field (see lunr-engine.ts): treat both as read-only.
 */
export type MatchedTerms = Record<string, Set<string>>

export interface HitList {
  readonly length: number
  /** Each hit's document number in the index (`SearchIndex#ids[doc]` is its id). */
  readonly docs: Uint32Array
  /** Each hit's engine score. */
  readonly scores: Float64Array
  readonly matched: readonly MatchedTerms[]
}

export const NO_HITS: HitList = {
  length: 0,
  docs: new Uint32Array(0),
  scores: new Float64Array(0),
  matched: []
}

/** The hits `keep` accepts, in the same order. */
export function filterHits(hits: HitList, keep: (hit: number) => boolean): HitList {
  const docs = new Uint32Array(hits.length)
  const scores = new Float64Array(hits.length)
  const matched: MatchedTerms[] = []
  let count = 0
  for (let i = 0; i < hits.length; i++) {
    if (!keep(i)) continue
    docs[count] = hits.docs[i]!
    scores[count] = hits.scores[i]!
    matched.push(hits.matched[i]!)
    count++
  }
  if (count === hits.length) return hits
  return {
    length: count,
    docs: docs.subarray(0, count),
    scores: scores.subarray(0, count),
    matched
  }
}

/** Several lists as one, in order, each list's document numbers raised by its offset. */
export function concatHits(lists: readonly { hits: HitList; offset: number }[]): HitList {
  let length = 0
  for (const { hits } of lists) length += hits.length
  const docs = new Uint32Array(length)
  const scores = new Float64Array(length)
  const matched: MatchedTerms[] = []
  let at = 0
  for (const { hits, offset } of lists) {
    for (let i = 0; i < hits.length; i++) {
      docs[at] = hits.docs[i]! + offset
      scores[at] = hits.scores[i]!
      matched.push(hits.matched[i]!)
      at++
    }
  }
  return { length, docs, scores, matched }
}
