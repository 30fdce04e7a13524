/**
 * An article query's candidates from the index: the hits satisfying every group of the query and
 * no excluded word, as far as the index's matched terms can tell (phrases and excluded phrases
 * are read in the text later), with close spellings when exact matching finds too little.
 */
import { editDistanceFor, FUZZY_BELOW, MAX_FUZZY_WORDS, withinEditDistance } from './fuzzy'
import {
  byRecord,
  clausesFor,
  fieldsOf,
  isPhrase,
  matchedTerms,
  termInHit,
  wordInHit
} from './hit-terms'
import { filterHits, type HitList, type MatchedTerms } from './hit-list'
import type { SearchIndex } from './index-segments'
import type { EngineClause } from './lunr-engine'
import type { ParsedQuery } from './query-parser'

/** The engine's answer to a query, with the close spellings it accepted. */
export interface Resolved {
  candidates: HitList
  alternatives: Map<string, Set<string>>
  fuzzy: boolean
}

/** Candidates satisfying every group and no excluded word, as far as the index can tell. */
export function resolveCandidates(engine: SearchIndex, query: ParsedQuery): Resolved {
  const positive = query.groups.flat()
  const clauses = positive.flatMap((term) => clausesFor(term))
  // Unordered: candidates are ranked again below, on more than the engine's score.
  let hits = engine.hitList(clauses)
  const alternatives = new Map<string, Set<string>>()
  // Loops, not every/some: this runs for each of thousands of hits of a common word.
  const satisfied = (matched: MatchedTerms): boolean => {
    for (const group of query.groups) {
      let held = false
      for (const term of group)
        if (termInHit(term, matched, fieldsOf(term), alternatives)) {
          held = true
          break
        }
      if (!held) return false
    }
    return true
  }
  // The answer depends on the hit's matched terms alone, and hits that matched alike share
  // one record (lunr-engine.ts): thousands of hits are a handful of distinct questions. A
  // filter made once `alternatives` is final for its hits.
  const satisfies = (list: HitList): HitList => {
    const satisfiedBy = byRecord(satisfied)
    return filterHits(list, (i) => satisfiedBy(list.matched[i]!))
  }
  // One plain word: every hit of its clauses holds it (the check matters with more terms).
  const single = positive.length === 1 && positive[0]!.words.length === 1
  let candidates = single ? hits : satisfies(hits)

  let fuzzy = false
  if (candidates.length < FUZZY_BELOW) {
    const weak = positive
      .flatMap((term) =>
        term.words.flatMap((word) => {
          const distance = editDistanceFor(word.folded.length)
          if (word.exact === null || distance === 0) return []
          // A word nothing matched is likely misspelt; so is a rare one when the query found
          // nothing at all. A word that found some of the few results is left alone: in a
          // small library every word is rare, and "korea" should not turn into "korean".
          let found = 0
          for (const matched of hits.matched) if (wordInHit(word, matched, fieldsOf(term))) found++
          const weak = found === 0 || (candidates.length === 0 && found < FUZZY_BELOW)
          return weak ? [{ word, exact: word.exact, term, distance }] : []
        })
      )
      .slice(0, MAX_FUZZY_WORDS)
    if (weak.length > 0) {
      hits = engine.hitList([
        ...clauses,
        ...weak.map(({ exact, term, distance }): EngineClause => ({
          term: exact,
          kind: 'fuzzy',
          editDistance: distance,
          ...(term.field ? { fields: fieldsOf(term) } : {})
        }))
      ])
      for (const { exact, term, distance } of weak) {
        const close = alternatives.get(exact) ?? new Set<string>()
        for (const indexTerm of matchedTerms(hits, fieldsOf(term)))
          if (indexTerm !== exact && withinEditDistance(indexTerm, exact, distance))
            close.add(indexTerm)
        if (close.size > 0) alternatives.set(exact, close)
      }
      fuzzy = alternatives.size > 0
      candidates = satisfies(hits)
    }
  }

  const excludedWords = query.excluded.filter((term) => !isPhrase(term))
  if (excludedWords.length > 0 && candidates.length > 0) {
    const found = engine.hitList(excludedWords.flatMap((term) => clausesFor(term)))
    const excluded = new Set<number>()
    for (let i = 0; i < found.length; i++)
      if (
        excludedWords.some((term) => termInHit(term, found.matched[i]!, fieldsOf(term), new Map()))
      )
        excluded.add(found.docs[i]!)
    const kept = candidates
    candidates = filterHits(kept, (i) => !excluded.has(kept.docs[i]!))
  }

  return { candidates, alternatives, fuzzy }
}
