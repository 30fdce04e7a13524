import type { ListPlace } from './article'

/**
 * One block of a page's whole text, the fallback offered when extraction kept little of a
 * page: plain text (never markup) with the kind of block it was, so the reader can still show
 * the page's headings, paragraphs and lists.
 */
export type PageBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list-item'; list: ListPlace; text: string }
