/**
 * The user's notes as a search provider: a query finds notes by their text, their tags and
 * the passage they highlight, read with the same analysis as articles (folding, stemming, stop
 * words, phrases, prefixes, exclusions, OR; see forward-index.ts), and ranked on the same scale
 * so they merge with article results. `title:`, `source:` and `author:` read the note's
 * article. Notes are few and change as the user types, so there is no index: each note's
 * words are analysed once per version and scanned per query. No close spellings: a note is
 * the reader's own wording.
 */
import type { Annotation } from '../model/annotation'
import type { ArticleSummary, Block } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResponse, SearchResult } from '../model/search'
import {
  findForwardOccurrences,
  forwardText,
  matchersFor,
  Vocabulary,
  type ForwardText,
  type Occurrence
} from './forward-index'
import type { ProviderAnswer, SearchProvider } from './providers'
import type { ParsedQuery, QueryField, QueryTerm } from './query-parser'
import { compareRanked, proximityTier, rankScore, type PositionedMatch } from './ranking'
import { makeSnippet, type SnippetMatch } from './snippet'

/** A note to search, with where it is in its article now and the article it belongs to. */
export interface NoteEntry {
  annotation: Annotation
  anchor: TextRange | null
  article: Pick<ArticleSummary, 'title' | 'source' | 'date' | 'author'>
}

// The parts of a note's searchable text, in order. Content parts are what plain words match;
// the article's fields only answer `title:`, `source:` and `author:`.
const PASSAGE = 0
const TAGS = 2
const CONTENT_PARTS = 3
// `speaker:` asks for quotations (quote-provider.ts): no part of a note (-1) answers it.
const FIELD_PART: Record<QueryField, number> = { title: 3, source: 4, author: 5, speaker: -1 }
/** Between parts: no word or phrase runs across it. */
const SEPARATOR = '\n\n'

interface NoteDocument {
  version: string
  text: string
  blocks: Block[]
  forward: ForwardText
}

export class NoteProvider implements SearchProvider {
  readonly kind = 'note' as const
  private readonly vocabulary = new Vocabulary()
  private documents = new Map<string, NoteDocument>()

  /** @param entries the notes as they are now; asked at every search. */
  constructor(private readonly entries: () => Iterable<NoteEntry>) {}

  search(query: ParsedQuery, limit: number): ProviderAnswer {
    if (query.groups.length === 0) return { results: [], fuzzy: false }
    const notes = this.refresh()
    // Matchers are made after every note's words are in the vocabulary.
    const matchers = new Map<QueryTerm, ReturnType<typeof matchersFor>>()
    const terms = [...query.groups.flat(), ...query.excluded]
    for (const term of terms) matchers.set(term, matchersFor(this.vocabulary, term.words))
    const occurrences = (doc: NoteDocument, term: QueryTerm): Occurrence[] => {
      const found = findForwardOccurrences(
        doc.forward,
        doc.blocks,
        this.vocabulary,
        matchers.get(term)!,
        term.field ? FIELD_PART[term.field] : undefined
      )
      return term.field ? found : found.filter((o) => o.block < CONTENT_PARTS)
    }

    const ranked: SearchResult[] = []
    for (const { entry, doc } of notes) {
      if (query.excluded.some((term) => occurrences(doc, term).length > 0)) continue
      const positioned: PositionedMatch[] = []
      const shown: SnippetMatch[] = []
      let tagTerms = 0
      let satisfied = true
      for (const [index, group] of query.groups.entries()) {
        const found = group.flatMap((term) => occurrences(doc, term))
        if (found.length === 0) {
          satisfied = false
          break
        }
        if (found.some((o) => o.block === TAGS)) tagTerms++
        for (const o of found)
          if (o.block < CONTENT_PARTS) {
            positioned.push({ term: index, first: o.first, last: o.last })
            shown.push({ start: o.start, end: o.end, word: index })
          }
      }
      if (!satisfied) continue
      shown.sort((a, b) => a.start - b.start || b.end - a.end)
      const { annotation, anchor, article } = entry
      ranked.push({
        kind: 'note',
        articleId: annotation.articleId,
        annotationId: annotation.id,
        title: article.title,
        source: article.source,
        date: article.date,
        // Tags are the note's own headline, so they weigh as a title does; the number of
        // matches stands in for the engine's relevance.
        score: rankScore(tagTerms, proximityTier(positioned, query.groups.length), shown.length),
        snippet: makeSnippet(doc.text, doc.blocks.slice(0, CONTENT_PARTS), shown),
        matchCount: shown.length,
        firstMatch: anchor?.start ?? 0,
        // The reader opens at the highlighted passage; an article note opens the article.
        ...(anchor ? { passage: { start: anchor.start, end: anchor.end } } : {})
      })
    }
    return { results: ranked.sort(compareRanked).slice(0, limit), fuzzy: false }
  }

  /** Each current note with its analysed text, re-analysing only notes that changed. */
  private refresh(): { entry: NoteEntry; doc: NoteDocument }[] {
    const next = new Map<string, NoteDocument>()
    const notes: { entry: NoteEntry; doc: NoteDocument }[] = []
    for (const entry of this.entries()) {
      const { annotation, article } = entry
      const version = `${annotation.updated}\u0000${article.title}`
      let doc = this.documents.get(annotation.id)
      if (doc?.version !== version) doc = this.analyse(entry, version)
      next.set(annotation.id, doc)
      notes.push({ entry, doc })
    }
    this.documents = next
    return notes
  }

  private analyse({ annotation, article }: NoteEntry, version: string): NoteDocument {
    const parts = [
      annotation.target?.quote.exact ?? '',
      annotation.note,
      annotation.tags.join(', '),
      article.title,
      article.source ?? '',
      article.author ?? ''
    ]
    let text = ''
    const blocks: Block[] = parts.map((part, index) => {
      if (index > 0) text += SEPARATOR
      const start = text.length
      text += part
      return {
        kind: index === PASSAGE ? 'blockquote' : 'paragraph',
        start,
        end: text.length,
        marks: []
      }
    })
    return { version, text, blocks, forward: forwardText(text, blocks, this.vocabulary) }
  }
}

/**
 * Search results with note results merged in, on the shared score (`compareRanked`), cut to
 * `limit`. Article results keep their order among themselves; so do notes.
 */
export function withNoteResults(
  response: SearchResponse,
  notes: ProviderAnswer,
  limit: number
): SearchResponse {
  if (notes.results.length === 0) return response
  const results = [...response.results, ...notes.results].sort(compareRanked).slice(0, limit)
  return { ...response, results, fuzzy: response.fuzzy || notes.fuzzy }
}
