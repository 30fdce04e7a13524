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
  kind: 'title' | 'standfirst' | 'heading' | 'paragraph' | 'blockquote'
  marks: InlineMark[]
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
}

/** A file under resources/articles that could not be loaded, and why. */
export interface SkippedFile {
  file: string
  reason: string
}
