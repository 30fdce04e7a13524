import type { TextRange } from './range'

/**
 * One quotation in an article. `start`/`end` are UTF-16 offsets into the text it was extracted
 * from (for an article: its canonical `text`) and include the opening and closing marks; `text`
 * is what stands between the outer marks.
 */
export interface Quote extends TextRange {
  text: string
  /** `direct`: words attributed to someone; `scare`: a term, title or phrase with no speaker. */
  kind: 'direct' | 'scare'
  /** The canonical name as the article first introduces it; null for scare quotes. */
  speaker: string | null
}

/** One speaker across the library, for the Voices view. */
export interface VoiceSummary {
  speaker: string
  quoteCount: number
  /** The articles quoting them, in library order. */
  articles: { id: string; title: string }[]
}

/** One quotation of a speaker, with the article it came from. */
export interface VoiceQuote {
  articleId: string
  title: string
  source: string | null
  date: string | null
  quote: Quote
}
