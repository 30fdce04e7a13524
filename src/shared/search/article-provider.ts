/**
 * Articles as a search provider: candidates from the index, then the query's exact meaning
 * (phrases, exclusions, fields) checked against the text, ranked, and described with a snippet
 * and the offsets the reader highlights.
 */
import type { ArticleView, Block } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResult } from '../model/search'
import {
  findForwardOccurrences,
  matchersFor,
  type Alternatives,
  type ForwardText,
  type Occurrence,
  type Vocabulary,
  type WordMatcher
} from './forward-index'
import { editDistanceFor, FUZZY_BELOW, MAX_FUZZY_WORDS, withinEditDistance } from './fuzzy'
import {
  FIELDS,
  type EngineClause,
  type EngineHit,
  type Field,
  type IndexedDocument
} from './lunr-engine'
import type { SearchIndex } from './index-segments'
import { LibraryForward, whole } from './library-forward'
import type { ProviderAnswer, SearchProvider } from './providers'
import { wordMatches, type QueryWord } from './query'
import { formatQuery, type ParsedQuery, type QueryTerm } from './query-parser'
import {
  bestRanked,
  byRank,
  proximityTier,
  rankScore,
  type PositionedMatch,
  type ProximityTier
} from './ranking'
import { makeSnippet, type SnippetMatch } from './snippet'
import { snippetSpeaker } from '../voices/quote-at'

/**
 * How many candidates, best first by title and engine score, are read closely (phrases
 * verified, proximity measured) for one query: five pages of results. Reading text is the
 * costly part, and beyond that depth reordering rarely changes the page the reader sees.
 */
export const RERANK_DEPTH = 100

const TITLE_ONLY: readonly Field[] = ['title']

/** What the index holds for an article: its title, and the rest of its text as the body. */
export function toIndexedDocument(article: ArticleView): IndexedDocument {
  const title = article.blocks.find((block) => block.kind === 'title')
  return {
    id: article.id,
    title: article.title,
    body: title ? article.text.slice(title.end) : article.text,
    source: article.source ?? '',
    author: article.author ?? ''
  }
}

/** The engine's answer to a query, with the close spellings it accepted. */
interface Resolved {
  candidates: EngineHit[]
  alternatives: Map<string, Set<string>>
  fuzzy: boolean
}

interface Ranked {
  article: ArticleView
  /** Its number in the index. */
  doc: number
  score: number
  date: string | null
}

export class ArticleProvider implements SearchProvider {
  readonly kind = 'article' as const
  private readonly articles = new Map<string, ArticleView>()
  /**
   * The articles by their number in the index (`EngineHit#doc`): an array read instead of a
   * map look-up by id for each of a query's candidates, a cache miss each in a large library.
   */
  private byDoc: (ArticleView | undefined)[]
  private ranks: Int32Array | null = null
  /** Forward texts by number in the index, looked up by id once each (see `forwardOf`). */
  private forwardByDoc: (ForwardText | undefined)[] = []
  /**
   * The first pass's working arrays, grown as needed and reused: a typed array made per
   * search cost more than the rest of a search for a rare word.
   */
  private pass = {
    kept: new Uint32Array(0),
    scores: new Float64Array(0),
    dates: new Int32Array(0),
    titleTerms: new Uint16Array(0),
    heap: new Uint32Array(0)
  }
  /** Each article's analysed words, computed once (see forward-index.ts). */
  private readonly forward: ReadonlyMap<string, ForwardText>
  private readonly vocabulary: Vocabulary
  /** Each distinct source's words, read the same way (a library has few sources). */
  private readonly sources: ReadonlyMap<string, ForwardText>
  /** The forward index searched: as given (read from the shipped file), or built here. */
  readonly library: LibraryForward
  // Matchers depend on the query's words and the close spellings resolved for them; a query
  // reads many articles, so each term's matchers are computed once per resolution.
  private matcherCache: {
    alternatives: Alternatives
    byTerm: WeakMap<QueryTerm, WordMatcher[]>
  } | null = null
  // search:matches follows search:query with the same query: resolve it once.
  private lastResolved: { key: string; value: Resolved } | null = null

  /**
   * @param forward the articles' forward index, when read from a file; built here otherwise.
   *   It must have been built from these very articles (library-index.ts checks that).
   */
  constructor(
    articles: readonly ArticleView[],
    private readonly engine: SearchIndex,
    forward: LibraryForward = LibraryForward.build(articles)
  ) {
    for (const article of articles) this.articles.set(article.id, article)
    this.library = forward
    this.forward = forward.texts
    this.sources = forward.sources
    this.vocabulary = forward.vocabulary
    this.byDoc = engine.ids.map((id) => this.articles.get(id))
  }

