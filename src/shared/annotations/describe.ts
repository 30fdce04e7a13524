/**
 * Describes a passage of an article's canonical text as W3C Web Annotation selectors: where it
 * is (TextPositionSelector) and what it says with a little context (TextQuoteSelector), so it
 * can be found again after the text around it, or the passage itself, changes.
 */
import type { AnnotationTarget } from '../model/annotation'
import type { TextRange } from '../model/range'

/**
 * Characters of context kept on each side of the quote: about five words, enough to tell
 * repeated phrases apart and to recognise the place after small edits (Hypothesis keeps 32).
 */
export const CONTEXT_LENGTH = 32

/**
 * The selectors for [start, end) of `text`. A boundary that falls between the halves of a
 * surrogate pair (an emoji, say) is moved outwards so no half-character is ever stored.
 * @throws RangeError when the range is empty or outside the text.
 */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length)
    throw new RangeError(`The range ${start}–${end} is outside the text (0–${text.length})`)
  if (start >= end) throw new RangeError(`The range ${start}–${end} is empty`)
  const range = widenToCharacters(text, { start, end })
  const prefixStart = outsidePair(text, Math.max(0, range.start - CONTEXT_LENGTH), 'forward')
  const suffixEnd = outsidePair(text, Math.min(text.length, range.end + CONTEXT_LENGTH), 'back')
  return {
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd)
    }
  }
}

/** The range grown so neither end splits a surrogate pair. */
export function widenToCharacters(text: string, range: TextRange): TextRange {
  return {
    start: outsidePair(text, range.start, 'back'),
    end: outsidePair(text, range.end, 'forward')
  }
}

/** `offset`, or its neighbour in `direction` when it falls inside a surrogate pair. */
function outsidePair(text: string, offset: number, direction: 'back' | 'forward'): number {
  if (offset <= 0 || offset >= text.length) return offset
  const inside = isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))
  if (!inside) return offset
  return direction === 'back' ? offset - 1 : offset + 1
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff
