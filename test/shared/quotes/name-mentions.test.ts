import { describe, expect, it } from 'vitest'
import { findNameRuns } from '@shared/quotes/name-mentions'
import { splitParagraphs, splitSentences, type Range } from '@shared/quotes/sentences'
import { TokenIndex } from '@shared/quotes/tokens'
import { castOf } from './cast-of'

describe('names an article writes', () => {
  it.each([
    ['strips titles before a name', 'Defense Secretary Mark Esper spoke.', 'Mark Esper'],
    [
      'strips a nationality and a title',
      'Turkish President Recep Tayyip Erdogan came.',
      'Recep Tayyip Erdogan'
    ],
    ['strips an honorific', 'Judge Miriam Castell retired. Mr. Ian Hale stayed.', 'Miriam Castell'],
    [
      'strips a job title written before the name',
      'Singer Paul Kerrigan, now 61, agreed.',
      'Paul Kerrigan'
    ]
  ])('%s', (_case, text, name) => {
    expect(castOf(text).entities.map((e) => e.name)).toContain(name)
  })

  it('does not take a capitalised word that opens a sentence for a name', () => {
    const names = castOf('Talks stalled. Between the lines, Ann Lee smiled.').entities.map(
      (e) => e.name
    )
    expect(names).toEqual(['Ann Lee'])
  })
})

describe('findNameRuns', () => {
  const runsOf = (text: string, quotes: Range[] = []): [string, boolean, boolean][] => {
    const paragraphs = splitParagraphs(text)
    return findNameRuns(text, splitSentences(text, paragraphs), new TokenIndex(text), quotes).map(
      (run) => [run.tokens.map((t) => t.text).join(' '), run.quoted, run.titleCase]
    )
  }

  it('keeps particles and a possessive inside a name, and ends a run at a quotation mark', () => {
    expect(runsOf('Tomás de la Cruz met the Growers’ Association and "Ann" Lee.')).toEqual([
      ['Tomás de la Cruz', false, false],
      ['Growers Association', false, false],
      ['Ann', false, false],
      ['Lee', false, false]
    ])
  })

  it('marks the runs of a title-case headline and those inside a quotation', () => {
    const text = 'Paul Ryan Meets With Trump At Last\n\nHe said "Ann Lee knows."'
    expect(runsOf(text, [[text.indexOf('"'), text.length - 1]])).toEqual([
      ['Paul Ryan Meets With Trump At Last', false, true],
      ['He', false, false],
      ['Ann Lee', true, false]
    ])
  })
})
