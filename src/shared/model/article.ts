import type { Quote } from './quote'
import type { TextRange } from './range'

/**
 * Inline markup inside a block, as a range of the article's canonical text.
 * Links keep their target so the renderer can open web links in the system browser.
 */
export interface InlineMark extends TextRange {
  kind: 'em' | 'strong' | 'code' | 'link'
  href?: string
}

/**
 * One block of an article. `start`/`end` locate the block's text in `ArticleView.text`;
 * consecutive `blockquote` blocks belong to one quotation and render as one block quote.
 */
export interface Block extends TextRange {
  kind: 'title' | 'standfirst' | 'heading' | 'paragraph' | 'blockquote' | 'list-item'
  marks: InlineMark[]
  /** A heading's level (2–6), when the source gives one. */
  level?: number
  /** Where a `list-item` sits: `index` is its 1-based number within its own list. */
  list?: ListPlace
}

/** A list item's place: nested lists have depth 1, 2…; `index` counts within one list. */
export interface ListPlace {
  ordered: boolean
  depth: number
  index: number
}

/** What the library sidebar needs to list an article. Metadata is only what the text gives. */
export interface ArticleSummary {
  id: string
  title: string
  /** The byline, when the article names its author. */
  author: string | null
  source: string | null
  /** ISO date (YYYY-MM-DD) when the article states one. */
  date: string | null
  words: number
  readingMinutes: number
  /** Brought in by the user (lives in the data directory), not bundled with the app. */
  imported: boolean
  /** The canonical URL, only when the page or front matter gives one. */
  url: string | null
  /** BCP 47 language tag as the page or front matter gives it. */
  language: string | null
  /** The article's text direction, when the page says or its text shows it. */
  dir: 'ltr' | 'rtl' | null
}

/** How an imported article was extracted from its page. */
export interface Extraction {
  /** Extraction kept suspiciously little of the page's text. */
  thin: boolean
  /** How many images the article had (not shown yet). */
  images: number
}

/**
 * An article as the reader shows it. `text` is the canonical plain text that every range
 * (search hits, quotations, highlights) refers to: the blocks' texts joined by a blank line,
 * title first, then the standfirst, then the body.
 */
export interface ArticleView extends ArticleSummary {
  standfirst: string | null
  text: string
  blocks: Block[]
  /** Every quotation in `text`, in order (nested quotes follow the quote holding them). */
  quotes: Quote[]
  /** Null for bundled articles. */
  extraction: Extraction | null
}

/** A file under resources/articles that could not be loaded, and why. */
export interface SkippedFile {
  file: string
  reason: string
}

/** The summary part of an article: what the library list shows. */
export function summaryOf(article: ArticleSummary): ArticleSummary {
  const { id, title, author, source, date, words, readingMinutes, imported, url, language, dir } =
    article
  return { id, title, author, source, date, words, readingMinutes, imported, url, language, dir }
}

const SUMMARY_FIELDS = Object.keys(summaryOf({} as ArticleSummary)) as (keyof ArticleSummary)[]

/**
 * Whether two lists hold the same summaries in the same order: field by field, as JSON would
 * compare them (every field is a string, number, boolean or null), for a fraction of the time.
 */
export function sameSummaries(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    for (const field of SUMMARY_FIELDS) if (x[field] !== y[field]) return false
  }
  return true
}

/** Library order: newest first (undated last), then by title. */
export const inLibraryOrder = (a: ArticleSummary, b: ArticleSummary): number =>
  (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)
