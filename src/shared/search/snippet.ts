import type { Block } from '../model/article'
import type { TextRange } from '../model/range'
import type { Snippet } from '../model/search'

/** About two lines of a results list: enough context to judge a match at a glance. */
export const SNIPPET_LENGTH = 160
/** How far back a snippet may start to begin at its sentence rather than mid-sentence. */
const SENTENCE_LOOKBACK = 90
const ELLIPSIS = '…'
/** The end of a sentence and the space after it, before the next sentence's first letter. */
const SENTENCE_END = /[.!?]["”’)]?\s+(?=\S)/g

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
  const inBody = matches.filter((match) => bodyBlockOf(blocks, match) !== undefined)
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
  const highlights = inBody
    .filter((match) => match.start >= start && match.end <= end)
    .map((match) => ({
      start: match.start - start + prefix.length,
      end: match.end - start + prefix.length
    }))
  return {
    text: prefix + text.slice(start, end).trim() + suffix,
    highlights: trimShift(text, start, highlights, prefix)
  }
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
    // A query has a handful of words: a list is cheaper than a Set made for every match.
    const words: (number | undefined)[] = []
    let count = 0
    for (let j = i; j < matches.length && matches[j]!.end <= limit; j++) {
      if (!words.includes(matches[j]!.word)) words.push(matches[j]!.word)
      count++
    }
    // Distinct words dominate; the match count only breaks ties between equally varied windows.
    const score = words.length * 1000 + count
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
  const before = text.slice(floor, offset)
  // One regular expression for every snippet: matchAll would copy it for each call.
  SENTENCE_END.lastIndex = 0
  let lastEnd = -1
  for (let match = SENTENCE_END.exec(before); match; match = SENTENCE_END.exec(before))
    lastEnd = match.index + match[0].length
  if (lastEnd >= 0) return floor + lastEnd
  if (floor === block.start) return block.start
  // No sentence start nearby: show a few words of lead-in instead.
  const leadIn = Math.max(block.start, offset - 40)
  const space = text.indexOf(' ', leadIn)
  return space >= 0 && space < offset ? space + 1 : offset
}

function cutAtSpace(text: string, start: number, end: number): number {
  const space = text.lastIndexOf(' ', end)
  if (space > start) return space
  // A single very long word: cut it, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(end)
  return code >= 0xdc00 && code <= 0xdfff ? end - 1 : end
}

/** `.trim()` may drop leading spaces from the slice; keep highlight offsets aligned with it. */
function trimShift(
  text: string,
  start: number,
  highlights: TextRange[],
  prefix: string
): TextRange[] {
  const slice = text.slice(start)
  const dropped = slice.length - slice.trimStart().length
  if (dropped === 0) return highlights
  return highlights.map((range) => ({
    start: Math.max(prefix.length, range.start - dropped),
    end: range.end - dropped
  }))
}
