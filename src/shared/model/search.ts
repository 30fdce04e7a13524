import type { TextRange } from './range'

/** A short excerpt of an article with the matched words marked (offsets into `text`). */
export interface Snippet {
  text: string
  highlights: TextRange[]
}

/**
 * What a result is: an article, a quotation in one, or one of the user's notes. Each opens an
 * article at a passage (`firstMatch`), so the results list and the reader treat them alike.
 */
export type SearchResultKind = 'article' | 'quote' | 'note'

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
  /**
   * Whose words the result is: the speaker of a `quote` result, or of the quotation an
   * article result's snippet falls inside. Absent when not inside a direct quotation.
   */
  speaker?: string
  /** The annotation a `note` result is. */
  annotationId?: string
  /**
   * The passage a `quote` or `note` result stands for (the quotation, the highlight), which
   * the reader opens at. Absent for article results and for notes on a whole article.
   */
  passage?: TextRange
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