  /**
   * Each article's date as a number, by its number in the index: dates in code-unit order
   * (undated first), as `compareRanked` orders them. Made on the first search and after each
   * update, so ranking compares numbers rather than reading thousands of articles.
   */
  private dateRanks(): Int32Array {
    if (!this.ranks) {
      const dates = [...new Set(this.byDoc.map((article) => article?.date ?? ''))].sort()
      const rankOf = new Map(dates.map((date, rank) => [date, rank]))
      this.ranks = Int32Array.from(this.byDoc, (article) => rankOf.get(article?.date ?? '')!)
    }
    return this.ranks
  }

  /** The forward text of the article numbered `doc` in the index. */
  private forwardOf(doc: number): ForwardText | undefined {
    let text = this.forwardByDoc[doc]
    if (text === undefined) {
      const article = this.byDoc[doc]
      text = article && this.forward.get(article.id)
      this.forwardByDoc[doc] = text
    }
    return text
  }

  /** The first pass's arrays, at least `size` long (see `pass`). */
  private passArrays(size: number): typeof this.pass {
    if (this.pass.kept.length < size) {
      const length = Math.max(size, this.pass.kept.length * 2)
      this.pass = {
        kept: new Uint32Array(length),
        scores: new Float64Array(length),
        dates: new Int32Array(length),
        titleTerms: new Uint16Array(length),
        heap: new Uint32Array(length)
      }
    }
    return this.pass
  }

  /**
   * Takes in articles added (or changed) and drops removed ones, after the engine has: see
   * index-segments.ts. A removed article's words stay in the vocabulary, which only grows.
   */
  update(added: readonly ArticleView[], removedIds: readonly string[]): void {
    for (const id of removedIds) {
      this.articles.delete(id)
      this.library.remove(id)
    }
    for (const article of added) {
      this.articles.set(article.id, article)
      this.library.add(article)
    }
    this.byDoc = this.engine.ids.map((id) => this.articles.get(id))
    this.ranks = null
    this.forwardByDoc = []
    this.lastResolved = null
  }

  /** Size of the forward index: typed arrays, and the vocabulary they point into (approx.). */
  forwardIndexBytes(): { texts: number; vocabulary: number; entries: number } {
    return this.library.bytes()
  }

  search(query: ParsedQuery, limit: number): ProviderAnswer {
    if (query.groups.length === 0) return { results: [], fuzzy: false }
    // `speaker:` asks for quotations (quote-provider.ts): no article satisfies it on its own.
    if (query.groups.some((group) => group.every((term) => term.field === 'speaker')))
      return { results: [], fuzzy: false }
    const resolved = this.resolve(query)

    // The first pass over thousands of candidates fills typed arrays, not an object each: it
    // reads no article (only whether it is there) and leaves little for the garbage collector.
    const hits = resolved.candidates
    const ranks = this.dateRanks()
    const { kept, scores, dates, titleTerms: titleTermsOf, heap } = this.passArrays(hits.length)
    // Query groups matched in the title: asked once per distinct matched record, as above.
    const titleTermsFor = byRecord((hit: EngineHit): number => {
      let inTitle = 0
      for (const group of query.groups)
        for (const term of group)
          if (
            (term.field === null || term.field === 'title') &&
            termInHit(term, hit, TITLE_ONLY, resolved.alternatives)
          ) {
            inTitle++
            break
          }
      return inTitle
    })
    let count = 0
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!
      if (this.byDoc[hit.doc] === undefined) continue
      // Most candidates match nothing in their title: no need to ask each term.
      const titleTerms = hit.matched.title ? titleTermsFor(hit) : 0
      kept[count] = i
      titleTermsOf[count] = titleTerms
      scores[count] = rankScore(titleTerms, 0, hit.score)
      dates[count] = ranks[hit.doc]!
      count++
    }
    // `compareRanked`'s order (score, then the more recent), ties in candidate order as a
    // stable sort leaves them.
    const order = byRank(
      count,
      (a, b) => scores[b]! - scores[a]! || dates[b]! - dates[a]! || a - b,
      heap
    )

