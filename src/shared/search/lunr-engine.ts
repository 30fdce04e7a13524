/**
 * The only module that imports lunr. Everything lunr-specific (pipeline, builder, term
 * expansion, scoring, serialisation) stays here so the rest of the app speaks in Dossier's own
 * terms, and lunr (unmaintained since 2020) can be tuned or replaced in one place.
 *
 * lunr stays the index: its Builder runs its tokenizer hook, pipeline, stop-word filter and
 * stemmer over every document, and its TokenSet expands prefix and fuzzy terms. What changes is
 * what is kept afterwards. Plain lunr holds an object per posting, a `lunr.Vector` per
 * document-field and a TokenSet, serialises them as verbose JSON, and scores a query by building
 * a Vector and a MatchData per match. At 10,000 articles that is 77 MB of JSON, half a gigabyte
 * of heap and tens of milliseconds for a common word. Here the builder's term frequencies become
 * flat typed arrays (postings per field, delta-coded in the file), lunr's BM25 weights are
 * recomputed from them exactly as `lunr.Builder#createFieldVectors` does, and scoring walks the
 * postings directly. Scores and matched terms equal `lunr.Index#query` (see `plainLunrSearch`,
 * which the tests compare against).
 */
import lunr from 'lunr'
import { foldWord, isAcronym, stripPossessive } from './fold'
import { NO_HITS, type HitList, type MatchedTerms } from './hit-list'
import { tokenize } from './tokenize'

/** The fields a query can name (`title:`, `source:`, `author:`) or search together. */
export const FIELDS = ['title', 'body', 'source', 'author'] as const
export type Field = (typeof FIELDS)[number]

/** Fields every indexed document has; search boosts `title` above `body`. */
export interface IndexedDocument {
  id: string
  title: string
  body: string
  source: string
  author: string
}

/**
 * One term to look up. Clauses are alternatives (OR); which of them a document must satisfy
 * (every word, not this word, this phrase) is decided above the engine, from `matched`.
 */
export interface EngineClause {
  /** Analysed form for `exact` and `fuzzy`; folded form for `prefix`. */
  term: string
  kind: 'exact' | 'prefix' | 'fuzzy'
  /** Defaults to every field. */
  fields?: readonly Field[]
  /** For `fuzzy`: the largest edit distance allowed. */
  editDistance?: number
}

export interface EngineHit {
  id: string
  /** The document's number in the index (`SearchEngine#ids[doc]` is `id`), for array look-ups. */
  doc: number
  score: number
  /**
   * Index terms that matched, per field. Documents that matched the same terms share one Set,
   * and the same record (a common word matches thousands of documents): treat both as read-only.
   */
  matched: MatchedTerms
}

/** Raised to the ranking so a title match outweighs body matches (see search-service ranking). */
const TITLE_BOOST = 10

/** lunr.Builder's BM25 defaults (`k1`, `b`); the weights below must use the same ones. */
const K1 = 1.2
const B = 0.75

/** Tag of the serialised layout, checked on load; bump VERSION when the layout changes. */
const FORMAT = 'dossier-lunr-compact'
const VERSION = 1

// @types/lunr declares TokenSet's static constructors as instance methods.
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedWords: string[]): lunr.TokenSet
  fromString(pattern: string): lunr.TokenSet
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet
}

/**
 * The analysed (indexed) form of one word, or null for a stop word. Used on query words and on
 * article tokens when locating matches, so both sides agree with what the index holds.
 */
export function analyseWord(word: string): string | null {
  const folded = stripPossessive(foldWord(word))
  if (folded === '') return null
  const token = new lunr.Token(folded, {})
  // An acronym is never a stop word: "US" is the country, not "us" (see fold.ts).
  if (!isAcronym(word) && !lunr.stopWordFilter(token)) return null
  return String(lunr.stemmer(token))
}

/** Same folding without stemming: what a typed prefix is compared against. */
export function foldForPrefix(word: string): string {
  return stripPossessive(foldWord(word))
}

function lunrTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return []
  // No position metadata: match offsets are computed from the text for one page of results,
  // which keeps the index about half the size.
  return tokenize(String(value)).map((token) => new lunr.Token(token.text, {}))
}

/** Each distinct word's analysis during one build, else null. */
let buildCache: Map<string, string | null> | null = null

/**
 * Dossier's analysis as one lunr pipeline function (folding, lunr's stop-word filter, lunr's
 * stemmer: `analyseWord`). During a build it remembers each distinct word's result: an
 * 8-million-word library has only ~10^5 distinct words, and the stemmer was most of the build.
 */
function analyseToken(token: lunr.Token): lunr.Token | null {
  const word = token.toString()
  let analysed = buildCache?.get(word)
  if (analysed === undefined) {
    analysed = analyseWord(word)
    buildCache?.set(word, analysed)
  }
  return analysed === null ? null : token.update(() => analysed)
}
lunr.Pipeline.registerFunction(analyseToken, 'dossier-analyse')

/** A lunr Builder with Dossier's tokenizer, pipeline and fields. */
function newBuilder(): lunr.Builder {
  const builder = new lunr.Builder()
  builder.pipeline.add(analyseToken)
  builder.tokenizer = lunrTokenizer as unknown as typeof lunr.tokenizer
  builder.ref('id')
  for (const field of FIELDS) builder.field(field)
  return builder
}

/** lunr's internal builder state read after `add` (not in @types/lunr). */
interface BuilderState {
  fieldTermFrequencies: Record<string, Record<string, number>>
  fieldLengths: Record<string, number>
}

/**
 * Term frequencies of postings: one byte each in a shipped index whose every word occurs at most
 * 255 times in a field of one article, two or four otherwise.
 */
export type Frequencies = Uint8Array | Uint16Array | Uint32Array

/**
 * Document numbers of postings: two bytes each in an index of up to 65,536 documents as read
 * from the shipped file, which is most of the body field's postings (20 MB at 10,000 articles).
 */
export type DocNumbers = Uint16Array | Uint32Array

/** One field's postings, term by term (compressed sparse rows). */
interface FieldPostings {
  /** Postings of term t are at `starts[t]` up to `starts[t + 1]`. */
  starts: Uint32Array
  /** Document numbers, ascending within a term. */
  docs: DocNumbers
  /** Term frequency of each posting. */
  tfs: Frequencies
  /** Analysed length of the field in each document. */
  lengths: Uint32Array
  /** BM25's length normalisation per document: `k1 * (1 - b + b * length / averageLength)`. */
  norms: Float64Array
}

/** The serialised index: flat arrays of small numbers, which `JSON.parse` reads quickly. */
export interface SerialisedIndex {
  format: typeof FORMAT
  version: number
  fields: string[]
  refs: string[]
  /** Every index term, sorted as lunr's TokenSet needs them. */
  terms: string[]
  /** Per field, per document: the field's analysed length. */
  lengths: number[][]
  /** Per field, per term: how many postings the term has in that field. */
  counts: number[][]
  /** Per field, per posting: gap to the previous posting's document within the same term. */
  gaps: number[][]
  /** Per field, per posting: the term's frequency in that document's field. */
  tfs: number[][]
}

/** One field's postings as `SearchEngine#toArrays` gives them. */
export interface FieldArrays {
  starts: Uint32Array
  docs: DocNumbers
  tfs: Frequencies
  lengths: Uint32Array
}

/** A whole index as typed arrays: document ids, sorted terms, and per field its postings. */
export interface IndexArrays {
  refs: readonly string[]
  terms: readonly string[]
  fields: readonly FieldArrays[]
}

/** A search's running scores and matched-term states, one slot per document. */
interface Scratch {
  scores: Float64Array
  isTouched: Uint8Array
  /** The documents touched so far, in the order first touched. */
  touched: Uint32Array
  /** Per field: the document's node in `MatchedSets` (0: nothing matched in that field). */
  states: Int32Array[]
}

/**
 * Collection statistics for scoring when an index is one segment of several (index-segments.ts):
 * how rare a term is must be judged over the whole library, not over one segment.
 */
