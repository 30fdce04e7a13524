/**
 * The vocabulary of a forward index (forward-index.ts): every distinct (analysed, folded) form
 * of a library's words, each analysed once, and which entries a query word accepts.
 */
import { analyseWord, foldForPrefix } from './lunr-engine'
import type { QueryWord } from './query'

/** A vocabulary as plain lists (see `Vocabulary#toArrays`). */
export interface VocabularyArrays {
  analysed: readonly (string | null)[]
  folded: readonly string[]
  spellings: readonly string[]
  spellingIds: Uint32Array
}

/**
 * `VocabularyArrays` as a file gives them: the spellings may come as a function that lists them,
 * called only when they are first needed (an article added). At 10,000 articles they are 170,000
 * strings, which opening the index need not make.
 */
export type VocabularyInput = Omit<VocabularyArrays, 'spellings'> & {
  spellings: readonly string[] | (() => readonly string[])
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
  private unmapped: Pick<VocabularyInput, 'spellings' | 'spellingIds'> | null = null
  /**
   * The entries of one analysed (or folded) form as a chain: the map gives the last entry
   * added, `next…[id]` the one before it (-1: none). One number per entry, not a list per form:
   * opening a library's vocabulary of 60,000 entries allocates two maps, not 120,000 arrays.
   */
  private readonly byAnalysed = new Map<string, number>()
  private readonly nextAnalysed: number[] = []
  private readonly byFolded = new Map<string, number>()
  private readonly nextFolded: number[] = []
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
      id = this.add(analysed, folded)
      this.byForms.set(key, id)
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
    const markAnalysed = (form: string) => {
      for (let id = this.byAnalysed.get(form) ?? -1; id >= 0; id = this.nextAnalysed[id]!)
        ids.add(id)
    }
    if (word.exact !== null) markAnalysed(word.exact)
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
    if (close) for (const analysed of close) markAnalysed(analysed)
    if (word.exact === null && word.prefix === null)
      for (let id = this.byFolded.get(word.folded) ?? -1; id >= 0; id = this.nextFolded[id]!)
        ids.add(id)
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
  static fromArrays({ analysed, folded, spellings, spellingIds }: VocabularyInput): Vocabulary {
    if (analysed.length !== folded.length) disagree()
    if (typeof spellings !== 'function' && spellings.length !== spellingIds.length) disagree()
    const vocabulary = new Vocabulary()
    for (let id = 0; id < analysed.length; id++) vocabulary.add(analysed[id]!, folded[id]!)
    for (let i = 0; i < spellingIds.length; i++)
      if (spellingIds[i]! >= analysed.length)
        throw new Error('a spelling points past the vocabulary')
    vocabulary.unmapped = { spellings, spellingIds }
    return vocabulary
  }

  /** A new entry, findable by its forms; its id. */
  private add(analysed: string | null, folded: string): number {
    const id = this.analysed.length
    this.analysed.push(analysed)
    this.folded.push(folded)
    this.nextAnalysed.push(analysed === null ? -1 : (this.byAnalysed.get(analysed) ?? -1))
    if (analysed !== null) this.byAnalysed.set(analysed, id)
    this.nextFolded.push(this.byFolded.get(folded) ?? -1)
    this.byFolded.set(folded, id)
    return id
  }

  /** Fills `bySpelling` and `byForms` with the entries read from a file, once. */
  private mapSpellings(): void {
    const unmapped = this.unmapped
    if (!unmapped) return
    this.unmapped = null
    // Every entry is still one read from the file: entries are added only through `idOf`.
    for (let id = 0; id < this.analysed.length; id++)
      this.byForms.set(formsKey(this.analysed[id] ?? null, this.folded[id]!), id)
    const { spellingIds } = unmapped
    const spellings =
      typeof unmapped.spellings === 'function' ? unmapped.spellings() : unmapped.spellings
    if (spellings.length !== spellingIds.length) disagree()
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

function disagree(): never {
  throw new Error('the vocabulary lists do not agree in length')
}
