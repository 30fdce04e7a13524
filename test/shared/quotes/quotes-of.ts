import { extractQuotes } from '@shared/quotes'

/** Each quotation as [the span with its marks, kind, speaker], in order. */
export function quotesOf(text: string): [string, string, string | null][] {
  return extractQuotes(text).map((q) => [text.slice(q.start, q.end), q.kind, q.speaker])
}
