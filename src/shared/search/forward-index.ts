/**
 * A compact forward index: every article's analysed token sequence as typed arrays over one
 * shared vocabulary of distinct (analysed, folded) forms. Phrase verification, proximity and
 * highlighting read an article's words many times per query (a phrase query reads thousands of
 * candidates); analysing the text again each time costs far more than scanning integers, so
 * the analysis is done once, when the search side receives its articles.
 *
 * Semantics are those of the plain reference implementation in test/shared/search/reference-analysis.ts: the
 * same tokens, blocks and content positions, and a query word accepts exactly the vocabulary
 * entries `wordMatches` accepts. test/shared/search/forward-index.test.ts checks both agree.
 */
import type { TextRange } from '../model/range'
import type { QueryWord } from './query'
import { tokenize } from './tokenize'
import { Vocabulary, WordMatcher, type VocabularyArrays } from './vocabulary'

export { Vocabulary, WordMatcher, type VocabularyArrays }

type Compact = Uint8Array | Uint16Array | Uint32Array

/** The smallest unsigned typed array holding every value (offsets and lengths are mostly tiny). */
function compact(values: readonly number[]): Compact {
  let max = 0
  for (const value of values) if (value > max) max = value
  if (max <= 0xff) return Uint8Array.from(values)
  if (max <= 0xffff) return Uint16Array.from(values)
  return Uint32Array.from(values)
}

/** Larger than any window ranking looks at, so no window spans two blocks. */
export const BLOCK_GAP = 1000

/** One occurrence: its text range and the content positions it spans. */
export interface Occurrence extends TextRange {
  first: number
  last: number
  /** Block index in the text; -1 outside the article text (a source or author field). */
  block: number
}

/** Close spellings accepted for a word (from fuzzy search), by the word's analysed form. */
export type Alternatives = ReadonlyMap<string, ReadonlySet<string>>

/**
 * Tokens between checkpoints. A walk to an occurrence starts at the checkpoint before it, not at
 * the first token: for a rare word, a few dozen tokens read instead of most of the article, for
 * 12 bytes per 32 tokens (3 MB at 10,000 articles of 800 words).
 */
export const CHECKPOINT = 32

/**
 * Vocabulary ids: two bytes each where the vocabulary allows (under 65,536 forms: the shipped
 * index of 10,000 news articles has 60,000), which halves the largest array start-up reads.
 */
export type TermIds = Uint16Array | Uint32Array

/** One article's words: vocabulary ids, and offsets stored as gaps and lengths. */
export interface ForwardText {
  termIds: TermIds
  /** Start of each token minus the end of the one before (the first: its start). */
  gaps: Compact
  lengths: Compact
  /**
   * Where a walk through the tokens stands before every `CHECKPOINT`-th token: the previous
   * token's end, its content position + 1, and the block, three numbers per checkpoint.
   */
  checkpoints: Uint32Array
}

/**
 * A first word accepting at most this many entries is found with `indexOf` per entry, which
 * scans typed arrays several times faster than a loop reading the table at each token.
 */
const FEW_IDS = 4

/**
 * A text's tokens inside `blocks` as a `ForwardText` (text between and after blocks is left
 * out, as `analyseText` leaves it out).
 */
export function forwardText(
  text: string,
  blocks: readonly TextRange[],
  vocabulary: Vocabulary
): ForwardText {
  const ids: number[] = []
  const gaps: number[] = []
  const lengths: number[] = []
  let previousEnd = 0
  let block = 0
  for (const token of tokenize(text)) {
    while (block < blocks.length && token.start >= blocks[block]!.end) block++
    if (block >= blocks.length) break
    if (token.start < blocks[block]!.start) continue
    ids.push(vocabulary.idOf(token.text))
    gaps.push(token.start - previousEnd)
    lengths.push(token.end - token.start)
    previousEnd = token.end
  }
  const checkpoints: number[] = []
  const walk = new Walk()
  for (let t = 0; t < ids.length; t++) {
    if (t % CHECKPOINT === 0) checkpoints.push(walk.end, walk.position + 1, walk.block)
    walk.step(gaps[t]!, lengths[t]!, vocabulary.isStop(ids[t]!), blocks)
  }
  return {
    termIds: Uint32Array.from(ids),
    gaps: compact(gaps),
    lengths: compact(lengths),
    checkpoints: Uint32Array.from(checkpoints)
  }
}

/**
 * Reading a forward text token by token recovers each token's offsets, block and content
 * position (analyseText's rules: a stop word shares the position of the word before it, blocks
 * are `BLOCK_GAP` positions apart). `findForwardOccurrences` does the same on local variables.
 */
class Walk {
  /** End of the last token read; `start` is its start. */
  end = 0
  start = 0
  position = -1
  block = 0

  step(gap: number, length: number, stop: boolean, blocks: readonly TextRange[]): void {
    this.start = this.end + gap
    this.end = this.start + length
    while (this.block < blocks.length && this.start >= blocks[this.block]!.end) {
      this.block++
      this.position += BLOCK_GAP
    }
    if (!stop || this.position < 0) this.position++
  }
}

