/**
 * Finding a stored quote in a text that may have changed, scored on how well the quote, the
 * context on either side and the distance from the old position agree. Pure string work, no
 * DOM. The fuzzy search is Myers' bit-parallel approximate matching from `approx-string-match`,
 * the library Hypothesis's client uses for the same job.
 */
import approxSearch from 'approx-string-match'
import type { TextRange } from '../model/range'
import { CONTEXT_LENGTH } from './describe'

/** What is known of a quote besides its text: the stored context and where it used to be. */
export interface QuoteContext {
  prefix: string
  suffix: string
  /** The quote's old start offset. */
  hint: number
}

/** A place the quote was found, with its score in [0, 1] (1: quote, context and place agree). */
export interface QuoteMatch extends TextRange {
  score: number
}

/**
 * How much each kind of evidence counts (Hypothesis's weights). The quote dominates: it is what
 * the reader chose. The context tells repeated phrases apart and vouches for an edited quote.
 * Position is a weak tie-breaker: edits above a passage move it without making it less right.
 */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position

/**
 * Below this score a candidate is not the passage. With an exact quote (0.54 of the score on
 * its own) almost any context passes; a quote at the fuzzy limit (half its characters wrong,
 * 0.27) passes only when both sides of its context are still about three-quarters the same;
 * a deleted passage's nearest look-alike, with unrelated context, scores about 0.45 and fails.
 */
export const MIN_SCORE = 0.6

/**
 * A quote shorter than this (two or three words) says too little on its own: "Kim" or "the
 * talks" recur all over an article. Found by search rather than at its position, it must also
 * keep at least half of its context on average, or it is treated as lost.
 */
export const SHORT_QUOTE = 16
const MIN_SHORT_QUOTE_CONTEXT = 0.5

/**
 * At most this share of the quote's characters may differ in a fuzzy match (and never more
 * than 256 edits, which bounds the search's cost on a long passage). Beyond half, a "match" is
 * as likely to be any other sentence.
 */
const MAX_ERROR_RATE = 0.5
const MAX_ERRORS = 256

/**
 * The best exact occurrence of `quote` in `text`, its repeats told apart by context and
 * position; null when the quote does not occur or no occurrence is good enough.
 */
export function matchExactQuote(
  text: string,
  quote: string,
  context: QuoteContext
): QuoteMatch | null {
  if (quote === '') return null
  const candidates: TextRange[] = []
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1))
    candidates.push({ start: at, end: at + quote.length })
  return best(text, quote, candidates, () => 1, context)
}

/**
 * The best approximate occurrence of `quote` in `text` (insertions, deletions and
 * substitutions allowed up to half its length), or null when nothing scores `MIN_SCORE`.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  if (quote === '' || text === '') return null
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * MAX_ERROR_RATE))
  // The library answers every place with the lowest error count it found.
  const found = approxSearch(text, quote, maxErrors)
  const errors = new Map(found.map((match) => [`${match.start}:${match.end}`, match.errors]))
  return best(
    text,
    quote,
    found.map(({ start, end }) => ({ start, end })),
    (candidate) =>
      1 - (errors.get(`${candidate.start}:${candidate.end}`) ?? quote.length) / quote.length,
    context
  )
}

function best(
  text: string,
  quote: string,
  candidates: readonly TextRange[],
  quoteSimilarity: (candidate: TextRange) => number,
  context: QuoteContext
): QuoteMatch | null {
  let winner: QuoteMatch | null = null
  for (const candidate of candidates) {
    const prefix = prefixSimilarity(text, candidate.start, context.prefix)
    const suffix = suffixSimilarity(text, candidate.end, context.suffix)
    if (quote.length < SHORT_QUOTE && (prefix + suffix) / 2 < MIN_SHORT_QUOTE_CONTEXT) continue
    const position = 1 - Math.min(1, Math.abs(candidate.start - context.hint) / text.length)
    const score =
      (WEIGHTS.quote * quoteSimilarity(candidate) +
        WEIGHTS.prefix * prefix +
        WEIGHTS.suffix * suffix +
        WEIGHTS.position * position) /
      TOTAL_WEIGHT
    if (score >= MIN_SCORE && (!winner || score > winner.score))
      winner = { start: candidate.start, end: candidate.end, score }
  }
  return winner
}

/**
 * How alike the stored prefix is to the text just before `start`, in [0, 1]. Only the
 * `CONTEXT_LENGTH` characters nearest the quote count (a foreign file may store more). An
 * empty stored prefix means the quote opened the text, so it agrees only at the very start.
 */
function prefixSimilarity(text: string, start: number, stored: string): number {
  const prefix = stored.slice(-CONTEXT_LENGTH)
  if (prefix === '') return start === 0 ? 1 : 0
  return similarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
}

/** As `prefixSimilarity`, after the quote: an empty suffix agrees only at the very end. */
function suffixSimilarity(text: string, end: number, stored: string): number {
  const suffix = stored.slice(0, CONTEXT_LENGTH)
  if (suffix === '') return end === text.length ? 1 : 0
  return similarity(suffix, text.slice(end, end + suffix.length))
}

/** 1 − Levenshtein distance / the longer length: 1 for equal strings, 0 for nothing alike. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost))
    }
    previous = current
  }
  return 1 - previous[b.length]! / longer
}
