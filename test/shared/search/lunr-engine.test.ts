import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import {
  plainLunrSearch,
  SearchEngine,
  type EngineClause,
  type EngineHit,
  type IndexedDocument
} from '@shared/search/lunr-engine'
import { toIndexedDocument } from '@shared/search/search-service'

function load(dir: string): IndexedDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) =>
      toIndexedDocument(
        parseArticle(name.replace(/\.md$/, ''), readFileSync(join(dir, name), 'utf8'))
      )
    )
}

const handMade: IndexedDocument[] = [
  {
    id: 'a',
    title: 'Talks in Pyongyang',
    body: 'Talks, talking, talked.',
    source: 'NDTV',
    author: ''
  },
  {
    id: 'b',
    title: 'Harbour news',
    body: 'Sanctions relief and sanctioned talks.',
    source: '',
    author: 'Kim'
  },
  { id: 'c', title: '', body: '', source: '', author: '' },
  {
    id: 'd',
    title: 'Sanctions',
    body: 'sanction sanction sanction relief denuclearization',
    source: 'AP',
    author: ''
  }
]
const documents = [
  ...load(join(__dirname, '../../../resources/articles')),
  ...load(join(__dirname, '../../fixtures/library')),
  ...handMade
]
const engine = SearchEngine.build(documents)

/** Hits as comparable data: id → score and matched terms per field, in a stable order. */
function normalised(hits: EngineHit[]) {
  return Object.fromEntries(
    hits.map((hit) => [
      hit.id,
      {
        score: hit.score,
        matched: Object.fromEntries(
          Object.entries(hit.matched)
            .map(([field, terms]) => [field, [...terms].sort()] as const)
            .sort(([a], [b]) => a.localeCompare(b))
        )
      }
    ])
  )
}

const CASES: [string, EngineClause[]][] = [
  ['a common word', [{ term: 'trump', kind: 'exact' }]],
  ['a rare word', [{ term: 'tomato', kind: 'exact' }]],
  ['a word in no document', [{ term: 'zzzz', kind: 'exact' }]],
  [
    'three words',
    [
      { term: 'north', kind: 'exact' },
      { term: 'korea', kind: 'exact' },
      { term: 'sanction', kind: 'exact' }
    ]
  ],
  ['a prefix', [{ term: 'sanct', kind: 'prefix' }]],
  ['a short prefix', [{ term: 'ta', kind: 'prefix' }]],
  ['a fuzzy word', [{ term: 'denuclearis', kind: 'fuzzy', editDistance: 2 }]],
  ['a fuzzy word at the default distance', [{ term: 'talc', kind: 'fuzzy' }]],
  ['one field', [{ term: 'talk', kind: 'exact', fields: ['title'] }]],
  ['a source', [{ term: 'ndtv', kind: 'exact', fields: ['source'] }]],
  [
    'the same term twice, exact and as a prefix',
    [
      { term: 'talk', kind: 'exact' },
      { term: 'talk', kind: 'prefix' }
    ]
  ]
]

describe('the search engine', () => {
  it.each(CASES)('scores %s exactly as lunr.Index#query does', (_case, clauses) => {
    const ours = normalised(engine.search(clauses))
    const lunrs = normalised(plainLunrSearch(documents, clauses))
    expect(Object.keys(ours).sort()).toEqual(Object.keys(lunrs).sort())
    for (const [id, hit] of Object.entries(lunrs)) {
      expect(ours[id]!.matched, id).toEqual(hit.matched)
      // Same weights; only the order of floating-point additions differs.
      expect(ours[id]!.score, id).toBeCloseTo(hit.score, 9)
    }
  })

  it('returns hits best first', () => {
    const scores = engine.search([{ term: 'talk', kind: 'exact' }]).map((hit) => hit.score)
    expect(scores.length).toBeGreaterThan(2)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it.each(CASES)('answers %s the same after a round trip through JSON', (_case, clauses) => {
    const loaded = SearchEngine.load(JSON.parse(JSON.stringify(engine.toJSON())) as object)
    expect(normalised(loaded.search(clauses))).toEqual(normalised(engine.search(clauses)))
  })

  it('answers each query the same whatever was searched before it', () => {
    // The engine reuses its per-document working arrays: each search must leave them clean.
    const fresh = (clauses: EngineClause[]) =>
      normalised(SearchEngine.load(engine.toJSON()).search(clauses))
    for (const [name, clauses] of [...CASES, ...CASES].reverse())
      expect(normalised(engine.search(clauses)), name).toEqual(fresh(clauses))
  })

  it("gives each hit's number in the index, for array look-ups", () => {
    const hits = engine.search([{ term: 'talk', kind: 'exact' }])
    expect(hits.length).toBeGreaterThan(2)
    for (const hit of hits) expect(engine.ids[hit.doc]).toBe(hit.id)
    for (const hit of plainLunrSearch(documents, [{ term: 'talk', kind: 'exact' }]))
      expect(engine.ids[hit.doc]).toBe(hit.id)
  })

  it('finds nothing for no clauses', () => {
    expect(engine.search([])).toEqual([])
  })

  it('indexes an empty library', () => {
    const empty = SearchEngine.build([])
    expect(empty.search([{ term: 'talk', kind: 'prefix' }])).toEqual([])
    expect(SearchEngine.load(empty.toJSON()).size).toBe(0)
  })

  it.each([
    ['plain lunr JSON', { version: '2.3.9', fields: [], invertedIndex: [] }],
    ['another version', { ...engine.toJSON(), version: 0 }],
    ['arrays that disagree', { ...engine.toJSON(), refs: ['x'] }],
    ['postings that do not add up', { ...engine.toJSON(), gaps: [[], [], [], []] }]
  ])('refuses to load %s', (_case, data) => {
    expect(() => SearchEngine.load(data)).toThrow()
  })
})
