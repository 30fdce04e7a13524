/**
 * Finds a highlight again in an article's current text, cheapest evidence first:
 *   1. the stored position, accepted only if the text there is still exactly the quote;
 *   2. the quote verbatim elsewhere (text was added or removed above it), repeats told apart
 *      by their context and closeness to the old position;
 *   3. the quote approximately (the passage itself was edited), see match-quote.ts;
 * and otherwise null: the highlight is orphaned, shown with its quote, never dropped.
 */
import type { AnnotationTarget } from '../model/annotation'
import type { TextRange } from '../model/range'
import { matchExactQuote, matchQuote } from './match-quote'

/** Where `target` is in `text` now, or null when it cannot be placed with confidence. */
export function anchor(text: string, target: AnnotationTarget): TextRange | null {
  const { position, quote } = target
  if (quote.exact === '') return null
  if (
    position.start >= 0 &&
    position.end <= text.length &&
    text.slice(position.start, position.end) === quote.exact
  )
    return { start: position.start, end: position.end }

  const context = { prefix: quote.prefix, suffix: quote.suffix, hint: position.start }
  const found =
    matchExactQuote(text, quote.exact, context) ?? matchQuote(text, quote.exact, context)
  return found ? { start: found.start, end: found.end } : null
}