export interface CollectionStats {
  documents: number
  /** Postings of an index term, in every field, across the collection. */
  postings(term: string): number
}

/** How `SearchEngine#search` scores and returns its hits. */
export interface EngineSearchOptions {
  stats?: CollectionStats
  /** False: hits in no particular order, for a caller that ranks them itself. */
  ordered?: boolean
}

/** A built index, ready to query. */
export class SearchEngine {
  private tokenSet: lunr.TokenSet | null = null
  private scratch: Scratch | null = null

  private constructor(
    private readonly refs: readonly string[],
    private readonly terms: readonly string[],
    private readonly postings: readonly FieldPostings[]
  ) {}

  /**
   * Indexes documents with lunr's Builder and Dossier's pipeline.
   * @param onProgress called now and then with the fraction of documents added (0–1).
   */
  static build(
    documents: Iterable<IndexedDocument>,
    onProgress?: (fraction: number) => void
  ): SearchEngine {
    const docs = [...documents]
    const builder = newBuilder()
    // Report about a hundred times: often enough for a progress bar, rarely enough to be free.
    const every = Math.max(1, Math.floor(docs.length / 100))
    buildCache = new Map()
    try {
      docs.forEach((document, i) => {
        builder.add(document)
        if (onProgress && (i + 1) % every === 0) onProgress((i + 1) / docs.length)
      })
    } finally {
      buildCache = null
    }

    const state = builder as unknown as BuilderState
    const terms = Object.keys(builder.invertedIndex).sort()
    const termNumber = new Map(terms.map((term, i) => [term, i]))
    const postings = FIELDS.map((field): FieldPostings => {
      const frequencies = docs.map(
        (document) => state.fieldTermFrequencies[`${field}/${document.id}`] ?? {}
      )
      const counts = new Uint32Array(terms.length)
      let total = 0
      for (const perTerm of frequencies) {
        for (const term of Object.keys(perTerm)) {
          counts[termNumber.get(term)!]! += 1
          total++
        }
      }
      const starts = startsFromCounts(counts)
      const fill = starts.slice(0, terms.length)
      const docNumbers = new Uint32Array(total)
      const tfValues: number[] = new Array<number>(total)
      frequencies.forEach((perTerm, doc) => {
        for (const [term, tf] of Object.entries(perTerm)) {
          const at = fill[termNumber.get(term)!]!++
          docNumbers[at] = doc
          tfValues[at] = tf
        }
      })
      const lengths = Uint32Array.from(
        docs,
        (document) => state.fieldLengths[`${field}/${document.id}`] ?? 0
      )
      return fieldPostings(starts, docNumbers, tfValues, lengths)
    })
    onProgress?.(1)
    return new SearchEngine(
      docs.map((document) => document.id),
      terms,
      postings
    )
  }

  /**
   * Loads an index serialised by `toJSON`.
   * @throws Error when the data is not an index in this format and version.
   */
  static load(serialised: object): SearchEngine {
    const data = serialised as Partial<SerialisedIndex>
    if (data.format !== FORMAT || data.version !== VERSION)
      throw new Error(`not a ${FORMAT} index, version ${VERSION}`)
    const { refs, terms, lengths, counts, gaps, tfs } = data
    const fieldsMatch =
      Array.isArray(data.fields) && data.fields.join() === FIELDS.join() && Array.isArray(refs)
    if (!fieldsMatch || !Array.isArray(terms) || !lengths || !counts || !gaps || !tfs)
      throw new Error('the index is incomplete')
    const postings = FIELDS.map((_field, f) => {
      const fieldCounts = counts[f]
      const fieldGaps = gaps[f]
      const fieldTfs = tfs[f]
      const fieldLengths = lengths[f]
      if (
        fieldCounts?.length !== terms.length ||
        fieldLengths?.length !== refs.length ||
        !fieldGaps ||
        fieldTfs?.length !== fieldGaps.length
      )
        throw new Error('the index arrays do not agree in length')
      const starts = startsFromCounts(fieldCounts)
      if (starts[terms.length] !== fieldGaps.length)
        throw new Error('the index postings do not add up')
      const docs = new Uint32Array(fieldGaps.length)
      for (let t = 0; t < terms.length; t++) {
        let doc = 0
        for (let p = starts[t]!; p < starts[t + 1]!; p++) docs[p] = doc += fieldGaps[p]!
      }
      return fieldPostings(starts, docs, fieldTfs, Uint32Array.from(fieldLengths))
    })
    return new SearchEngine(refs, terms, postings)
  }

