import { describe, expect, it } from 'vitest'
import {
  bestRanked,
  compareRanked,
  byRank,
  minimalWindow,
  NEAR_SLACK,
  PageFloor,
  proximityTier,
  rankScore
} from '@shared/search/ranking'

const at = (term: number, first: number, last = first) => ({ term, first, last })

describe('minimalWindow', () => {
  it('finds the smallest span holding every term', () => {
    expect(minimalWindow([at(0, 1), at(1, 40), at(0, 38), at(1, 90)], 2)).toEqual({
      span: 3,
      covered: 2
    })
  })

  it('counts a phrase match as its whole length', () => {
    expect(minimalWindow([at(0, 5, 6), at(1, 7)], 2)).toEqual({ span: 3, covered: 3 })
  })

  it('answers null when a term has no match', () => {
    expect(minimalWindow([at(0, 1), at(0, 2)], 2)).toBeNull()
  })
})

describe('proximityTier', () => {
  it.each([
    ['adjacent terms', [at(0, 10), at(1, 11)], 2],
    ['adjacent in either order', [at(1, 10), at(0, 11)], 2],
    ['terms within a clause', [at(0, 10), at(1, 12 + NEAR_SLACK - 2)], 1],
    ['scattered terms', [at(0, 10), at(1, 12 + NEAR_SLACK)], 0],
    ['terms in different blocks', [at(0, 10), at(1, 1011)], 0]
  ])('ranks %s as tier %i', (_case, matches, tier) => {
    expect(proximityTier(matches, 2)).toBe(tier)
  })

  it('gives a single-term query no proximity', () => {
    expect(proximityTier([at(0, 1)], 1)).toBe(0)
  })
})

describe('rankScore', () => {
  it('puts a title term above any proximity and engine score', () => {
    expect(rankScore(1, 0, 0)).toBeGreaterThan(rankScore(0, 2, 1e9))
  })

  it('puts proximity above any engine score', () => {
    expect(rankScore(0, 1, 0)).toBeGreaterThan(rankScore(0, 0, 1e9))
    expect(rankScore(0, 2, 0)).toBeGreaterThan(rankScore(0, 1, 1e9))
  })

  it('keeps the engine order within a tier', () => {
    expect(rankScore(0, 0, 2)).toBeGreaterThan(rankScore(0, 0, 1))
  })
})

describe('compareRanked', () => {
  it('orders by score, then the more recent, then undated', () => {
    const items = [
      { id: 'old', score: 1, date: '2019-01-01' },
      { id: 'undated', score: 1, date: null },
      { id: 'best', score: 2, date: '2001-01-01' },
      { id: 'new', score: 1, date: '2024-01-01' }
    ]
    expect(items.sort(compareRanked).map((i) => i.id)).toEqual(['best', 'new', 'old', 'undated'])
  })
})

describe('the best of many candidates', () => {
  // Few distinct scores and dates, so ties abound: the order among them must be a stable sort's.
  const items = Array.from({ length: 500 }, (_, i) => ({
    i,
    score: (i * 7919) % 13,
    date: i % 5 === 0 ? null : `2024-0${1 + (i % 3)}-01`
  }))
  const sorted = [...items].sort(compareRanked)

  it.each([1, 20, 100, 499, 500, 600])('are the first %i a stable sort gives', (k) => {
    expect(bestRanked(items, k)).toEqual(sorted.slice(0, k))
  })

  it("come one by one in a stable sort's order, for as far as they are read", () => {
    const compare = (a: number, b: number) => compareRanked(items[a]!, items[b]!) || a - b
    expect([...byRank(items.length, compare)].map((i) => items[i])).toEqual(sorted)
    const firstTen: typeof items = []
    for (const i of byRank(items.length, compare)) {
      if (firstTen.length === 10) break
      firstTen.push(items[i]!)
    }
    expect(firstTen).toEqual(sorted.slice(0, 10))
    // Room lent by the caller, longer than needed and holding old numbers, changes nothing.
    const room = new Uint32Array(items.length * 2).fill(7)
    expect([...byRank(items.length, compare, room)].map((i) => items[i])).toEqual(sorted)
    expect([...byRank(0, compare)]).toEqual([])
    expect([...byRank(1, compare)]).toEqual([0])
  })
})

describe('a page floor', () => {
  it('is open until the page is full, then shut to lower scores', () => {
    const page = new PageFloor(2)
    expect(page.shuts(0.1, 0)).toBe(false)
    page.add(0.5, 3)
    page.add(0.3, 3)
    expect(page.shuts(0.2, 9)).toBe(true)
    expect(page.shuts(0.4, 0)).toBe(false)
  })

  it('settles a tie with the worst result by date: only a more recent one gets in', () => {
    const page = new PageFloor(2)
    page.add(0.5, 1)
    page.add(0.3, 5)
    expect(page.shuts(0.3, 5)).toBe(true)
    expect(page.shuts(0.3, 4)).toBe(true)
    expect(page.shuts(0.3, 6)).toBe(false)
    page.add(0.3, 6)
    // The newer of the two tied results is on the page now, the older one off it.
    expect(page.shuts(0.3, 5)).toBe(true)
    expect(page.shuts(0.3, 7)).toBe(false)
  })

  it('is shut to everything for a page of none', () => {
    expect(new PageFloor(0).shuts(Infinity, Infinity)).toBe(true)
  })
})
