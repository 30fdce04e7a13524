/**
 * Reading an article's text for a query, through its forward index (forward-index.ts): where
 * the query's terms occur, whether the article really matches (phrases side by side, excluded
 * phrases absent) and how close its terms stand, and the ranges the reader highlights.
 */
import type { ArticleView, Block } from '../model/article'
import {
  findForwardOccurrences,
  matchersFor,
  type Alternatives,
  type ForwardText,
  type Occurrence,
  type Vocabulary,
  type WordMatcher
} from './forward-index'
import type { MatchedTerms } from './hit-list'
import { fieldsOf, isPhrase, termInHit } from './hit-terms'
import { whole } from './library-forward'
import type { ParsedQuery, QueryTerm } from './query-parser'
import { proximityTier, type PositionedMatch, type ProximityTier } from './ranking'
import type { SnippetMatch } from './snippet'

export class ArticleText {
  // Matchers depend on the query's words and the close spellings resolved for them; a query
  // reads many articles, so each term's matchers are computed once per resolution.
  private matcherCache: {
    alternatives: Alternatives
    byTerm: WeakMap<QueryTerm, WordMatcher[]>
  } | null = null

  /**
   * @param vocabulary the forward index's vocabulary
   * @param sources each distinct source's words, read the same way
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly sources: ReadonlyMap<string, ForwardText>
  ) {}

  /**
   * Checks what the index cannot (phrases adjacent, excluded phrases absent) and measures how
   * the query's terms sit in the text. Null when the article does not really match.
   */
  readClosely(
    article: ArticleView,
    forward: ForwardText | undefined,
    matched: MatchedTerms,
    query: ParsedQuery,
    alternatives: Alternatives
  ): { titleTerms: number; tier: ProximityTier } | null {
    for (const term of query.excluded)
      if (isPhrase(term) && this.occurrences(article, term, alternatives, forward).length > 0)
        return null

    const positioned: PositionedMatch[] = []
    let titleTerms = 0
    for (const [index, group] of query.groups.entries()) {
      let satisfied = false
      let inTitle = false
      for (const term of group) {
        const found = this.occurrences(article, term, alternatives, forward)
        // A word the index matched counts even where the text cannot show it (source field).
        if (
          found.length > 0 ||
          (!isPhrase(term) && termInHit(term, matched, fieldsOf(term), alternatives))
        )
          satisfied = true
        for (const occurrence of found) {
          if (!inTitle && isTitleBlock(article.blocks, occurrence.block)) inTitle = true
          if (occurrence.block >= 0)
            positioned.push({ term: index, first: occurrence.first, last: occurrence.last })
        }
      }
      if (!satisfied) return null
      if (inTitle) titleTerms++
    }
    return { titleTerms, tier: proximityTier(positioned, query.groups.length) }
  }

  /** Where a term occurs: in the article text (`textOccurrences`) or its source. */
  private occurrences(
    article: ArticleView,
    term: QueryTerm,
    alternatives: Alternatives,
    forward: ForwardText | undefined
  ): Occurrence[] {
    const found = this.textOccurrences(article, term, alternatives, forward)
    const source = article.source ? this.sources.get(article.source) : undefined
    if ((term.field === null || term.field === 'source') && source && article.source) {
      const matchers = this.matchers(term, alternatives)
      for (const occurrence of findForwardOccurrences(
        source,
        [whole(article.source)],
        this.vocabulary,
        matchers
      ))
        // Outside the article text: it satisfies the term but is neither drawn nor ranked.
        found.push({ ...occurrence, block: -1 })
    }
    return found
  }

  /** Where a term occurs in the article text: its title only for `title:`, none for other fields. */
  private textOccurrences(
    article: ArticleView,
    term: QueryTerm,
    alternatives: Alternatives,
    forward: ForwardText | undefined
  ): Occurrence[] {
    if (!forward || (term.field !== null && term.field !== 'title')) return []
    return findForwardOccurrences(
      forward,
      article.blocks,
      this.vocabulary,
      this.matchers(term, alternatives),
      term.field === 'title' ? article.blocks.findIndex((b) => b.kind === 'title') : undefined
    )
  }

  private matchers(term: QueryTerm, alternatives: Alternatives): WordMatcher[] {
    if (this.matcherCache?.alternatives !== alternatives)
      this.matcherCache = { alternatives, byTerm: new WeakMap() }
    let matchers = this.matcherCache.byTerm.get(term)
    if (!matchers) {
      matchers = matchersFor(this.vocabulary, term.words, alternatives)
      this.matcherCache.byTerm.set(term, matchers)
    }
    return matchers
  }

  /** Every range of the article text to highlight, in reading order, nested ones dropped. */
  locate(
    article: ArticleView,
    query: ParsedQuery,
    alternatives: Alternatives,
    forward: ForwardText | undefined
  ): SnippetMatch[] {
    const { groups } = query
    // One term (the usual query): its occurrences are in reading order, none inside another
    // (each spans as many words, so they end in the order they start), and need no sorting or
    // sifting. Mapped in one go, no list grown for each result.
    if (groups.length === 1 && groups[0]!.length === 1)
      return this.textOccurrences(article, groups[0]![0]!, alternatives, forward).map(
        ({ start, end }) => ({ start, end, word: 0 })
      )
    const all: SnippetMatch[] = []
    // Indexed loops, no iterator or copy per term: this runs for every result of every search.
    for (let index = 0; index < groups.length; index++)
      for (const term of groups[index]!)
        for (const o of this.textOccurrences(article, term, alternatives, forward))
          all.push({ start: o.start, end: o.end, word: index })
    // One term's occurrences come in reading order already: sort only what is out of order.
    if (!inReadingOrder(all)) all.sort(byReadingOrder)
    const kept: SnippetMatch[] = []
    for (const match of all) {
      const previous = kept[kept.length - 1]
      // "north korea" OR "korea": the phrase's range already shows the lone word.
      if (previous && match.end <= previous.end) continue
      kept.push(match)
    }
    return kept
  }
}

/**
 * True for the article's title block (the first of kind title): asked only of blocks where a
 * term occurs, rather than searching every candidate's blocks for its title first.
 */
function isTitleBlock(blocks: readonly Block[], index: number): boolean {
  if (blocks[index]?.kind !== 'title') return false
  for (let b = 0; b < index; b++) if (blocks[b]!.kind === 'title') return false
  return true
}

/** Highlights first by start, the longer first where two start together. */
function byReadingOrder(a: SnippetMatch, b: SnippetMatch): number {
  return a.start - b.start || b.end - a.end
}

function inReadingOrder(matches: readonly SnippetMatch[]): boolean {
  for (let i = 1; i < matches.length; i++)
    if (byReadingOrder(matches[i - 1]!, matches[i]!) > 0) return false
  return true
}
