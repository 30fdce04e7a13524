import { describe, expect, it } from 'vitest'
import {
  addTag,
  filterNotes,
  groupByArticle,
  matchesQuery,
  normaliseTag,
  readingOrder,
  tagsOf,
  upsert
} from '../../../src/renderer/src/lib/note-list'
import { makeSummary } from '../article-fixture'
import { makeAnnotation } from '../fake-notes-main'

describe('note lists', () => {
  it('orders article notes first, then highlights by position, then orphans by where they were', () => {
    const orphanLate = makeAnnotation({ anchor: null, note: 'orphan late' })
    orphanLate.target!.position = { type: 'TextPositionSelector', start: 90, end: 95 }
    const orphanEarly = makeAnnotation({ anchor: null, note: 'orphan early' })
    orphanEarly.target!.position = { type: 'TextPositionSelector', start: 1, end: 4 }
    const second = makeAnnotation({ anchor: { start: 40, end: 50 }, note: 'second' })
    const first = makeAnnotation({ anchor: { start: 10, end: 20 }, note: 'first' })
    const whole = makeAnnotation({ kind: 'article-note', note: 'whole' })
    expect(
      readingOrder([orphanLate, second, orphanEarly, whole, first]).map((a) => a.note)
    ).toEqual(['whole', 'first', 'second', 'orphan early', 'orphan late'])
  })

  it('replaces an updated annotation in place and keeps reading order', () => {
    const a = makeAnnotation({ anchor: { start: 0, end: 3 } })
    const b = makeAnnotation({ anchor: { start: 5, end: 8 } })
    const moved = { ...a, anchor: { start: 9, end: 12 }, note: 'moved' }
    expect(upsert([a, b], moved).map((x) => x.note)).toEqual(['', 'moved'])
    expect(upsert([a, b], moved)).toHaveLength(2)
  })

  it('filters by colour and by tag, together or alone', () => {
    const list = [
      makeAnnotation({ color: 'green', tags: ['summit'] }),
      makeAnnotation({ color: 'green', tags: [] }),
      makeAnnotation({ color: 'pink', tags: ['summit'] })
    ]
    expect(filterNotes(list, { color: 'green', tag: null })).toHaveLength(2)
    expect(filterNotes(list, { color: null, tag: 'summit' })).toHaveLength(2)
    expect(filterNotes(list, { color: 'green', tag: 'summit' })).toEqual([list[0]])
    expect(filterNotes(list, { color: null, tag: null })).toEqual(list)
  })

  it('lists each tag once, alphabetically', () => {
    const list = [
      makeAnnotation({ tags: ['sanctions', 'Kim'] }),
      makeAnnotation({ tags: ['kim2', 'Kim'] })
    ]
    expect(tagsOf(list)).toEqual(['Kim', 'kim2', 'sanctions'])
  })

  it.each([
    ['  summit ', 'summit'],
    ['#summit', 'summit'],
    ['north korea', 'north-korea'],
    ['  # ', null],
    ['', null]
  ])('makes the tag %j fit to store as %j', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected)
  })

  it('adds a tag only when it is new, whatever its case', () => {
    expect(addTag(['Summit'], 'summit')).toEqual(['Summit'])
    expect(addTag(['Summit'], '#talks')).toEqual(['Summit', 'talks'])
    expect(addTag([], '  ')).toEqual([])
  })

  it('finds notes by their words, tags, passage and article title, ignoring case and accents', () => {
    const note = makeAnnotation({ note: 'Compare with the *Hanoi* summit', tags: ['diplomacy'] })
    note.target!.quote.exact = 'a statement from Pyŏngyang'
    expect(matchesQuery(note, 'hanoi')).toBe(true)
    expect(matchesQuery(note, 'DIPLOMACY')).toBe(true)
    expect(matchesQuery(note, 'pyongyang statement')).toBe(true)
    expect(matchesQuery(note, 'snubs', 'Kim snubs Trump')).toBe(true)
    expect(matchesQuery(note, 'hanoi singapore')).toBe(false)
    expect(matchesQuery(note, '  ')).toBe(true)
  })

  it('groups notes by article in library order, keeping notes of articles that have gone', () => {
    const list = [
      makeAnnotation({ articleId: 'b', anchor: { start: 9, end: 12 }, note: 'b2' }),
      makeAnnotation({ articleId: 'gone', note: 'g' }),
      makeAnnotation({ articleId: 'a', note: 'a1' }),
      makeAnnotation({ articleId: 'b', anchor: { start: 1, end: 3 }, note: 'b1' })
    ]
    const groups = groupByArticle(list, [
      makeSummary('a', 'Alpha'),
      makeSummary('b', 'Beta'),
      makeSummary('c', 'Gamma')
    ])
    expect(groups.map((g) => [g.title, g.notes.map((n) => n.note)])).toEqual([
      ['Alpha', ['a1']],
      ['Beta', ['b1', 'b2']],
      [null, ['g']]
    ])
  })
})
