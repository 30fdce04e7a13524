/**
 * Whose words a passage is: the direct quotation holding a range of an article's text, and the
 * speaker a search result's excerpt quotes.
 */
import type { Quote } from '../model/quote'
import type { TextRange } from '../model/range'
import type { Snippet } from '../model/search'

/**
 * The innermost direct quotation holding all of `range`, if any. Innermost, because words a
 * speaker quotes from someone else (a nested direct quote) are that other person's; a scare
 * quote inside a direct one is still the outer speaker's words, so scare quotes are skipped.
 */
export function directQuoteAt(quotes: readonly Quote[], range: TextRange): Quote | undefined {
  let found: Quote | undefined
  for (const quote of quotes) {
    if (quote.kind !== 'direct' || quote.speaker === null) continue
    if (quote.start > range.start || quote.end < range.end) continue
    if (!found || quote.end - quote.start < found.end - found.start) found = quote
  }
  return found
}

const ELLIPSIS = '\u2026'

/**
 * The speaker whose quotation holds the first match an excerpt shows, or undefined when it
 * shows none or that match is not in a direct quotation. The excerpt is a slice of `text`
 * (perhaps between ellipses); the match it highlights first is found by checking, for each
 * match with the same words, that the excerpt up to it lines up with the text before it.
 */
export function snippetSpeaker(
  text: string,
  quotes: readonly Quote[],
  matches: readonly TextRange[],
  snippet: Snippet
): string | undefined {
  const first = snippet.highlights[0]
  if (!first || quotes.length === 0) return undefined
  const words = snippet.text.slice(first.start, first.end)
  for (const prefix of snippet.text.startsWith(ELLIPSIS) ? [ELLIPSIS, ''] : ['']) {
    const into = first.start - prefix.length
    // The excerpt from its start to the end of that match: the suffix may be an ellipsis.
    const lead = snippet.text.slice(prefix.length, first.end)
    for (const match of matches) {
      if (text.slice(match.start, match.end) !== words) continue
      if (match.start < into || !text.startsWith(lead, match.start - into)) continue
      return directQuoteAt(quotes, match)?.speaker ?? undefined
    }
  }
  return undefined
}
