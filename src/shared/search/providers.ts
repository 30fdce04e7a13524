/**
 * The plug for searchable things. Search covers articles now and quotations and notes later;
 * each kind is a `SearchProvider` that answers the same parsed query with results scored on the
 * shared scale of `ranking.ts`, and `SearchService` merges them by score. A new kind adds a
 * provider (and its `SearchResultKind`), with no change to parsing, merging or the IPC contract.
 */
import type { SearchResult, SearchResultKind } from '../model/search'
import type { ParsedQuery } from './query-parser'

/** What a provider answers: its best results and whether close spellings were used. */
export interface ProviderAnswer {
  results: SearchResult[]
  fuzzy: boolean
}

export interface SearchProvider {
  readonly kind: SearchResultKind
  /**
   * Up to `limit` results for a query with at least one group, best first, each `score`
   * computed with `rankScore` so providers merge fairly. Must not throw on any query.
   */
  search(query: ParsedQuery, limit: number): ProviderAnswer
}