    const readsText =
      query.groups.length > 1 ||
      query.groups.some((group) => group.some(isPhrase)) ||
      query.excluded.some(isPhrase)
    // Only the first page is ever shown (and, for a closer reading, the first few pages): the
    // best of thousands of candidates are picked, not all of them sorted.
    let ranked: Ranked[] = []
    if (readsText) {
      const depth = Math.max(limit, RERANK_DEPTH)
      // A closer reading can only lower a candidate's title terms (an occurrence in the title
      // block is a match in the title field) and add a proximity tier (only with two groups or
      // more): its score is at most `bound`. Once the page is full and the next candidate's
      // bound is below the page's worst score, no later candidate can reach the page.
      const maxTier = query.groups.length > 1 ? 2 : 0
      const page = new PageFloor(limit)
      for (const j of order) {
        if (ranked.length >= depth) break
        const hit = hits[kept[j]!]!
        if (rankScore(titleTermsOf[j]!, maxTier, hit.score) < page.floor) break
        const article = this.byDoc[hit.doc]!
        const close = this.readClosely(article, hit, query, resolved.alternatives)
        if (!close) continue
        const score = rankScore(close.titleTerms, close.tier, hit.score)
        ranked.push({ article, doc: hit.doc, date: article.date, score })
        page.add(score)
      }
      ranked = bestRanked(ranked, limit)
    } else {
      for (const j of order) {
        if (ranked.length >= limit) break
        const doc = hits[kept[j]!]!.doc
        const article = this.byDoc[doc]!
        ranked.push({ article, doc, date: article.date, score: scores[j]! })
      }
    }

