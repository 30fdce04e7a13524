import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDate,
  formatMatchCount,
  formatReadingTime,
  metaLine
} from '../../../src/renderer/src/lib/format'

describe('formatDate', () => {
  it.each([
    ['2019-11-19', '19 Nov 2019'],
    ['2020-01-05', '5 Jan 2020'],
    ['2021-09-30', '30 Sep 2021']
  ])('shows %s as %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown)
  })

  it.each(['19/11/2019', '2019-13-01', 'yesterday'])(
    'shows %s, which is not an ISO date, as it is',
    (raw) => {
      expect(formatDate(raw)).toBe(raw)
    }
  )
})

describe('formatReadingTime', () => {
  it('says how many minutes an article takes', () => {
    expect(formatReadingTime(4)).toBe('4 min read')
  })

  it('never promises zero minutes', () => {
    expect(formatReadingTime(0)).toBe('1 min read')
  })
})

describe('metaLine', () => {
  it('joins source, date and reading time with middle dots', () => {
    expect(metaLine({ source: 'NDTV', date: '2019-11-19', readingMinutes: 5 })).toBe(
      'NDTV · 19 Nov 2019 · 5 min read'
    )
  })

  it('puts the author first when the article names one', () => {
    expect(metaLine({ author: 'Jane Doe', source: 'NDTV', date: null })).toBe('By Jane Doe · NDTV')
  })

  it('leaves out what the article does not state', () => {
    expect(metaLine({ source: null, date: null, readingMinutes: 3 })).toBe('3 min read')
  })
})

describe('formatMatchCount', () => {
  it('uses the singular for one match', () => {
    expect([formatMatchCount(1), formatMatchCount(7)]).toEqual(['1 match', '7 matches'])
  })
})

describe('formatCount', () => {
  it('uses the singular for one and the plural for any other count, zero included', () => {
    expect([formatCount(1, 'note'), formatCount(0, 'note'), formatCount(3, 'note')]).toEqual([
      '1 note',
      '0 notes',
      '3 notes'
    ])
  })

  it('takes the plural it is given, and groups thousands', () => {
    expect(formatCount(2, 'person', 'people')).toBe('2 people')
    expect(formatCount(1234, 'voice')).toBe('1,234 voices')
  })
})
