import type { TextRange } from './range'

/** A short excerpt of an article with the matched words marked (offsets into `text`). */
export interface Snippet {
  text: string
  highlights: TextRange[]
}

/**
 * What a result is. Articles now; quotations and notes plug in later as further kinds, each
 * opening an article at a passage, so the results list and the reader need no changes.
 */
export type SearchResultKind = 'article'

export interface SearchResult {
  kind: SearchResultKind
  articleId: string
  title: string
  source: string | null
  date: string | null
  score: number
  snippet: Snippet
  /** How many matched words the article has in all. */
  matchCount: number
  /** Offset of the first match in the article's canonical text, for scrolling to it. */
  firstMatch: number
}

export interface SearchResponse {
  query: string
  results: SearchResult[]
  /** True when exact matching found little and close spellings were searched too. */
  fuzzy: boolean
}

/** Whether search is ready; while a large index loads, the library and reader already work. */
export interface SearchStatus {
  state: 'loading' | 'ready' | 'failed'
  /** 0–1 while loading. */
  progress: number
  articles: number
  message?: string
}

export interface MatchesResponse {
  articleId: string
  query: string
  ranges: TextRange[]
}
