import { describe, expect, it } from 'vitest'
import { extractQuotes } from '@shared/quotes'
import { loadFixtures, rates, scoreFixture, scoreTable, total } from './scoring'

const fixtures = loadFixtures()
const OPENING = /^["'“‘«„‚‹「『]$/

describe('quotation fixtures', () => {
  it('hold both bundled articles and at least eight articles written for the tests', () => {
    const bundled = fixtures.filter((f) => f.name.includes('north-korea'))
    expect(bundled).toHaveLength(2)
    expect(fixtures.length - bundled.length).toBeGreaterThanOrEqual(8)
  })

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: every label points at a quotation mark and holds the text between its marks',
    (_name, fixture) => {
      for (const label of fixture.quotes) {
        expect(OPENING.test(fixture.text[label.start]!), `${label.text} opens with a mark`).toBe(
          true
        )
        const closed = fixture.text.slice(label.start + 1, label.end - 1) === label.text
        const toParagraphEnd = fixture.text.slice(label.start + 1, label.end) === label.text
        expect(closed || toParagraphEnd, `${label.text} matches its offsets`).toBe(true)
        if (label.kind === 'scare') expect(label.speaker, `${label.text} is scare`).toBeNull()
      }
    }
  )
})

describe('the scorer', () => {
  it('counts a missed span, an extra span and a wrong speaker', () => {
    const fixture = {
      name: 'made-up',
      text: '"a," X said. "b," Y said.',
      notes: [],
      quotes: [
        { start: 0, end: 4, kind: 'direct' as const, speaker: 'X', text: 'a,' },
        { start: 13, end: 17, kind: 'direct' as const, speaker: 'Y', text: 'b,' }
      ]
    }
    const score = scoreFixture(fixture, [
      { start: 0, end: 4, kind: 'direct', speaker: 'Z', text: 'a,' },
      { start: 5, end: 9, kind: 'scare', speaker: null, text: 'x' }
    ])
    expect(score).toMatchObject({ labelled: 2, found: 2, matched: 1, speakerRight: 0 })
    expect(rates(score)).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, speakerAccuracy: 0 })
    expect(score.misses).toHaveLength(3)
  })
})

describe('extraction scored against the fixtures', () => {
  const scores = fixtures.map((fixture) => scoreFixture(fixture, extractQuotes(fixture.text)))
  const overall = total(scores)
  const { f1, speakerAccuracy } = rates(overall)

  it('finds quotation spans with F1 of at least 0.95 (exact start and end)', () => {
    expect(f1, `${scoreTable(scores)}\n${overall.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95)
  })

  it('names the right speaker for at least 90% of the quotations it finds', () => {
    expect(
      speakerAccuracy,
      `${scoreTable(scores)}\n${overall.misses.join('\n')}`
    ).toBeGreaterThanOrEqual(0.9)
  })
})
