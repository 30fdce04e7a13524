import { Cast } from '@shared/quotes/cast'
import { findMarkSpans } from '@shared/quotes/marks'
import { splitParagraphs, splitSentences, type Range } from '@shared/quotes/sentences'
import { TokenIndex } from '@shared/quotes/tokens'

/** The cast of `text`, read as extraction reads it (top-level quotations as quoted ranges). */
export function castOf(text: string): Cast {
  const paragraphs = splitParagraphs(text)
  const quotes = findMarkSpans(text, paragraphs)
    .filter((s) => s.depth === 0)
    .map((s): Range => [s.start, s.end])
  return new Cast(text, splitSentences(text, paragraphs), paragraphs, quotes, new TokenIndex(text))
}
