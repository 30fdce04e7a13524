/**
 * Articles as a search provider: candidates from the index, then the query's exact meaning
 * (phrases, exclusions, fields) checked against the text, ranked, and described with a snippet
 * and the offsets the reader highlights.
 */
import type { ArticleView } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResult } from '../model/search'
import { resolveCandidates, type Resolved } from './article-candidates'
import { ArticleText } from './article-text'
import type { Alternatives, ForwardText } from './forward-index'
import { byRecord, isPhrase, termInHit } from './hit-terms'
import type { SearchIndex } from './index-segments'
import { LibraryForward } from './library-forward'
import type { MatchedTerms } from './hit-list'
import type { Field, IndexedDocument } from './lunr-engine'
import type { ProviderAnswer, SearchProvider } from './providers'
import { formatQuery, type ParsedQuery } from './query-parser'
import { bestRanked, byRank, PageFloor, rankScore } from './ranking'
import { makeSnippet } from './snippet'
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
  /** The forward index searched: as given (read from the shipped file), or built here. */
  readonly library: LibraryForward
  /** Reads the articles' forward texts and (a library has few) their sources' words. */
  private readonly text: ArticleText
  /**
   * search:matches follows search:query with the same query: the close spellings it accepted
   * are kept for it. Only those: the candidates (thousands of hits) kept from one search to the
   * next outlived the young generation's collections, so V8 began allocating every search's
   * hits in the old generation, which more than doubled a common query's time.
   */
  private lastAlternatives: { key: string; value: Alternatives } | null = null

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
    this.text = new ArticleText(forward.vocabulary, forward.sources)
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
    this.lastAlternatives = null
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
    // Query groups matched in the title: asked once per distinct matched record, as
    // article-candidates.ts asks its groups.
    const titleTermsFor = byRecord((matched: MatchedTerms): number => {
      let inTitle = 0
      for (const group of query.groups)
        for (const term of group)
          if (
            (term.field === null || term.field === 'title') &&
            termInHit(term, matched, TITLE_ONLY, resolved.alternatives)
          ) {
            inTitle++
            break
          }
      return inTitle
    })
    let count = 0
    for (let i = 0; i < hits.length; i++) {
      const doc = hits.docs[i]!
      if (this.byDoc[doc] === undefined) continue
      const matched = hits.matched[i]!
      // Most candidates match nothing in their title: no need to ask each term.
      const titleTerms = matched.title ? titleTermsFor(matched) : 0
      kept[count] = i
      titleTermsOf[count] = titleTerms
      scores[count] = rankScore(titleTerms, 0, hits.scores[i]!)
      dates[count] = ranks[doc]!
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
      // more): its score is at most that bound. Candidates come by bound, then date: once the
      // page is full and shut to the next candidate's bound and date, no later one can reach it.
      const maxTier = query.groups.length > 1 ? 2 : 0
      // The bound is the first pass's score when no tier can be added: candidates come in
      // bound and date order exactly, and a tie on the bound is settled by the date. With a
      // tier added, two bounds may round equal where the scores differed: a tie reads on.
      const boundDate = (j: number) => (maxTier === 0 ? dates[j]! : Infinity)
      const page = new PageFloor(limit)
      for (const j of order) {
        if (ranked.length >= depth) break
        const hit = kept[j]!
        const doc = hits.docs[hit]!
        const engineScore = hits.scores[hit]!
        if (page.shuts(rankScore(titleTermsOf[j]!, maxTier, engineScore), boundDate(j))) break
        const article = this.byDoc[doc]!
        const close = this.text.readClosely(
          article,
          this.forwardOf(doc),
          hits.matched[hit]!,
          query,
          resolved.alternatives
        )
        if (!close) continue
        const score = rankScore(close.titleTerms, close.tier, engineScore)
        ranked.push({ article, doc, date: article.date, score })
        page.add(score, dates[j]!)
      }
      ranked = bestRanked(ranked, limit)
    } else {
      for (const j of order) {
        if (ranked.length >= limit) break
        const doc = hits.docs[kept[j]!]!
        const article = this.byDoc[doc]!
        ranked.push({ article, doc, date: article.date, score: scores[j]! })
      }
    }

    // `ranked` holds at most `limit`: both paths above stop there.
    const results = ranked.map(({ article, doc, score }): SearchResult => {
      const matches = this.text.locate(article, query, resolved.alternatives, this.forwardOf(doc))
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
    const alternatives = this.alternativesFor(query)
    const forward = this.forward.get(article.id)
    return this.text.locate(article, query, alternatives, forward).map(({ start, end }) => ({
      start,
      end
    }))
  }

  /** Candidates for the query (article-candidates.ts); its close spellings remembered. */
  private resolve(query: ParsedQuery): Resolved {
    const value = resolveCandidates(this.engine, query)
    this.lastAlternatives = { key: formatQuery(query), value: value.alternatives }
    return value
  }

  /** The close spellings the query's search accepted: the last search's when it was this query. */
  private alternativesFor(query: ParsedQuery): Alternatives {
    const key = formatQuery(query)
    if (this.lastAlternatives?.key === key) return this.lastAlternatives.value
    return this.resolve(query).alternatives
  }
}
