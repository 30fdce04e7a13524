import { describe, expect, it } from 'vitest'
import { SEARCH_HIT_LAYER, toSearchHits } from '@shared/ranges/search-hits'

describe('toSearchHits', () => {
  it('numbers matches in reading order whatever order they arrive in', () => {
    const hits = toSearchHits([
      { start: 40, end: 45 },
      { start: 3, end: 8 },
      { start: 20, end: 22 }
    ])
    expect(hits.map((h) => [h.start, h.id])).toEqual([
      [3, '0'],
      [20, '1'],
      [40, '2']
    ])
  })

  it('draws every match in the search-hit layer', () => {
    const hits = toSearchHits([{ start: 1, end: 2 }])
    expect(hits.map((h) => h.layer)).toEqual([SEARCH_HIT_LAYER])
  })

  it('drops empty matches so they are not counted', () => {
    const hits = toSearchHits([
      { start: 5, end: 5 },
      { start: 6, end: 9 }
    ])
    expect(hits.map((h) => [h.start, h.id])).toEqual([[6, '0']])
  })
})
