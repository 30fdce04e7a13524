/**
 * Finds quotation marks in plain text and pairs them into spans. Works paragraph by paragraph
 * (a blank line ends one) so an unbalanced mark can never reach past its own paragraph, except
 * for the one convention that deliberately leaves a mark open: a quotation running over several
 * paragraphs, where each paragraph but the last opens without closing and the next one reopens.
 */
import { splitParagraphs, type Range } from './sentences'

/** A paired (or, for doubles, paragraph-closed) quotation: offsets include the marks. */
export interface MarkSpan {
  start: number
  end: number
  /** 0 for an outermost quotation, 1 for a quote inside it, and so on. */
  depth: number
  /** False when the paragraph ended before a closing mark did (`end` is then the paragraph end). */
  closed: boolean
  /** Offsets of marks that reopen the quotation in later paragraphs (multi-paragraph quotes). */
  reopenedAt: number[]
}

type Family = 'double' | 'single'
type Role = 'open' | 'close' | 'either' | 'none'

interface OpenMark {
  family: Family
  glyph: string
  at: number
  reopenedAt: number[]
}

const OPENERS_DOUBLE = new Set(['“', '„', '«', '「'])
const CLOSERS_DOUBLE = new Set(['”', '»', '」'])
/** Quotations inside quotations inside quotations: deeper than this is noise. */
const MAX_DEPTH = 4
/** Any character that can be a quotation mark, for a fast first test. */
const MARK_CHARS = /["'“”„«»「」‘’‚‹›『』]/g

/** Words an apostrophe elides at their start ('90s, 'em): never an opening single quote. */
const LEADING_ELISION = /^(?:\d\ds?|em|til|cause|tis|twas|n|bout|round)\b/i

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch)
/** Characters after which a quotation may open: space, brackets, dashes, slashes. */
const isOpeningContext = (ch: string | undefined): boolean =>
  ch === undefined || /[\s([{\-–—/]/.test(ch)

/**
 * Pairs the quotation marks of `text` into spans, outermost first among equals (sorted by start).
 * Never throws, whatever the input; runs in one pass over the marks plus a look-ahead only for
 * an ambiguous plural possessive inside a single quote.
 */
export function findMarkSpans(
  text: string,
  paragraphs: Range[] = splitParagraphs(text)
): MarkSpan[] {
  const spans: MarkSpan[] = []
  const stack: OpenMark[] = []
  let reopened = false
  paragraphs.forEach(([start, end], index) => {
    // The mark reopening a running quotation belongs to it: it is not a new quotation.
    MARK_CHARS.lastIndex = reopened ? start + 1 : start
    for (
      let match = MARK_CHARS.exec(text);
      match && match.index < end;
      match = MARK_CHARS.exec(text)
    ) {
      pairMark(text, match.index, match[0], stack, spans, end)
    }
    const next = paragraphs[index + 1]
    reopened = endParagraph(text, stack, spans, end, next?.[0] ?? text.length)
    if (reopened && next) stack[0]!.reopenedAt.push(next[0])
  })
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  // Depth counts the quotations actually kept around a span: one whose opener turned out to
  // be an apostrophe ("the 'one here") holds nothing.
  const open: MarkSpan[] = []
  for (const span of spans) {
    while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop()
    span.depth = open.length
    open.push(span)
  }
  return spans
}

/** Opens, closes or ignores the one mark at `at`, updating the stack of open quotations. */
function pairMark(
  text: string,
  at: number,
  glyph: string,
  stack: OpenMark[],
  spans: MarkSpan[],
  paragraphEnd: number
): void {
  const family: Family = isDoubleGlyph(glyph) ? 'double' : 'single'
  const role = roleOf(text, at, glyph, stack)
  if (role === 'none') return
  const openIndex = findOpen(stack, family)
  const closes = role === 'close' || (role === 'either' && openIndex >= 0)
  if (closes) {
    if (openIndex < 0) return
    if (
      family === 'single' &&
      /s/i.test(text[at - 1] ?? '') &&
      looksPossessive(text, at, paragraphEnd)
    )
      return
    const open = stack[openIndex]!
    // Inner marks still open were apostrophes or typos: they are dropped, not emitted.
    stack.length = openIndex
    spans.push({
      start: open.at,
      end: at + 1,
      depth: openIndex,
      closed: true,
      reopenedAt: open.reopenedAt
    })
    return
  }
  if (openIndex >= 0 && family === 'double' && stack[openIndex]!.glyph === glyph) {
    // The same double mark opening again while open: the earlier one was never closed.
    stack.length = openIndex
  }
  // Prose never nests quotations this deep: more openers are stray marks, not quotations.
  if (stack.length >= MAX_DEPTH) return
  stack.push({ family, glyph, at, reopenedAt: [] })
}

/**
 * Closes the paragraph ending at `end`. Returns true when the outermost open quotation carries
 * on into the paragraph starting at `nextStart` (which reopens it with a mark of its family).
 */
function endParagraph(
  text: string,
  stack: OpenMark[],
  spans: MarkSpan[],
  end: number,
  nextStart: number
): boolean {
  if (stack.length === 0) return false
  const outer = stack[0]!
  const next = text[nextStart]
  if (
    outer.family === 'double' &&
    next !== undefined &&
    isDoubleGlyph(next) &&
    (OPENERS_DOUBLE.has(next) || next === '"') &&
    !isSpace(text[nextStart + 1])
  ) {
    stack.length = 1
    return true
  }
  // A single quote left open at the top level was most likely an apostrophe; a double one is
  // a quotation whose closing mark is missing, so it runs to the end of its paragraph only.
  if (outer.family === 'double') {
    spans.push({
      start: outer.at,
      end,
      depth: 0,
      closed: false,
      reopenedAt: outer.reopenedAt
    })
  }
  stack.length = 0
  return false
}

function isDoubleGlyph(glyph: string): boolean {
  return glyph === '"' || OPENERS_DOUBLE.has(glyph) || CLOSERS_DOUBLE.has(glyph)
}

function findOpen(stack: OpenMark[], family: Family): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.family === family) return i
  return -1
}

/**
 * Decides whether the mark at `at` opens, closes, may do either (decided by what is open), or
 * is not a quotation mark at all (an apostrophe, an inch sign). Flanking is what typesetters
 * go by: a mark with space before and a word after opens; a word before and space after closes.
 */
function roleOf(text: string, at: number, glyph: string, stack: OpenMark[]): Role {
  const before = text[at - 1]
  const after = text[at + 1]
  const opensHere = isOpeningContext(before) && !isSpace(after)
  const closesHere = !isSpace(before) && !isOpeningContext(before) && isClosingContext(after)
  switch (glyph) {
    case '“':
    case '„':
    case '«':
    case '「':
    case '‚':
    case '‹':
    case '『':
      // Curly openers are trusted unless they plainly sit where a closer belongs.
      return closesHere && !opensHere ? 'either' : 'open'
    case '”':
    case '»':
    case '」':
    case '›':
    case '』':
      return opensHere && !closesHere ? 'either' : 'close'
    case '"':
      if (/\d/.test(before ?? '') && findOpen(stack, 'double') < 0) return 'none' // 12" pizza
      if (opensHere) return 'open'
      if (closesHere) return 'close'
      return 'either'
    case '‘':
      return closesHere && !opensHere ? 'none' : 'open'
    case '’':
    case "'": {
      if (isLetter(before) && isLetter(after)) return 'none' // don't, Korea's, O'Brien
      if (opensHere) {
        if (glyph === '’') return 'none' // ’90s: a typeset apostrophe, never an opener
        return LEADING_ELISION.test(text.slice(at + 1, at + 6)) ? 'none' : 'open'
      }
      if (findOpen(stack, 'single') < 0) return 'none' // Growers' with nothing to close
      return closesHere || !isSpace(before) ? 'close' : 'none'
    }
    default:
      return 'none'
  }
}

function isClosingContext(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?)\]}\-–—/"'”’»」』…]/.test(ch)
}

/**
 * `s'` inside an open single quote: a plural possessive (the Growers' union) rather than the
 * close when a word follows and another closing candidate comes later in the paragraph.
 */
function looksPossessive(text: string, at: number, paragraphEnd: number): boolean {
  if (!/^ [\p{L}\p{N}]/u.test(text.slice(at + 1, at + 3))) return false
  const rest = text.slice(at + 1, Math.min(paragraphEnd, at + 400))
  return /[\p{L}\p{N}.,!?]['’](?![\p{L}\p{N}])/u.test(rest)
}
