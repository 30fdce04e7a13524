/**
 * The only module that imports lunr. Everything lunr-specific (pipeline, builder, query
 * building, serialisation) stays here so the rest of the app speaks in Dossier's own terms,
 * and lunr (unmaintained since 2020) can be tuned or replaced in one place.
 */
import lunr from 'lunr'
import { foldWord, stripPossessive } from './fold'
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

/** Raised to the ranking so a title match outweighs body matches (see search-service ranking). */
const TITLE_BOOST = 10

const NORMALISE = 'dossier-normalise'
function normalise(token: lunr.Token): lunr.Token | null {
  const folded = stripPossessive(foldWord(token.toString()))
  return folded === '' ? null : token.update(() => folded)
}
lunr.Pipeline.registerFunction(normalise, NORMALISE)

/**
 * The analysed (indexed) form of one word, or null for a stop word. Used on query words and on
 * article tokens when locating matches, so both sides agree with what the index holds.
 */
export function analyseWord(word: string): string | null {
  const folded = stripPossessive(foldWord(word))
  if (folded === '') return null
  const token = new lunr.Token(folded, {})
  if (!lunr.stopWordFilter(token)) return null
  return String(lunr.stemmer(token))
}

/** Same folding without stemming: what a typed prefix is compared against. */
export function foldForPrefix(word: string): string {
  return stripPossessive(foldWord(word))
}

function lunrTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return []
  // No position metadata: match offsets are computed from the text for one page of results,
  // which keeps the serialised index about half the size.
  return tokenize(String(value)).map((token) => new lunr.Token(token.text, {}))
}

export interface EngineHit {
  id: string
  score: number
  /** Index terms that matched, per field. */
  matched: Record<string, Set<string>>
}

/** A built index, ready to query. */
export class SearchEngine {
  private constructor(private readonly index: lunr.Index) {}

  static build(documents: Iterable<IndexedDocument>): SearchEngine {
    const builder = new lunr.Builder()
    builder.pipeline.add(normalise, lunr.stopWordFilter, lunr.stemmer)
    builder.searchPipeline.add(lunr.stemmer)
    builder.tokenizer = lunrTokenizer as unknown as typeof lunr.tokenizer
    builder.ref('id')
    for (const field of FIELDS) builder.field(field)
    for (const document of documents) builder.add(document)
    return new SearchEngine(builder.build())
  }

  /** Loads an index serialised by `toJSON`. @throws Error when the data is not a lunr index. */
  static load(serialised: object): SearchEngine {
    return new SearchEngine(lunr.Index.load(serialised))
  }

  toJSON(): object {
    return this.index.toJSON()
  }

  /**
   * Documents matching any of the clauses, with lunr's score (title matches boosted) and the
   * index terms each matched per field. The query is built with lunr's query API, never its
   * string syntax, so user input cannot raise a parse error.
   */
  search(clauses: readonly EngineClause[]): EngineHit[] {
    if (clauses.length === 0) return []
    const results = this.index.query((query) => {
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
      return { id: result.ref, score: result.score, matched }
    })
  }
}
