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
import { analyseWord, foldForPrefix } from './lunr-engine'
import type { QueryWord } from './query'
import { tokenize } from './tokenize'

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

/** One article's words: vocabulary ids, and offsets stored as gaps and lengths (see `decode`). */
export interface ForwardText {
  termIds: Uint32Array
  /** Start of each token minus the end of the one before (the first: its start). */
  gaps: Compact
  lengths: Compact
}

/** Which vocabulary entries a query word accepts: `accepts[id] === 1`. */
export type WordMatcher = Uint8Array

/** Distinct word forms of a library, each analysed once. */
export class Vocabulary {
  private readonly analysed: (string | null)[] = []
  private readonly folded: string[] = []
  private readonly bySpelling = new Map<string, number>()
  private readonly byForms = new Map<string, number>()
  private readonly byAnalysed = new Map<string, number[]>()
  private readonly byFolded = new Map<string, number[]>()
  /** Ids ordered by folded form, so the words starting with a prefix are one run. */
  private sortedByFolded: Uint32Array | null = null

  get size(): number {
    return this.analysed.length
  }

  /** True when the entry is a stop word (it shares the position of the word before it). */
  isStop(id: number): boolean {
    return this.analysed[id] === null
  }

  /** The id of a spelling's forms, added when new. */
  idOf(spelling: string): number {
    let id = this.bySpelling.get(spelling)
    if (id !== undefined) return id
    const analysed = analyseWord(spelling)
    const folded = foldForPrefix(spelling)
    const key = `${analysed ?? ''}\u0000${analysed === null ? 0 : 1}\u0000${folded}`
    id = this.byForms.get(key)
    if (id === undefined) {
      id = this.analysed.length
      this.analysed.push(analysed)
      this.folded.push(folded)
      this.byForms.set(key, id)
      if (analysed !== null) push(this.byAnalysed, analysed, id)
      push(this.byFolded, folded, id)
      this.sortedByFolded = null
    }
    this.bySpelling.set(spelling, id)
    return id
  }

  /**
   * The entries `wordMatches(word, analysed, folded, close)` accepts, found through maps and
   * a binary search rather than by testing every entry: a query must not cost the vocabulary.
   */
  matcher(word: QueryWord, close?: ReadonlySet<string>): WordMatcher {
    const accepts = new Uint8Array(this.size)
    const mark = (ids: readonly number[] | undefined) => {
      if (ids) for (const id of ids) accepts[id] = 1
    }
    if (word.exact !== null) mark(this.byAnalysed.get(word.exact))
    if (word.prefix !== null) {
      const sorted = this.sorted()
      const prefix = word.prefix
      let low = 0
      let high = sorted.length
      while (low < high) {
        const mid = (low + high) >>> 1
        if (this.folded[sorted[mid]!]! < prefix) low = mid + 1
        else high = mid
      }
      for (let i = low; i < sorted.length && this.folded[sorted[i]!]!.startsWith(prefix); i++)
        accepts[sorted[i]!] = 1
    }
    if (close) for (const analysed of close) mark(this.byAnalysed.get(analysed))
    if (word.exact === null && word.prefix === null) mark(this.byFolded.get(word.folded))
    return accepts
  }

  /** Approximate bytes held: the strings (UTF-16) and the id tables, not the Map overhead. */
  bytes(): number {
    let chars = 0
    for (const [spelling] of this.bySpelling) chars += spelling.length
    for (let id = 0; id < this.size; id++)
      chars += (this.analysed[id]?.length ?? 0) + this.folded[id]!.length
    return chars * 2 + this.bySpelling.size * 8 + this.size * 16
  }

  private sorted(): Uint32Array {
    if (!this.sortedByFolded) {
      const ids = Array.from({ length: this.size }, (_, id) => id)
      const folded = this.folded
      ids.sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : a - b))
      this.sortedByFolded = Uint32Array.from(ids)
    }
    return this.sortedByFolded
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key)
  if (ids) ids.push(id)
  else map.set(key, [id])
}

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
  return { termIds: Uint32Array.from(ids), gaps: compact(gaps), lengths: compact(lengths) }
}

/** Bytes of a forward text's typed arrays. */
export function forwardTextBytes(forward: ForwardText): number {
  return forward.termIds.byteLength + forward.gaps.byteLength + forward.lengths.byteLength
}

// Decoded offsets, blocks and positions of the article being read; reused (one thread, one
// article at a time) so a scan of thousands of candidates allocates nothing per article.
let starts = new Int32Array(0)
let ends = new Int32Array(0)
let tokenBlocks = new Int32Array(0)
let positions = new Int32Array(0)

/** Recovers offsets, block and content position of the first `count` tokens (analyseText's rules). */
function decode(
  forward: ForwardText,
  blocks: readonly TextRange[],
  vocabulary: Vocabulary,
  count: number
): void {
  if (starts.length < count) {
    const size = Math.max(count, starts.length * 2)
    starts = new Int32Array(size)
    ends = new Int32Array(size)
    tokenBlocks = new Int32Array(size)
    positions = new Int32Array(size)
  }
  const { termIds, gaps, lengths } = forward
  let end = 0
  let position = -1
  let block = 0
  for (let i = 0; i < count; i++) {
    const start = end + gaps[i]!
    end = start + lengths[i]!
    while (block < blocks.length && start >= blocks[block]!.end) {
      block++
      position += BLOCK_GAP
    }
    if (!vocabulary.isStop(termIds[i]!) || position < 0) position++
    starts[i] = start
    ends[i] = end
    tokenBlocks[i] = block
    positions[i] = position
  }
}

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
  const first = matchers[0]!
  // Ids alone first: most candidates of a phrase hold its words but never side by side, and
  // for them nothing needs decoding.
  const hits: number[] = []
  for (let i = 0; i + k <= ids.length; i++) {
    if (first[ids[i]!] !== 1) continue
    let j = 1
    while (j < k && matchers[j]![ids[i + j]!] === 1) j++
    if (j === k) hits.push(i)
  }
  if (hits.length === 0) return found
  decode(forward, blocks, vocabulary, hits[hits.length - 1]! + k)
  for (const i of hits) {
    const block = tokenBlocks[i]!
    if (onlyBlock !== undefined && block !== onlyBlock) continue
    if (tokenBlocks[i + k - 1] !== block) continue
    found.push({
      start: starts[i]!,
      end: ends[i + k - 1]!,
      first: positions[i]!,
      last: positions[i + k - 1]!,
      block
    })
  }
  return found
}

/** Matchers for a term's words, with the close spellings fuzzy search accepted for them. */
export function matchersFor(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  alternatives?: Alternatives
): WordMatcher[] {
  return words.map((word) => vocabulary.matcher(word, alternatives?.get(word.exact ?? '')))
}
