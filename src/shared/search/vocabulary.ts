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
  /** Its entries ordered for look-ups; made from the forms when not given. */
  orders?: VocabularyOrders
}

/**
 * The entries ordered by each form, so that the entries of one form are a run found by binary
 * search. A file ships them made: opening a vocabulary of 60,000 entries is then views onto
 * its bytes, where filling two maps took a tenth of a second of start-up.
 */
export interface VocabularyOrders {
  /** The id of every entry that has an analysed form (stop words have none), by that form. */
  byAnalysed: Uint32Array
  /** Every id, by folded form (the words starting with a prefix are one run). */
  byFolded: Uint32Array
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
  private analysed: (string | null)[] = []
  private folded: string[] = []
  private readonly bySpelling = new Map<string, number>()
  private readonly byForms = new Map<string, number>()
  /**
   * The spellings of a vocabulary read from a file, not yet in `bySpelling` and `byForms`: only
   * `idOf` (an article added) needs those two maps, never a search, so opening a library's
   * index leaves their 170,000 entries (at 10,000 articles) for the first article added.
   */
  private unmapped: Pick<VocabularyInput, 'spellings' | 'spellingIds'> | null = null
  /** The first `ordered` entries (those read from a file) by form; see `VocabularyOrders`. */
  private orders: VocabularyOrders = {
    byAnalysed: new Uint32Array(0),
    byFolded: new Uint32Array(0)
  }
  private ordered = 0
  /**
   * The entries added since (`idOf`) of one analysed (or folded) form as a chain: the map gives
   * the last entry added, `next…[id - ordered]` the one before it (-1: none).
   */
  private readonly byAnalysed = new Map<string, number>()
  private readonly nextAnalysed: number[] = []
  private readonly byFolded = new Map<string, number>()
  private readonly nextFolded: number[] = []
  /** Every id by folded form, once entries were added after the ordered ones. */
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
    const add = (id: number) => ids.add(id)
    const markAnalysed = (form: string) => {
      eachOfForm(this.orders.byAnalysed, this.analysed, form, add)
      for (
        let id = this.byAnalysed.get(form) ?? -1;
        id >= 0;
        id = this.nextAnalysed[id - this.ordered]!
      )
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
    if (word.exact === null && word.prefix === null) {
      eachOfForm(this.orders.byFolded, this.folded, word.folded, add)
      for (
        let id = this.byFolded.get(word.folded) ?? -1;
        id >= 0;
        id = this.nextFolded[id - this.ordered]!
      )
        ids.add(id)
    }
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
      spellingIds: Uint32Array.from(this.bySpelling.values()),
      orders: ordersOf(this.analysed, this.folded)
    }
  }

  /**
   * A vocabulary from `toArrays`' lists, with nothing analysed again.
   * @throws Error when the lists do not agree.
   */
  static fromArrays({
    analysed,
    folded,
    spellings,
    spellingIds,
    orders = ordersOf(analysed, folded)
  }: VocabularyInput): Vocabulary {
    if (analysed.length !== folded.length) disagree()
    if (typeof spellings !== 'function' && spellings.length !== spellingIds.length) disagree()
    const size = analysed.length
    const forms = analysed.reduce((count, form) => (form === null ? count : count + 1), 0)
    if (orders.byFolded.length !== size || orders.byAnalysed.length !== forms) disagree()
    for (const order of [orders.byAnalysed, orders.byFolded, spellingIds])
      for (let i = 0; i < order.length; i++)
        if (order[i]! >= size) throw new Error('a vocabulary table points past the vocabulary')
    const vocabulary = new Vocabulary()
    vocabulary.analysed = analysed.slice()
    vocabulary.folded = folded.slice()
    vocabulary.orders = orders
    vocabulary.ordered = size
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
    this.sortedByFolded = null
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
    if (this.ordered === this.size) return this.orders.byFolded
    this.sortedByFolded ??= ordersOf(this.analysed, this.folded).byFolded
    return this.sortedByFolded
  }
}

/** The entries' orders by form (ties by id), as `VocabularyOrders` describes them. */
function ordersOf(
  analysed: readonly (string | null)[],
  folded: readonly string[]
): VocabularyOrders {
  const by =
    (forms: readonly (string | null)[]) =>
    (a: number, b: number): number => {
      const x = forms[a]!
      const y = forms[b]!
      return x < y ? -1 : x > y ? 1 : a - b
    }
  const withForm: number[] = []
  for (let id = 0; id < analysed.length; id++) if (analysed[id] !== null) withForm.push(id)
  return {
    byAnalysed: Uint32Array.from(withForm.sort(by(analysed))),
    byFolded: Uint32Array.from(
      Array.from({ length: folded.length }, (_, id) => id).sort(by(folded))
    )
  }
}

/** Calls `each` with every id in `order` whose form is `form` (`order` sorts them by form). */
function eachOfForm(
  order: Uint32Array,
  forms: readonly (string | null)[],
  form: string,
  each: (id: number) => void
): void {
  let low = 0
  let high = order.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (forms[order[mid]!]! < form) low = mid + 1
    else high = mid
  }
  for (let i = low; i < order.length && forms[order[i]!] === form; i++) each(order[i]!)
}

/** One key per distinct pair of forms (a stop word's analysed form is null). */
function formsKey(analysed: string | null, folded: string): string {
  return `${analysed ?? ''}\u0000${analysed === null ? 0 : 1}\u0000${folded}`
}

function disagree(): never {
  throw new Error('the vocabulary lists do not agree in length')
}