    // `ranked` holds at most `limit`: both paths above stop there.
    const results = ranked.map(({ article, doc, score }): SearchResult => {
      const matches = this.locate(article, query, resolved.alternatives, this.forwardOf(doc))
      const snippet = makeSnippet(article.text, article.blocks, matches)
      const speaker = snippetSpeaker(article.text, article.quotes, matches, snippet)
      const result: SearchResult = {
        kind: 'article',
        articleId: article.id,
        title: article.title,
        source: article.source,
        date: article.date,
        score,
        snippet,
        matchCount: matches.length,
        firstMatch: matches[0]?.start ?? 0
      }
      if (speaker) result.speaker = speaker
      return result
    })
    return { results, fuzzy: resolved.fuzzy }
  }

  /**
   * What the reader highlights in one article for a query: occurrences of the wanted terms
   * (a phrase as one range), in reading order, never excluded terms. Null for an unknown article.
   */
  matches(articleId: string, query: ParsedQuery): TextRange[] | null {
    const article = this.articles.get(articleId)
    if (!article) return null
    if (query.groups.length === 0) return []
    const { alternatives } = this.resolve(query)
    const forward = this.forward.get(article.id)
    return this.locate(article, query, alternatives, forward).map(({ start, end }) => ({
      start,
      end
    }))
  }

  /** Candidates satisfying every group and no excluded word, as far as the index can tell. */
  private resolve(query: ParsedQuery): Resolved {
    const key = formatQuery(query)
    if (this.lastResolved?.key === key) return this.lastResolved.value

    const positive = query.groups.flat()
    const clauses = positive.flatMap((term) => clausesFor(term))
    // Unordered: candidates are ranked again below, on more than the engine's score.
    let hits = this.engine.search(clauses, { ordered: false })
    const alternatives = new Map<string, Set<string>>()
    // Loops, not every/some: this runs for each of thousands of hits of a common word.
    const satisfied = (hit: EngineHit): boolean => {
      for (const group of query.groups) {
        let held = false
        for (const term of group)
          if (termInHit(term, hit, fieldsOf(term), alternatives)) {
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
    const satisfies = () => byRecord(satisfied)
    // One plain word: every hit of its clauses holds it (the check matters with more terms).
    const single = positive.length === 1 && positive[0]!.words.length === 1
    let candidates = single ? hits : hits.filter(satisfies())

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
            const found = hits.filter((hit) => wordInHit(word, hit, fieldsOf(term))).length
            const weak = found === 0 || (candidates.length === 0 && found < FUZZY_BELOW)
            return weak ? [{ word, exact: word.exact, term, distance }] : []
          })
        )
        .slice(0, MAX_FUZZY_WORDS)
      if (weak.length > 0) {
        hits = this.engine.search(
          [
            ...clauses,
            ...weak.map(({ exact, term, distance }): EngineClause => ({
              term: exact,
              kind: 'fuzzy',
              editDistance: distance,
              ...(term.field ? { fields: fieldsOf(term) } : {})
            }))
          ],
          { ordered: false }
        )
        for (const { exact, term, distance } of weak) {
          const close = alternatives.get(exact) ?? new Set<string>()
          for (const indexTerm of matchedTerms(hits, fieldsOf(term)))
            if (indexTerm !== exact && withinEditDistance(indexTerm, exact, distance))
              close.add(indexTerm)
          if (close.size > 0) alternatives.set(exact, close)
        }
        fuzzy = alternatives.size > 0
        candidates = hits.filter(satisfies())
      }
    }

    const excludedWords = query.excluded.filter((term) => !isPhrase(term))
    if (excludedWords.length > 0 && candidates.length > 0) {
      const excluded = new Set(
        this.engine
          .search(excludedWords.flatMap((term) => clausesFor(term)))
          .filter((hit) =>
            excludedWords.some((term) => termInHit(term, hit, fieldsOf(term), new Map()))
          )
          .map((hit) => hit.id)
      )
      candidates = candidates.filter((hit) => !excluded.has(hit.id))
    }

    const value = { candidates, alternatives, fuzzy }
    this.lastResolved = { key, value }
    return value
  }

  /**
   * Checks what the index cannot (phrases adjacent, excluded phrases absent) and measures how
   * the query's terms sit in the text. Null when the article does not really match.
   */
  private readClosely(
    article: ArticleView,
    hit: EngineHit,
    query: ParsedQuery,
    alternatives: Alternatives
  ): { titleTerms: number; tier: ProximityTier } | null {
    const forward = this.forwardOf(hit.doc)
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
          (!isPhrase(term) && termInHit(term, hit, fieldsOf(term), alternatives))
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
  private locate(
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

/** The lowest score on a page of the best `size` scores seen so far (-Infinity until full). */
class PageFloor {
  private readonly scores: number[] = []

  constructor(private readonly size: number) {}

  get floor(): number {
    return this.size === 0 || this.scores.length < this.size
      ? -Infinity
      : this.scores[this.size - 1]!
  }

  add(score: number): void {
    if (this.size === 0) return
    if (this.scores.length === this.size && score <= this.floor) return
    let at = this.scores.length
    while (at > 0 && this.scores[at - 1]! < score) at--
    this.scores.splice(at, 0, score)
    if (this.scores.length > this.size) this.scores.pop()
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

/** `answer` remembered per distinct matched record: it must read nothing else of the hit. */
function byRecord<T>(answer: (hit: EngineHit) => T): (hit: EngineHit) => T {
  const answers = new Map<EngineHit['matched'], T>()
  return (hit) => {
    let known = answers.get(hit.matched)
    if (known === undefined && !answers.has(hit.matched)) {
      known = answer(hit)
      answers.set(hit.matched, known)
    }
    return known!
  }
}

function isPhrase(term: QueryTerm): boolean {
  return term.kind === 'phrase' && term.words.length > 1
}

function fieldsOf(term: QueryTerm): readonly Field[] {
  // No article field holds speakers: a speaker term matches no article.
  if (term.field === 'speaker') return []
  return term.field ? [term.field] : FIELDS
}

/** Engine look-ups for a term's words: the analysed form, and the prefix being typed. */
function clausesFor(term: QueryTerm): EngineClause[] {
  const fields = term.field ? { fields: fieldsOf(term) } : {}
  return term.words.flatMap((word): EngineClause[] => [
    ...(word.exact !== null ? [{ term: word.exact, kind: 'exact' as const, ...fields }] : []),
    ...(word.prefix !== null ? [{ term: word.prefix, kind: 'prefix' as const, ...fields }] : [])
  ])
}

/**
 * Every index term the hits matched in the fields, once each. Hits that matched the same terms
 * share one Set (see `EngineHit#matched`): reading each Set once, rather than each hit's, makes
 * thousands of hits cost as much as their few distinct sets.
 */
function matchedTerms(hits: readonly EngineHit[], fields: readonly Field[]): Set<string> {
  const read = new Set<ReadonlySet<string>>()
  const terms = new Set<string>()
  for (const hit of hits)
    for (const field of fields) {
      const matched = hit.matched[field]
      if (!matched || read.has(matched)) continue
      read.add(matched)
      for (const term of matched) terms.add(term)
    }
  return terms
}

function wordInHit(
  word: QueryWord,
  hit: EngineHit,
  fields: readonly Field[],
  alternatives?: Alternatives
): boolean {
  const close = alternatives?.get(word.exact ?? '')
  // A plain word needs only a look-up: scanning every matched term made a query of many words
  // cost words² per candidate (a pasted paragraph took over half a second at 1,000 articles).
  const lookUp = word.exact !== null && word.prefix === null && close === undefined
  for (const field of fields) {
    const matched = hit.matched[field]
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
function termInHit(
  term: QueryTerm,
  hit: EngineHit,
  fields: readonly Field[],
  alternatives: Alternatives
): boolean {
  for (const word of term.words)
    if (
      (word.exact !== null || word.prefix !== null) &&
      !wordInHit(word, hit, fields, alternatives)
    )
      return false
  return true
}
