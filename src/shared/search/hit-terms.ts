/**
 * What an engine hit's matched index terms tell about a query's terms, before any text is read:
 * the engine look-ups a term stands for, and whether a hit holds a term's every word in the
 * term's fields. The article provider filters and ranks thousands of hits with these.
 */
import type { Alternatives } from './forward-index'
import type { HitList, MatchedTerms } from './hit-list'
import { FIELDS, type EngineClause, type Field } from './lunr-engine'
import { wordMatches, type QueryWord } from './query'
import type { QueryTerm } from './query-parser'

/** `answer` remembered per distinct matched record (hits that matched alike share one). */
export function byRecord<T>(answer: (matched: MatchedTerms) => T): (matched: MatchedTerms) => T {
  const answers = new Map<MatchedTerms, T>()
  return (matched) => {
    let known = answers.get(matched)
    if (known === undefined && !answers.has(matched)) {
      known = answer(matched)
      answers.set(matched, known)
    }
    return known!
  }
}

export function isPhrase(term: QueryTerm): boolean {
  return term.kind === 'phrase' && term.words.length > 1
}

export function fieldsOf(term: QueryTerm): readonly Field[] {
  // No article field holds speakers: a speaker term matches no article.
  if (term.field === 'speaker') return []
  return term.field ? [term.field] : FIELDS
}

/** Engine look-ups for a term's words: the analysed form, and the prefix being typed. */
export function clausesFor(term: QueryTerm): EngineClause[] {
  const fields = term.field ? { fields: fieldsOf(term) } : {}
  return term.words.flatMap((word): EngineClause[] => [
    ...(word.exact !== null ? [{ term: word.exact, kind: 'exact' as const, ...fields }] : []),
    ...(word.prefix !== null ? [{ term: word.prefix, kind: 'prefix' as const, ...fields }] : [])
  ])
}

/**
 * Every index term the hits matched in the fields, once each. Hits that matched the same terms
 * share one Set (see hit-list.ts): reading each Set once, rather than each hit's, makes
 * thousands of hits cost as much as their few distinct sets.
 */
export function matchedTerms(hits: HitList, fields: readonly Field[]): Set<string> {
  const read = new Set<ReadonlySet<string>>()
  const terms = new Set<string>()
  for (const record of hits.matched)
    for (const field of fields) {
      const matched = record[field]
      if (!matched || read.has(matched)) continue
      read.add(matched)
      for (const term of matched) terms.add(term)
    }
  return terms
}

export function wordInHit(
  word: QueryWord,
  record: MatchedTerms,
  fields: readonly Field[],
  alternatives?: Alternatives
): boolean {
  const close = alternatives?.get(word.exact ?? '')
  // A plain word needs only a look-up: scanning every matched term made a query of many words
  // cost words² per candidate (a pasted paragraph took over half a second at 1,000 articles).
  const lookUp = word.exact !== null && word.prefix === null && close === undefined
  for (const field of fields) {
    const matched = record[field]
    if (!matched) continue
    if (lookUp) {
      if (matched.has(word.exact!)) return true
      continue
    }
    for (const indexTerm of matched) if (wordMatches(word, indexTerm, indexTerm, close)) return true
  }
  return false
}

/** Every searchable word of the term is in the hit, in the term's fields (order unchecked). */
export function termInHit(
  term: QueryTerm,
  record: MatchedTerms,
  fields: readonly Field[],
  alternatives: Alternatives
): boolean {
  for (const word of term.words)
    if (
      (word.exact !== null || word.prefix !== null) &&
      !wordInHit(word, record, fields, alternatives)
    )
      return false
  return true
}