  /** The compact serialised form `load` reads. */
  toJSON(): SerialisedIndex {
    const gaps = this.postings.map(({ starts, docs }) => {
      const out = new Array<number>(docs.length)
      for (let t = 0; t < this.terms.length; t++) {
        let previous = 0
        for (let p = starts[t]!; p < starts[t + 1]!; p++) {
          out[p] = docs[p]! - previous
          previous = docs[p]!
        }
      }
      return out
    })
    return {
      format: FORMAT,
      version: VERSION,
      fields: [...FIELDS],
      refs: [...this.refs],
      terms: [...this.terms],
      lengths: this.postings.map(({ lengths }) => Array.from(lengths)),
      counts: this.postings.map(({ starts }) =>
        Array.from(starts.subarray(1), (end, t) => end - starts[t]!)
      ),
      gaps,
      tfs: this.postings.map(({ tfs }) => Array.from(tfs))
    }
  }

  /**
   * The index as typed arrays and two word lists, for a binary file (library-index.ts): no
   * number passes through JSON, so loading it costs little more than reading the file.
   */
  toArrays(): IndexArrays {
    return {
      refs: this.refs,
      terms: this.terms,
      fields: this.postings.map(({ starts, docs, tfs, lengths }) => ({
        starts,
        docs,
        tfs,
        lengths
      }))
    }
  }

  /**
   * An index from `toArrays`' parts (views onto a file are kept, not copied).
   * @throws Error when the arrays do not describe an index.
   */
  static fromArrays({ refs, terms, fields }: IndexArrays): SearchEngine {
    if (fields.length !== FIELDS.length) throw new Error('the index has other fields')
    const postings = fields.map(({ starts, docs, tfs, lengths }) => {
      if (
        starts.length !== terms.length + 1 ||
        lengths.length !== refs.length ||
        docs.length !== tfs.length ||
        starts[terms.length] !== docs.length
      )
        throw new Error('the index arrays do not agree in length')
      return withNorms(starts, docs, tfs, lengths)
    })
    return new SearchEngine(refs, terms, postings)
  }

  /** Every document's id, by its number in the index. */
  get ids(): readonly string[] {
    return this.refs
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.refs.length
  }

  /**
   * Builds lunr's TokenSet of the index terms now rather than on the first prefix or fuzzy
   * query. Kept out of `load` so loading costs little more than parsing the file.
   */
  warm(): void {
    this.tokenSet ??= TokenSets.fromArray([...this.terms])
  }

  /**
   * Documents matching any of the clauses, with lunr's score (title matches boosted) and the
   * index terms each matched per field, best first. Clauses are data, never lunr's query
   * string syntax, so user input cannot raise a parse error.
   *
   * Scoring is `lunr.Index#query`'s, computed over the postings: per field, a query vector of
   * clause boosts by expanded term; per matching document-field, the dot product with its BM25
   * weights over the query vector's magnitude; summed over fields.
   * @param options `stats`: the whole collection's, when this index is one segment of it;
   *   `ordered` false: the hits in no particular order (the caller ranks them itself).
   */
  search(
    clauses: readonly EngineClause[],
    { stats, ordered = true }: EngineSearchOptions = {}
  ): EngineHit[] {
    const list = this.hitList(clauses, stats)
    const hits: EngineHit[] = []
    for (let i = 0; i < list.length; i++) {
      const doc = list.docs[i]!
      hits.push({ id: this.refs[doc]!, doc, score: list.scores[i]!, matched: list.matched[i]! })
    }
    // A caller that ranks the hits itself skips sorting thousands of them.
    return ordered ? hits.sort((a, b) => b.score - a.score) : hits
  }

