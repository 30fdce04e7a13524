import type { Block } from '../model/article'
import type { TextRange } from '../model/range'
import type { Snippet } from '../model/search'
import { isSpace } from './white-space'

/** About two lines of a results list: enough context to judge a match at a glance. */
export const SNIPPET_LENGTH = 160
/** How far back a snippet may start to begin at its sentence rather than mid-sentence. */
const SENTENCE_LOOKBACK = 90
const ELLIPSIS = '…'

/** A match to show; `word` tells which query word it matched, so variety can be preferred. */
export interface SnippetMatch extends TextRange {
  word?: number
}

/**
 * Picks the excerpt that shows the most matches within one block of the article, starting at a
 * sentence where that is close enough, and cutting only at spaces (never inside a word or a
 * surrogate pair). `matches` are sorted ranges in `text`; title matches are used only when
 * nothing else matched, because results already show the title.
 */
export function makeSnippet(text: string, blocks: Block[], matches: SnippetMatch[]): Snippet {
  const inBody = inBodyBlocks(blocks, matches)
  const anchor = densest(inBody, blocks)
  const block = anchor ? bodyBlockOf(blocks, anchor) : blocks.find(isBody)
  if (!block) return { text: '', highlights: [] }

  let start = block.start
  if (anchor) start = startBefore(text, block, anchor.start)
  let end = Math.min(block.end, start + SNIPPET_LENGTH)
  if (anchor && end < anchor.end) end = anchor.end
  if (end < block.end) end = cutAtSpace(text, start, end)

  const prefix = start > block.start ? ELLIPSIS : ''
  const suffix = end < block.end ? ELLIPSIS : ''
  // What `.trim()` of the excerpt drops, found in place rather than by copying the text: the
  // highlights shift by the leading part (counted to the end of the text, as trimming
  // `text.slice(start)` would), clamped to the prefix.
  let dropped = 0
  while (start + dropped < text.length && isSpace(text.charCodeAt(start + dropped))) dropped++
  const from = Math.min(start + dropped, end)
  let to = end
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  const highlights: TextRange[] = []
  for (const match of inBody)
    if (match.start >= start && match.end <= end)
      highlights.push({
        start: Math.max(prefix.length, match.start - start + prefix.length - dropped),
        end: match.end - start + prefix.length - dropped
      })
  return { text: prefix + text.slice(from, to) + suffix, highlights }
}

/**
 * The matches inside a block other than the title, in order: `matches` itself when all are (a
 * search's usual case), so no list is made for each result.
 */
function inBodyBlocks(blocks: readonly Block[], matches: SnippetMatch[]): SnippetMatch[] {
  let all = true
  for (const match of matches)
    if (bodyBlockOf(blocks, match) === undefined) {
      all = false
      break
    }
  return all ? matches : matches.filter((match) => bodyBlockOf(blocks, match) !== undefined)
}

function within(range: TextRange, block: TextRange): boolean {
  return range.start >= block.start && range.end <= block.end
}

function isBody(block: Block): boolean {
  return block.kind !== 'title'
}

/** The first block other than the title that holds the range (no list made per snippet). */
function bodyBlockOf(blocks: readonly Block[], range: TextRange): Block | undefined {
  for (const block of blocks) if (isBody(block) && within(range, block)) return block
  return undefined
}

/** The distinct query words of the window `densest` is counting (one thread, one at a time). */
const windowWords: (number | undefined)[] = []

/**
 * The match opening the window of one snippet's length that shows the most different query
 * words (then the most matches): "north korea talks" should show all three, not "North Korea" twice.
 */
function densest(matches: SnippetMatch[], blocks: readonly Block[]): SnippetMatch | undefined {
  let best: SnippetMatch | undefined
  let bestScore = 0
  for (let i = 0; i < matches.length; i++) {
    const first = matches[i]!
    // A snippet never spans two blocks, so neither may the window that chooses it.
    const blockEnd = bodyBlockOf(blocks, first)?.end ?? first.end
    const limit = Math.min(blockEnd, first.start + SNIPPET_LENGTH)
    // A query has a handful of words: one list, reused, is cheaper than a Set per match.
    let distinct = 0
    let count = 0
    for (let j = i; j < matches.length && matches[j]!.end <= limit; j++) {
      const word = matches[j]!.word
      let seen = false
      for (let w = 0; w < distinct && !seen; w++) seen = windowWords[w] === word
      if (!seen) windowWords[distinct++] = word
      count++
    }
    // Distinct words dominate; the match count only breaks ties between equally varied windows.
    const score = distinct * 1000 + count
    if (score > bestScore) {
      best = first
      bestScore = score
    }
  }
  return best
}

/** Start of the sentence holding `offset` if it is near, else a word boundary a little before it. */
function startBefore(text: string, block: TextRange, offset: number): number {
  const floor = Math.max(block.start, offset - SENTENCE_LOOKBACK)
  const sentence = lastSentenceStart(text, floor, offset)
  if (sentence >= 0) return sentence
  if (floor === block.start) return block.start
  // No sentence start nearby: show a few words of lead-in instead.
  const leadIn = Math.max(block.start, offset - 40)
  const space = text.indexOf(' ', leadIn)
  return space >= 0 && space < offset ? space + 1 : offset
}

/**
 * Where the last sentence starting in `text` between `from` and `to` begins, or -1: the end of
 * the last match of /[.!?]["”’)]?\s+(?=\S)/g in `text.slice(from, to)`, offset by `from`. Read
 * backwards from `to` in place, one character at a time until an end mark: the expression on a
 * copy of the span cost more than the rest of a snippet. Matches never overlap, so the last one
 * belongs to the last mark that starts one.
 */
export function lastSentenceStart(text: string, from: number, to: number): number {
  for (let mark = to - 3; mark >= from; mark--) {
    if (!isSentenceMark(text.charCodeAt(mark))) continue
    // Then perhaps one closer (a closer is not a space, so without it the spaces start at once).
    let at = isCloser(text.charCodeAt(mark + 1)) ? mark + 2 : mark + 1
    if (at >= to || !isSpace(text.charCodeAt(at))) continue
    while (at < to && isSpace(text.charCodeAt(at))) at++
    // The spaces must be followed by something within the span.
    if (at < to) return at
  }
  return -1
}

function isSentenceMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f
}

/** `"`, `”`, `’` or `)`. */
function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x29
}

function cutAtSpace(text: string, start: number, end: number): number {
  const space = text.lastIndexOf(' ', end)
  if (space > start) return space
  // A single very long word: cut it, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(end)
  return code >= 0xdc00 && code <= 0xdfff ? end - 1 : end
}
