/**
 * The query kinds the scale bench times, each as Dossier's query language and as MiniSearch's
 * closest equivalent, and how MiniSearch is set up: shared by the bench's parent and by the
 * processes that answer its queries (query-server.ts).
 */
import type { ArticleView } from '@shared/model/article'
import { toIndexedDocument } from '@shared/search/search-service'
import type { SearchOptions } from 'minisearch'
import { wordAtRank } from './corpus'

/** One query kind, as Dossier's query language and as MiniSearch's closest equivalent. */
export interface QueryKind {
  kind: string
  /** Its name in the `--json` figures. */
  key: string
  dossier: string
  mini: string
  options: SearchOptions
  note?: string
}

/** An invented word far down the Zipf ranking: in a few dozen articles at 10k. */
export const RARE = wordAtRank(20_000)

/** Searched untimed before each timed run (see the query loop): another rare word. */
export const INTERLUDE = `${wordAtRank(20_001)} `

export const QUERY_KINDS: QueryKind[] = [
  // "said" would be the most common, but lunr's stop-word list drops it.
  { kind: 'common term', key: 'common', dossier: 'president ', mini: 'president', options: {} },
  { kind: 'rare term', key: 'rare', dossier: `${RARE} `, mini: RARE, options: {} },
  {
    kind: 'three terms',
    key: 'threeTerms',
    dossier: 'trump sanctions relief ',
    mini: 'trump sanctions relief',
    options: { combineWith: 'AND' }
  },
  { kind: 'prefix', key: 'prefix', dossier: 'denucl', mini: 'denucl', options: { prefix: true } },
  {
    kind: 'fuzzy',
    key: 'fuzzy',
    dossier: 'denuclearisation ',
    mini: 'denuclearisation',
    options: { fuzzy: 0.2 },
    note: 'Dossier falls back to close spellings when exact matching finds little'
  },
  {
    kind: 'phrase',
    key: 'phrase',
    dossier: '"north korea" ',
    mini: 'north korea',
    options: { combineWith: 'AND' },
    note: 'MiniSearch has no phrases: both words, no adjacency check'
  }
]

export const MINI_OPTIONS = { fields: ['title', 'body'], storeFields: [] as string[] }

export function miniDocuments(articles: readonly ArticleView[]) {
  return articles.map((article) => {
    const { id, title, body } = toIndexedDocument(article)
    return { id, title, body }
  })
}
