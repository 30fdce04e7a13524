/**
 * The library's search as it changes while the app runs: articles imported, edited, removed.
 * Articles are searched over a SegmentedIndex (index-segments.ts); quotations likewise over a
 * provider for the library as loaded (its removed articles left out) and small segments of
 * the articles added since (quote-segments.ts).
 */
import type { ArticleView } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResponse } from '../model/search'
import { toIndexedDocument } from './article-provider'
import { SegmentedIndex } from './index-segments'
import type { LibraryForward } from './library-forward'
import type { SearchEngine } from './lunr-engine'
import type { ProviderAnswer, SearchProvider } from './providers'
import type { ParsedQuery } from './query-parser'
import { QuoteProvider } from './quote-provider'
import { QuoteSegments } from './quote-segments'
import { SearchService } from './search-service'

export class LiveSearch {
  private readonly index: SegmentedIndex
  private readonly service: SearchService
  /** Every searchable article, in library order (added ones last). */
  private readonly articles = new Map<string, ArticleView>()
  private readonly added = new Set<string>()
  private baseQuotes: QuoteProvider
  private readonly deltaQuotes = new QuoteSegments()

  /** @param forward the articles' forward index when read from a file (library-forward.ts). */
  constructor(articles: readonly ArticleView[], engine: SearchEngine, forward?: LibraryForward) {
    for (const article of articles) this.articles.set(article.id, article)
    this.index = new SegmentedIndex(engine)
    this.baseQuotes = new QuoteProvider(articles)
    const quotes: SearchProvider = {
      kind: 'quote',
      search: (query, limit) => this.quotes(query, limit)
    }
    this.service = new SearchService(articles, this.index, [quotes], forward)
  }

  get size(): number {
    return this.articles.size
  }

  search(query: string, limit?: number, cursor?: number): SearchResponse {
    return this.service.search(query, limit, cursor)
  }

  matches(articleId: string, query: string): TextRange[] | null {
    return this.service.matches(articleId, query)
  }

  warm(): void {
    this.index.warm()
  }

  /** Adds (or replaces, by id) articles and removes others: searchable when this returns. */
  update(added: readonly ArticleView[], removedIds: readonly string[]): void {
    for (const id of removedIds) {
      this.articles.delete(id)
      this.added.delete(id)
    }
    for (const article of added) {
      this.articles.delete(article.id)
      this.articles.set(article.id, article)
      this.added.add(article.id)
    }
    this.index.update(added.map(toIndexedDocument), removedIds, (ids) =>
      ids.flatMap((id) => {
        const article = this.articles.get(id)
        return article ? [toIndexedDocument(article)] : []
      })
    )
    this.service.update(added, removedIds)
    this.deltaQuotes.update(added, removedIds)
  }

  /** Quotations of the library as loaded (its removed or replaced articles left out) and of the added ones. */
  private quotes(query: ParsedQuery, limit: number): ProviderAnswer {
    const base = this.baseQuotes.search(query, limit)
    const current = (articleId: string) =>
      this.articles.has(articleId) && !this.added.has(articleId)
    const results = base.results.filter((result) => current(result.articleId))
    const delta = this.deltaQuotes.search(query, limit)
    results.push(...delta.results)
    return { results, fuzzy: base.fuzzy || delta.fuzzy }
  }
}
