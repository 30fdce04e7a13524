/**
 * A quotation with no speaker of its own that repeats the words of an attributed one (a
 * headline quoting the body) takes that quotation's speaker.
 */
import type { MarkSpan } from './marks'
import type { Family } from './nesting'
import type { Verdict } from './reader'
import type { Range } from './sentences'

/**
 * Echoes are looked for among the first quotations without a speaker (headlines and
 * standfirsts come first) and the first attributed ones: enough for any article, and bounded
 * for a pathological text with tens of thousands of quotation marks.
 */
const ECHO_CANDIDATES = 100
const ECHO_SOURCES = 300

/**
 * A quotation with no speaker of its own whose words another attributed quotation holds
 * (a headline quoting the body: "That Bring Nothing" ← "…such talks that bring nothing…")
 * is that speaker's too. Needs two words at least: one word in common proves nothing.
 */
export function borrowFromEchoes(
  text: string,
  top: MarkSpan[],
  family: Family,
  verdicts: Map<MarkSpan, Verdict>,
  paragraphs: Range[]
): void {
  // Only the headline and standfirst echo the body; further down, shared words are a cliché.
  const lead = paragraphs[Math.min(1, paragraphs.length - 1)]![1]
  const candidates = top
    .filter((span) => span.start < lead && !verdicts.get(span)?.speaker)
    .slice(0, ECHO_CANDIDATES)
    .map((span) => ({ span, words: ` ${fold(text.slice(span.start, span.end))} ` }))
    .filter(({ words }) => words.trim().includes(' '))
  if (candidates.length === 0) return
  const sources = top
    .filter((span) => verdicts.get(span)?.kind === 'direct' && verdicts.get(span)?.speaker)
    .slice(0, ECHO_SOURCES)
    .map((span) => ({ span, raw: text.slice(span.start, span.end).toLowerCase(), words: '' }))
  for (const { span, words } of candidates) {
    // A cheap test on the raw text first, since folding every source costs more than the
    // rest; folding drops apostrophes, so only the first word's first letters are compared.
    const opening = words.trim().split(' ', 1)[0]!.slice(0, 3)
    const source = sources.find((s) => {
      if (!s.raw.includes(opening)) return false
      s.words ||= ` ${fold(s.raw)} `
      if (!s.words.includes(words)) return false
      // Quotes the speaker quotes are someone else's words, not theirs to lend.
      const quoted = family.children.get(s.span) ?? []
      return !quoted.some((inner) =>
        ` ${fold(text.slice(inner.start, inner.end))} `.includes(words)
      )
    })
    if (source) verdicts.set(span, { ...verdicts.get(source.span)! })
  }
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
