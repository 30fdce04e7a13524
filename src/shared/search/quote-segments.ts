/**
 * The quotations of articles added while the app runs, searched as a few small QuoteProviders
 * instead of one rebuilt from every added article on each change: an update reads only the
 * changed article into a segment of its own, and equal-sized segments merge like a binary
 * counter (as index-segments.ts does for words), so each added article is read O(log n) times
 * in all and a search asks O(log n) providers. A removed or replaced article's segment is read
 * again without it.
 */
import type { ArticleView } from '../model/article'
import type { ProviderAnswer } from './providers'
import type { ParsedQuery } from './query-parser'
import { QuoteProvider } from './quote-provider'
import { compareRanked } from './ranking'

interface Segment {
  articles: ArticleView[]
  provider: QuoteProvider
}

export class QuoteSegments {
  /** Oldest (largest) first; no two of the same size after an add. */
  private segments: Segment[] = []

  /** @param read builds a segment's provider (tests count what is read). */
  constructor(
    private readonly read: (articles: ArticleView[]) => QuoteProvider = (articles) =>
      new QuoteProvider(articles)
  ) {}

  /** Articles in each segment, oldest first. */
  get sizes(): number[] {
    return this.segments.map((segment) => segment.articles.length)
  }

  /** Removes `removedIds` and adds (or replaces, by id) `added`, reading only what changed. */
  update(added: readonly ArticleView[], removedIds: readonly string[]): void {
    const gone = new Set([...removedIds, ...added.map((article) => article.id)])
    if (gone.size > 0) this.drop(gone)
    for (const article of added) this.add(article)
  }

  search(query: ParsedQuery, limit: number): ProviderAnswer {
    if (this.segments.length === 1) return this.segments[0]!.provider.search(query, limit)
    const results = this.segments.flatMap(
      (segment) => segment.provider.search(query, limit).results
    )
    // Each article is in one segment, so its own cap on quotations per article still holds.
    results.sort(compareRanked)
    return { results: results.slice(0, limit), fuzzy: false }
  }

  private add(article: ArticleView): void {
    let articles = [article]
    while (this.segments.length > 0 && this.segments.at(-1)!.articles.length <= articles.length)
      articles = [...this.segments.pop()!.articles, ...articles]
    this.segments.push({ articles, provider: this.read(articles) })
  }

  private drop(ids: ReadonlySet<string>): void {
    this.segments = this.segments.flatMap((segment) => {
      if (!segment.articles.some((article) => ids.has(article.id))) return [segment]
      const articles = segment.articles.filter((article) => !ids.has(article.id))
      return articles.length > 0 ? [{ articles, provider: this.read(articles) }] : []
    })
  }
}
