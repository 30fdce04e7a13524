/**
 * Dossier's search: parses the query once, asks every provider (articles now; quotations and
 * notes plug in as further providers, see providers.ts) and merges their results by score.
 */
import type { ArticleView } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResponse, SearchResult } from '../model/search'
import { ArticleProvider } from './article-provider'
import type { SearchIndex } from './index-segments'
import type { LibraryForward } from './library-forward'
import type { SearchProvider } from './providers'
import { parseQuery } from './query-parser'
import { compareRanked } from './ranking'

export { toIndexedDocument } from './article-provider'

export const DEFAULT_LIMIT = 20

export class SearchService {
  private readonly articleProvider: ArticleProvider
  private readonly providers: readonly SearchProvider[]

  /**
   * @param providers further kinds of searchable things, searched alongside the articles.
   * @param forward the articles' forward index when already read (see library-forward.ts).
   */
  constructor(
    articles: readonly ArticleView[],
    engine: SearchIndex,
    providers: readonly SearchProvider[] = [],
    forward?: LibraryForward
  ) {
    this.articleProvider = new ArticleProvider(articles, engine, forward)
    this.providers = [this.articleProvider, ...providers]
  }

  /**
   * The best `limit` results for what the user typed; `cursor` is the caret position (the word
   * under it is matched as a prefix; by default the last word unless followed by a space).
   * Never throws on any input: what is not an operator is read as plain words.
   */
  search(raw: string, limit = DEFAULT_LIMIT, cursor?: number): SearchResponse {
    const query = parseQuery(raw, cursor)
    if (query.groups.length === 0) return { query: raw, results: [], fuzzy: false }
    // Plain loops: flatMap cost as much as a provider's answer to a rare word.
    const results: SearchResult[] = []
    let fuzzy = false
    for (const provider of this.providers) {
      const answer = provider.search(query, limit)
      for (const result of answer.results) results.push(result)
      fuzzy ||= answer.fuzzy
    }
    results.sort(compareRanked)
    if (results.length > limit) results.length = limit
    return { query: raw, results, fuzzy }
  }

  /** Articles added or removed since, already in (or out of) `engine`: see live-search.ts. */
  update(added: readonly ArticleView[], removedIds: readonly string[]): void {
    this.articleProvider.update(added, removedIds)
  }

  /** Every match of the query in one article, in reading order; null for an unknown article. */
  matches(articleId: string, raw: string): TextRange[] | null {
    return this.articleProvider.matches(articleId, parseQuery(raw))
  }
}