  /** `search`'s hits, unordered, as parallel arrays (hit-list.ts): what the app's search reads. */
  hitList(clauses: readonly EngineClause[], stats?: CollectionStats): HitList {
    if (clauses.length === 0) return NO_HITS
    const queryVectors = FIELDS.map(() => new Map<number, number>())
    for (const clause of clauses) {
      const expanded = this.expand(clause)
      for (const field of clause.fields ?? FIELDS) {
        const vector = queryVectors[FIELDS.indexOf(field)]!
        const boost = field === 'title' ? TITLE_BOOST : 1
        for (const term of expanded) vector.set(term, (vector.get(term) ?? 0) + boost)
      }
    }

    const { scores, isTouched, touched, states: fieldStates } = this.scratchArrays()
    const states = queryVectors.map((vector, f) => (vector.size === 0 ? null : fieldStates[f]!))
    let count = 0
    const sets = new MatchedSets(this.terms)
    try {
      for (let f = 0; f < FIELDS.length; f++) {
        const state = states[f]
        if (!state) continue
        const vector = queryVectors[f]!
        let squares = 0
        for (const boost of vector.values()) squares += boost * boost
        const magnitude = Math.sqrt(squares)
        const { starts, docs, tfs, norms } = this.postings[f]!
        for (const [term, boost] of vector) {
          const idf = this.idf(term, stats)
          const factor = boost / magnitude
          // Most of a term's postings take the same step in the trie (from "nothing yet" or
          // from the same earlier terms): the last step is remembered, not looked up again.
          let from = -1
          let to = 0
          for (let p = starts[term]!; p < starts[term + 1]!; p++) {
            const doc = docs[p]!
            const tf = tfs[p]!
            // lunr.Builder#createFieldVectors, to the same three decimals.
            const weight = Math.round(((idf * ((K1 + 1) * tf)) / (norms[doc]! + tf)) * 1000) / 1000
            scores[doc] = scores[doc]! + factor * weight
            if (state[doc] !== from) {
              from = state[doc]!
              to = sets.next(from, term)
            }
            state[doc] = to
            if (isTouched[doc] === 0) {
              isTouched[doc] = 1
              touched[count++] = doc
            }
          }
        }
      }

      // Documents that matched the same terms in every field share one record: a common word
      // gives thousands of hits but a handful of distinct records, and a record per hit was a
      // good part of what a search left for the garbage collector.
      const records = new MatchedRecords(sets, states)
      const hitDocs = touched.slice(0, count)
      const hitScores = new Float64Array(count)
      const matched: MatchedTerms[] = new Array<MatchedTerms>(count)
      for (let i = 0; i < count; i++) {
        const doc = hitDocs[i]!
        hitScores[i] = scores[doc]!
        matched[i] = records.of(doc)
      }
      return { length: count, docs: hitDocs, scores: hitScores, matched }
    } finally {
      // Clean only what this search wrote: a rare word touches a few dozen documents, and
      // zeroing arrays the size of the library for it cost more than scoring them.
      for (let i = 0; i < count; i++) {
        const doc = touched[i]!
        scores[doc] = 0
        isTouched[doc] = 0
      }
      // A field the query does not search was never written.
      for (const state of states) if (state) for (let i = 0; i < count; i++) state[touched[i]!] = 0
    }
  }

  /** Per-document working arrays of `search`, made once and left all zero between searches. */
  private scratchArrays(): Scratch {
    this.scratch ??= {
      scores: new Float64Array(this.refs.length),
      isTouched: new Uint8Array(this.refs.length),
      touched: new Uint32Array(this.refs.length),
      states: FIELDS.map(() => new Int32Array(this.refs.length))
    }
    return this.scratch
  }

