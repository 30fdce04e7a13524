/**
 * Quotation extraction (issue 4): every quotation in a text, whether it is someone's words
 * (`direct`) or a term held at arm's length (`scare`), and who said it. The pipeline:
 * marks.ts pairs the quotation marks; sentences.ts splits paragraphs and sentences; cast.ts
 * finds the cast; reader.ts reads the quotations in document order, so "he said" can lean on
 * who spoke last, with attribution.ts and sentence-attribution.ts finding each speaker phrase
 * and speaker-resolution.ts naming it; a quote standing alone after `…, she said.` borrows the
 * speaker of the sentence before; then echoes.ts gives a quotation that holds the same words
 * as an attributed one (a headline quoting the body) its speaker.
 */
import type { Quote } from '../model/quote'
import { maskAffiliations } from './affiliations'
import { maskBoilerplate } from './boilerplate'
import { Cast } from './cast'
import { borrowFromEchoes } from './echoes'
import { findMarkSpans, type MarkSpan } from './marks'
import { nestQuotes } from './nesting'
import { Reader } from './reader'
import { splitParagraphs, splitSentences, type Range } from './sentences'
import { TokenIndex } from './tokens'

export type { Quote } from '../model/quote'
export { QUOTE_RULES_VERSION } from './version'

/**
 * Every quotation in `text`, in order of start (a nested quote follows the quote holding it).
 * `start`/`end` include the marks (for a quotation its paragraph never closed, `end` is the
 * paragraph end); `text` is what stands between the outer marks. Never throws.
 */
export function extractQuotes(original: string): Quote[] {
  if (typeof original !== 'string' || original.length === 0) return []
  const unmasked = maskBoilerplate(original)
  const links = unmasked.links
  const text = maskAffiliations(unmasked.text)
  const paragraphs = splitParagraphs(text)
  const spans = withLinkQuotations(findMarkSpans(text, paragraphs), original, links)
  if (spans.length === 0) return []
  const sentences = splitSentences(text, paragraphs)
  const tokens = new TokenIndex(text)
  const inLink = (span: MarkSpan): boolean =>
    links.some(([start, end]) => span.start >= start && span.start < end)
  const top = spans.filter((span) => span.depth === 0 && !inLink(span))
  const quoteRanges = top.map((span): Range => [span.start, span.end])
  const cast = new Cast(text, sentences, paragraphs, quoteRanges, tokens)
  const reader = new Reader(text, tokens, paragraphs, sentences, top, cast)
  const verdicts = reader.readAll()
  const family = nestQuotes(spans)
  for (const span of spans) {
    const parent = family.parent.get(span)
    if (parent && !inLink(span))
      verdicts.set(span, reader.readNested(span, parent, family.children.get(parent)!))
  }
  borrowFromEchoes(text, top, family, verdicts, paragraphs)
  return spans.map((span) => {
    const verdict = verdicts.get(span) ?? { kind: 'scare', speaker: null, entity: null }
    return {
      start: span.start,
      end: span.end,
      text: original.slice(span.start + 1, span.closed ? span.end - 1 : span.end),
      kind: verdict.kind,
      speaker: verdict.kind === 'scare' ? null : verdict.speaker
    }
  })
}

/**
 * The quotations of link lines ("READ MORE: …"), which blanking removed, put back among the
 * others: they are listed (as titles, with no speaker) like every quotation in the text.
 */
function withLinkQuotations(spans: MarkSpan[], original: string, links: Range[]): MarkSpan[] {
  if (links.length === 0) return spans
  const linked = links.flatMap(([start, end]) =>
    findMarkSpans(original.slice(0, end), [[start, end]])
  )
  return [...spans, ...linked].sort((a, b) => a.start - b.start || b.end - a.end)
}
