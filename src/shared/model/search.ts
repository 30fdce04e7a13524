import type { TextRange } from './range'

/** A short excerpt of an article with the matched words marked (offsets into `text`). */
export interface Snippet {
  text: string
  highlights: TextRange[]
}

export interface SearchResult {
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
}

export interface MatchesResponse {
  articleId: string
  query: string
  ranges: TextRange[]
}