  /** lunr.idf: how rare a term is, counting its postings in every field. */
  private idf(term: number, stats?: CollectionStats): number {
    const withTerm = stats ? stats.postings(this.terms[term]!) : this.postingsOf(term)
    const documents = stats ? stats.documents : this.refs.length
    const x = (documents - withTerm + 0.5) / (withTerm + 0.5)
    return Math.log(1 + Math.abs(x))
  }

  private postingsOf(term: number): number {
    let withTerm = 0
    for (const { starts } of this.postings) withTerm += starts[term + 1]! - starts[term]!
    return withTerm
  }

  /** Postings of an index term in every field (0 when the index lacks it). */
  postingCount(word: string): number {
    const term = this.termNumber(word)
    return term < 0 ? 0 : this.postingsOf(term)
  }

  /** Term numbers a clause stands for: the term itself, or lunr's TokenSet expansion. */
  private expand(clause: EngineClause): number[] {
    if (clause.kind === 'exact') {
      const term = this.termNumber(clause.term)
      return term < 0 ? [] : [term]
    }
    this.warm()
    const pattern =
      clause.kind === 'prefix'
        ? TokenSets.fromString(clause.term.endsWith('*') ? clause.term : `${clause.term}*`)
        : TokenSets.fromFuzzyString(clause.term, clause.editDistance ?? 1)
    return this.tokenSet!.intersect(pattern)
      .toArray()
      .map((word) => this.termNumber(word))
      .filter((term) => term >= 0)
  }

  /** Binary search of the sorted terms (same order as `Array#sort`), -1 when absent. */
  private termNumber(word: string): number {
    let low = 0
    let high = this.terms.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const term = this.terms[middle]!
      if (term === word) return middle
      if (term < word) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
}

function startsFromCounts(counts: ArrayLike<number>): Uint32Array {
  const starts = new Uint32Array(counts.length + 1)
  for (let t = 0; t < counts.length; t++) starts[t + 1] = starts[t]! + counts[t]!
  return starts
}

function fieldPostings(
  starts: Uint32Array,
  docs: DocNumbers,
  tfs: readonly number[],
  lengths: Uint32Array
): FieldPostings {
  // Two bytes per frequency unless one word repeats more than 65,535 times in a field.
  const compact = tfs.every((tf) => tf <= 0xffff)
  return withNorms(starts, docs, compact ? Uint16Array.from(tfs) : Uint32Array.from(tfs), lengths)
}

/**
 * BM25's length normalisation per document. A plain loop: `Float64Array.from` with a mapping
 * function took start-up 30 ms for a library's four fields.
 */
function normsOf(lengths: Uint32Array, average: number): Float64Array {
  const norms = new Float64Array(lengths.length)
  for (let i = 0; i < lengths.length; i++) norms[i] = K1 * (1 - B + B * (lengths[i]! / average))
  return norms
}

function withNorms(
  starts: Uint32Array,
  docs: DocNumbers,
  tfs: Frequencies,
  lengths: Uint32Array
): FieldPostings {
  let total = 0
  for (const length of lengths) total += length
  // lunr averages over every document, those with the field empty included.
  const average = total / lengths.length
  return {
    starts,
    docs,
    tfs,
    lengths,
    norms: normsOf(lengths, average)
  }
}

/**
 * Interns the matched-term sets of one query: documents that matched the same terms, in the
 * same order, reach the same node of a small trie and share its Set.
 */
class MatchedSets {
  private readonly children: Map<number, number>[] = [new Map()]
  private readonly parents: number[] = [-1]
  private readonly nodeTerms: number[] = [-1]
  private readonly sets: (Set<string> | undefined)[] = [undefined]

  constructor(private readonly terms: readonly string[]) {}

  /** How many nodes there are: every node number is below it. */
  get size(): number {
    return this.parents.length
  }

  /** The node for `node`'s terms plus `term`. Node 0 is the empty set. */
  next(node: number, term: number): number {
    const children = this.children[node]!
    let child = children.get(term)
    if (child === undefined) {
      child = this.parents.length
      children.set(term, child)
      this.children.push(new Map())
      this.parents.push(node)
      this.nodeTerms.push(term)
      this.sets.push(undefined)
    }
    return child
  }

