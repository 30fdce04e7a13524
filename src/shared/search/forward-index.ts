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

/**
 * Tokens between checkpoints. A walk to an occurrence starts at the checkpoint before it, not at
 * the first token: for a rare word, a few dozen tokens read instead of most of the article, for
 * 12 bytes per 32 tokens (3 MB at 10,000 articles of 800 words).
 */
export const CHECKPOINT = 32

/** One article's words: vocabulary ids, and offsets stored as gaps and lengths. */
export interface ForwardText {
  termIds: Uint32Array
  /** Start of each token minus the end of the one before (the first: its start). */
  gaps: Compact
  lengths: Compact
  /**
   * Where a walk through the tokens stands before every `CHECKPOINT`-th token: the previous
   * token's end, its content position + 1, and the block, three numbers per checkpoint.
   */
  checkpoints: Uint32Array
}

/** A vocabulary as plain lists (see `Vocabulary#toArrays`). */
export interface VocabularyArrays {
  analysed: readonly (string | null)[]
  folded: readonly string[]
  spellings: readonly string[]
  spellingIds: Uint32Array
}

/** Which vocabulary entries a query word accepts. */
export class WordMatcher {
  private table: Uint8Array | null = null

  /**
   * @param ids the accepted entries, ascending and distinct
   * @param size the vocabulary's size when the matcher was made
   */
  constructor(
    readonly ids: Uint32Array,
    private readonly size: number
  ) {}

  /**
   * `accepts[id] === 1` for an accepted entry: a table the size of the vocabulary, made only
   * when a scan needs it (a plain word, the usual query, is found by its few ids instead).
   */
  get accepts(): Uint8Array {
    if (!this.table) {
      this.table = new Uint8Array(this.size)
      for (const id of this.ids) this.table[id] = 1
    }
    return this.table
  }
}

/**
 * A first word accepting at most this many entries is found with `indexOf` per entry, which
 * scans typed arrays several times faster than a loop reading the table at each token.
 */
const FEW_IDS = 4

/** Distinct word forms of a library, each analysed once. */
export class Vocabulary {
  private readonly analysed: (string | null)[] = []
  private readonly folded: string[] = []
  private readonly bySpelling = new Map<string, number>()
  private readonly byForms = new Map<string, number>()
  /**
   * The spellings of a vocabulary read from a file, not yet in `bySpelling` and `byForms`: only
   * `idOf` (an article added) needs those two maps, never a search, so opening a library's
   * index leaves their 170,000 entries (at 10,000 articles) for the first article added.
   */
  private unmapped: Pick<VocabularyArrays, 'spellings' | 'spellingIds'> | null = null
  private readonly byAnalysed = new Map<string, number[]>()
  private readonly byFolded = new Map<string, number[]>()
  /** Ids ordered by folded form, so the words starting with a prefix are one run. */
  private sortedByFolded: Uint32Array | null = null
  /** `stops[id] === 1` for a stop word: what a scan reads per token, compact and typed. */
  private stopTable: Uint8Array | null = null

  get size(): number {
    return this.analysed.length
  }

  /** True when the entry is a stop word (it shares the position of the word before it). */
  isStop(id: number): boolean {
    return this.analysed[id] === null
  }

  /** `isStop` for every entry as a table (`1`: a stop word), for scans of many tokens. */
  stops(): Uint8Array {
    if (this.stopTable?.length !== this.size) {
      this.stopTable = new Uint8Array(this.size)
      for (let id = 0; id < this.size; id++) if (this.analysed[id] === null) this.stopTable[id] = 1
    }
    return this.stopTable
  }

  /** The id of a spelling's forms, added when new. */
  idOf(spelling: string): number {
    this.mapSpellings()
    let id = this.bySpelling.get(spelling)
    if (id !== undefined) return id
    const analysed = analyseWord(spelling)
    const folded = foldForPrefix(spelling)
    const key = formsKey(analysed, folded)
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
    const ids = new Set<number>()
    const mark = (found: readonly number[] | undefined) => {
      if (found) for (const id of found) ids.add(id)
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
        ids.add(sorted[i]!)
    }
    if (close) for (const analysed of close) mark(this.byAnalysed.get(analysed))
    if (word.exact === null && word.prefix === null) mark(this.byFolded.get(word.folded))
    return new WordMatcher(Uint32Array.from(ids).sort(), this.size)
  }

  /**
   * The vocabulary as lists, for a file: every entry's analysed form (null for a stop word) and
   * folded form, and every spelling seen with the entry it maps to.
   */
  toArrays(): VocabularyArrays {
    this.mapSpellings()
    return {
      analysed: this.analysed,
      folded: this.folded,
      spellings: [...this.bySpelling.keys()],
      spellingIds: Uint32Array.from(this.bySpelling.values())
    }
  }

  /**
   * A vocabulary from `toArrays`' lists, with nothing analysed again.
   * @throws Error when the lists do not agree.
   */
  static fromArrays({ analysed, folded, spellings, spellingIds }: VocabularyArrays): Vocabulary {
    if (analysed.length !== folded.length || spellings.length !== spellingIds.length)
      throw new Error('the vocabulary lists do not agree in length')
    const vocabulary = new Vocabulary()
    for (let id = 0; id < analysed.length; id++) {
      const form = analysed[id]!
      vocabulary.analysed.push(form)
      vocabulary.folded.push(folded[id]!)
      if (form !== null) push(vocabulary.byAnalysed, form, id)
      push(vocabulary.byFolded, folded[id]!, id)
    }
    for (let i = 0; i < spellingIds.length; i++)
      if (spellingIds[i]! >= analysed.length)
        throw new Error('a spelling points past the vocabulary')
    vocabulary.unmapped = { spellings, spellingIds }
    return vocabulary
  }

  /** Fills `bySpelling` and `byForms` with the entries read from a file, once. */
  private mapSpellings(): void {
    const unmapped = this.unmapped
    if (!unmapped) return
    this.unmapped = null
    // Every entry is still one read from the file: entries are added only through `idOf`.
    for (let id = 0; id < this.analysed.length; id++)
      this.byForms.set(formsKey(this.analysed[id] ?? null, this.folded[id]!), id)
    const { spellings, spellingIds } = unmapped
    for (let i = 0; i < spellings.length; i++) this.bySpelling.set(spellings[i]!, spellingIds[i]!)
  }

  /** Approximate bytes held: the strings (UTF-16) and the id tables, not the Map overhead. */
  bytes(): number {
    this.mapSpellings()
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

/** One key per distinct pair of forms (a stop word's analysed form is null). */
function formsKey(analysed: string | null, folded: string): string {
  return `${analysed ?? ''}\u0000${analysed === null ? 0 : 1}\u0000${folded}`
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
function firstWordAt(ids: Uint32Array, matcher: WordMatcher, end: number): number {
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