/** Bytes of a forward text's typed arrays. */
export function forwardTextBytes(forward: ForwardText): number {
  return (
    forward.termIds.byteLength +
    forward.gaps.byteLength +
    forward.lengths.byteLength +
    forward.checkpoints.byteLength
  )
}

// Where each occurrence being read starts (offset, content position, block), by hit number;
// reused (one thread, one article at a time) so a scan of thousands of candidates allocates
// nothing per article but its results.
let openStarts = new Int32Array(0)
let openFirsts = new Int32Array(0)
let openBlocks = new Int32Array(0)

/**
 * Every occurrence of the words (given as matchers, in order) as adjacent tokens within one
 * block; only in block `onlyBlock` when it is given (a `title:` term).
 */
export function findForwardOccurrences(
  forward: ForwardText,
  blocks: readonly TextRange[],
  vocabulary: Vocabulary,
  matchers: readonly WordMatcher[],
  onlyBlock?: number
): Occurrence[] {
  const found: Occurrence[] = []
  const k = matchers.length
  if (k === 0) return found
  const ids = forward.termIds
  // Ids alone first: most candidates of a phrase hold its words but never side by side, and
  // for them nothing needs decoding.
  let count = firstWordAt(ids, matchers[0]!, ids.length - k + 1)
  const hits = firstAt
  if (k > 1) {
    let kept = 0
    for (let h = 0; h < count; h++) {
      const i = hits[h]!
      let j = 1
      while (j < k && matchers[j]!.accepts[ids[i + j]!] === 1) j++
      if (j === k) hits[kept++] = i
    }
    count = kept
  }
  if (count === 0) return found
  // Walk from the checkpoint before each occurrence to its last token, noting offsets, block
  // and position where an occurrence starts and ends. Occurrences all span k tokens, so they
  // end in the order they started (phrases of repeated words overlap).
  const { gaps, lengths, checkpoints } = forward
  const stops = vocabulary.stops()
  if (openStarts.length < count) {
    const size = Math.max(count, openStarts.length * 2)
    openStarts = new Int32Array(size)
    openFirsts = new Int32Array(size)
    openBlocks = new Int32Array(size)
  }
  // Walk.step and Walk.restore, inlined on locals: this loop is the hot path of every search.
  let start = 0
  let end = 0
  let position = -1
  let block = 0
  // The current block's end, read once per block rather than from its object at every token.
  let blockEnd = blocks[0]?.end ?? Infinity
  let opened = 0
  let closed = 0
  const last = hits[count - 1]! + k - 1
  for (let t = 0; t <= last; t++) {
    if (closed === opened) {
      const checkpoint = Math.floor(hits[opened]! / CHECKPOINT)
      if (checkpoint * CHECKPOINT > t) {
        end = checkpoints[checkpoint * 3]!
        position = checkpoints[checkpoint * 3 + 1]! - 1
        block = checkpoints[checkpoint * 3 + 2]!
        blockEnd = blocks[block]?.end ?? Infinity
        t = checkpoint * CHECKPOINT
      }
    }
    start = end + gaps[t]!
    end = start + lengths[t]!
    while (start >= blockEnd) {
      block++
      position += BLOCK_GAP
      blockEnd = blocks[block]?.end ?? Infinity
    }
    if (stops[ids[t]!] !== 1 || position < 0) position++
    if (opened < count && hits[opened] === t) {
      openStarts[opened] = start
      openFirsts[opened] = position
      openBlocks[opened] = block
      opened++
    }
    while (closed < opened && hits[closed]! + k - 1 === t) {
      const from = openBlocks[closed]!
      if ((onlyBlock === undefined || from === onlyBlock) && from === block)
        found.push({
          start: openStarts[closed]!,
          end,
          first: openFirsts[closed]!,
          last: position,
          block
        })
      closed++
    }
  }
  return found
}

/**
 * Where the occurrences being read start, by token index (`firstWordAt`): reused like the
 * arrays above, rather than a list grown for each article a search reads.
 */
let firstAt = new Int32Array(64)

/** Puts the token indexes below `end` whose id the matcher accepts in `firstAt`, ascending: how many. */
function firstWordAt(ids: TermIds, matcher: WordMatcher, end: number): number {
  let count = 0
  if (matcher.ids.length <= FEW_IDS) {
    for (const id of matcher.ids)
      for (let i = ids.indexOf(id); i !== -1 && i < end; i = ids.indexOf(id, i + 1)) {
        if (count === firstAt.length) growFirstAt()
        firstAt[count++] = i
      }
    if (matcher.ids.length > 1) firstAt.subarray(0, count).sort()
  } else {
    const accepts = matcher.accepts
    for (let i = 0; i < end; i++)
      if (accepts[ids[i]!] === 1) {
        if (count === firstAt.length) growFirstAt()
        firstAt[count++] = i
      }
  }
  return count
}

function growFirstAt(): void {
  const grown = new Int32Array(firstAt.length * 2)
  grown.set(firstAt)
  firstAt = grown
}

/** Matchers for a term's words, with the close spellings fuzzy search accepted for them. */
export function matchersFor(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  alternatives?: Alternatives
): WordMatcher[] {
  return words.map((word) => vocabulary.matcher(word, alternatives?.get(word.exact ?? '')))
}
