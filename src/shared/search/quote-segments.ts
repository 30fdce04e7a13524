/**
 * The quotations of articles added while the app runs, searched as two QuoteProviders instead
 * of one rebuilt from every added article on each change: the settled ones, and the few added
 * most recently. An update reads only the recent segment again, with the changed article; once
 * that segment outgrows the square root of the settled one (and a small floor), it is merged
 * into it, so each update reads O(√n) articles, amortised. More segments (a binary counter, as
 * index-segments.ts keeps for words) were measured and dropped: each provider asked costs a
 * search its own fixed work, and 15 providers of 64 articles answered a one-word search about
 * 8× slower than one of 1,000, where two answer as fast as one. A removed or replaced article's
 * segment is read again without it.
 */
import type { ArticleView } from '../model/article'
import type { ProviderAnswer } from './providers'
import type { ParsedQuery } from './query-parser'
import { QuoteProvider } from './quote-provider'
import { compareRanked } from './ranking'

/** The recent segment may hold this many articles however few are settled. */
const MIN_RECENT = 8

interface Segment {
  articles: ArticleView[]
  provider: QuoteProvider | null
}

export class QuoteSegments {
  private settled: Segment = { articles: [], provider: null }
  private recent: Segment = { articles: [], provider: null }

  /** @param read builds a segment's provider (tests count what is read). */
  constructor(
    private readonly read: (articles: ArticleView[]) => QuoteProvider = (articles) =>
      new QuoteProvider(articles)
  ) {}

  /** Articles in the settled and the recent segment. */
  get sizes(): [number, number] {
    return [this.settled.articles.length, this.recent.articles.length]
  }

  /** Removes `removedIds` and adds (or replaces, by id) `added`, reading only what changed. */
  update(added: readonly ArticleView[], removedIds: readonly string[]): void {
    const gone = new Set([...removedIds, ...added.map((article) => article.id)])
    const keep = (segment: Segment): Segment => {
      if (!segment.articles.some((article) => gone.has(article.id))) return segment
      return this.segment(segment.articles.filter((article) => !gone.has(article.id)))
    }
    this.settled = keep(this.settled)
    const recent = [...keep(this.recent).articles, ...added]
    if (recent.length > Math.max(MIN_RECENT, Math.sqrt(this.settled.articles.length))) {
      this.settled = this.segment([...this.settled.articles, ...recent])
      this.recent = this.segment([])
    } else if (added.length > 0 || recent.length !== this.recent.articles.length) {
      this.recent = this.segment(recent)
    }
  }

  search(query: ParsedQuery, limit: number): ProviderAnswer {
    const answers = [this.settled, this.recent].flatMap((segment) =>
      segment.provider ? [segment.provider.search(query, limit).results] : []
    )
    if (answers.length <= 1) return { results: answers[0] ?? [], fuzzy: false }
    // Each article is in one segment, so its own cap on quotations per article still holds.
    const results = answers.flat().sort(compareRanked)
    return { results: results.slice(0, limit), fuzzy: false }
  }

  private segment(articles: ArticleView[]): Segment {
    return { articles, provider: articles.length > 0 ? this.read(articles) : null }
  }
}