  set(node: number): Set<string> {
    let set = this.sets[node]
    if (!set) {
      set = new Set()
      for (let at = node; at > 0; at = this.parents[at]!) set.add(this.terms[this.nodeTerms[at]!]!)
      this.sets[node] = set
    }
    return set
  }
}

/** Number keys up to this many are looked up in an array (`MatchedRecords#byNumber`). */
const FEW_KEYS = 4096

/** The matched-term records of one search, one per distinct combination of fields' nodes. */
class MatchedRecords {
  private readonly byKey = new Map<number | string, Record<string, Set<string>>>()
  /**
   * The records by number key when there are few keys (a query of a few words has a handful of
   * nodes): an array read, where a map look-up for each of thousands of hits cost more.
   */
  private readonly byNumber: (Record<string, Set<string>> | undefined)[] | null
  /** Nodes are below `radix`: one digit per field makes a number key, exact below 2^53. */
  private readonly radix: number
  private readonly numeric: boolean

  /** The fields searched: the others' nodes are all 0, and left out of the key. */
  private readonly searched: Int32Array[]

  constructor(
    private readonly sets: MatchedSets,
    private readonly states: readonly (Int32Array | null)[]
  ) {
    this.radix = sets.size
    this.searched = states.filter((state) => state !== null)
    const keys = this.radix ** this.searched.length
    this.numeric = keys < Number.MAX_SAFE_INTEGER
    this.byNumber = keys <= FEW_KEYS ? new Array<undefined>(keys) : null
  }

  of(doc: number): Record<string, Set<string>> {
    let key: number | string = 0
    if (this.numeric) {
      for (let f = 0; f < this.searched.length; f++)
        key = key * this.radix + this.searched[f]![doc]!
      if (this.byNumber) {
        let record = this.byNumber[key as number]
        if (!record) {
          record = this.record(doc)
          this.byNumber[key as number] = record
        }
        return record
      }
    } else {
      key = this.searched.map((state) => state[doc]!).join()
    }
    let record = this.byKey.get(key)
    if (!record) {
      record = this.record(doc)
      this.byKey.set(key, record)
    }
    return record
  }

  /** A new record of what the document matched in each field. */
  private record(doc: number): Record<string, Set<string>> {
    const record: Record<string, Set<string>> = {}
    for (let f = 0; f < this.states.length; f++) {
      const state = this.states[f]
      if (state && state[doc] !== 0) record[FIELDS[f]!] = this.sets.set(state[doc]!)
    }
    return record
  }
}

/**
 * The same search answered by plain lunr: a `lunr.Index` built with the same tokenizer and
 * pipeline, queried through `lunr.Index#query`. The reference the engine is tested against.
 */
export function plainLunrSearch(
  documents: Iterable<IndexedDocument>,
  clauses: readonly EngineClause[]
): EngineHit[] {
  const builder = newBuilder()
  const docs = new Map<string, number>()
  for (const document of documents) {
    docs.set(document.id, docs.size)
    builder.add(document)
  }
  const index = builder.build()
  if (clauses.length === 0) return []
  const results = index.query((query) => {
    for (const clause of clauses) {
      for (const field of clause.fields ?? FIELDS) {
        query.term(clause.term, {
          fields: [field],
          boost: field === 'title' ? TITLE_BOOST : 1,
          usePipeline: false,
          wildcard:
            clause.kind === 'prefix' ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          // lunr tests `'editDistance' in clause`: even 0 would make a prefix a literal string.
          ...(clause.kind === 'fuzzy' ? { editDistance: clause.editDistance ?? 1 } : {})
        })
      }
    }
  })
  return results.map((result) => {
    const matched: Record<string, Set<string>> = {}
    for (const [term, fields] of Object.entries(result.matchData.metadata)) {
      for (const field of Object.keys(fields)) (matched[field] ??= new Set()).add(term)
    }
    return { id: result.ref, doc: docs.get(result.ref)!, score: result.score, matched }
  })
}
