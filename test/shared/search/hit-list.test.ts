import { describe, expect, it } from 'vitest'
import {
  concatHits,
  filterHits,
  NO_HITS,
  type HitList,
  type MatchedTerms
} from '@shared/search/hit-list'
import { plainLunrSearch, SearchEngine } from '@shared/search/lunr-engine'

const title: MatchedTerms = { title: new Set(['ferri']) }
const body: MatchedTerms = { body: new Set(['strike']) }
const list = (docs: number[], scores: number[], matched = docs.map(() => title)): HitList => ({
  length: docs.length,
  docs: Uint32Array.from(docs),
  scores: Float64Array.from(scores),
  matched
})
const plain = (hits: HitList) => ({
  docs: [...hits.docs],
  scores: [...hits.scores],
  matched: [...hits.matched]
})

describe('hit lists', () => {
  it('keep the hits a filter accepts, in order, with their scores and matched terms', () => {
    const hits = list([4, 7, 9], [0.5, 1.5, 2.5], [title, body, title])
    expect(plain(filterHits(hits, (i) => hits.docs[i] !== 7))).toEqual({
      docs: [4, 9],
      scores: [0.5, 2.5],
      matched: [title, title]
    })
    expect(filterHits(hits, () => false).length).toBe(0)
    expect(filterHits(hits, () => true)).toBe(hits)
  })

  it('join lists, raising each one’s document numbers by its offset', () => {
    const joined = concatHits([
      { hits: list([1, 0], [1, 2]), offset: 0 },
      { hits: NO_HITS, offset: 2 },
      { hits: list([0], [3], [body]), offset: 2 }
    ])
    expect(joined.length).toBe(3)
    expect(plain(joined)).toEqual({
      docs: [1, 0, 2],
      scores: [1, 2, 3],
      matched: [title, title, body]
    })
  })

  it('hold what plain lunr finds, scores and matched terms, when the engine answers with one', () => {
    const documents = [
      { id: 'a', title: 'Ferry strike', body: 'Crews out.', source: '', author: '' },
      { id: 'b', title: 'Harvest', body: 'The ferry ran late.', source: '', author: '' },
      { id: 'c', title: 'Council', body: 'A budget.', source: '', author: '' }
    ]
    const engine = SearchEngine.build(documents)
    const clauses = [
      { term: 'ferri', kind: 'exact' as const },
      { term: 'strike', kind: 'exact' as const }
    ]
    const hits = engine.hitList(clauses)
    const byId = new Map([...hits.docs].map((doc, i) => [engine.ids[doc], i]))
    const lunrs = plainLunrSearch(documents, clauses)
    expect([...byId.keys()].sort()).toEqual(lunrs.map((hit) => hit.id).sort())
    for (const hit of lunrs) {
      const i = byId.get(hit.id)!
      expect(hits.docs[i]).toBe(hit.doc)
      expect(hits.matched[i]).toEqual(hit.matched)
      expect(hits.scores[i]).toBeCloseTo(hit.score, 9)
    }
    expect(engine.hitList([]).length).toBe(0)
  })
})
