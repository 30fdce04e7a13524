import { describe, expect, it } from 'vitest'
import { groupBySpeaker } from '@shared/voices/group-by-speaker'
import { markdownArticle, withQuotes } from './quote-fixture'

const { quotes } = withQuotes(
  markdownArticle('counts', { title: 'Counts' }, [
    '"One," said Kim Kye Gwan. A "fruitless" meeting. "Two," said Mark Esper. "Three," said Kim Kye Gwan. "Four," said KIM KYE-GWAN. A "Phase 1" deal.'
  ]),
  [
    { printed: '"One,"', speaker: 'Kim Kye Gwan' },
    { printed: '"fruitless"', speaker: null },
    { printed: '"Two,"', speaker: 'Mark Esper' },
    { printed: '"Three,"', speaker: 'Kim Kye Gwan' },
    { printed: '"Four,"', speaker: 'KIM KYE-GWAN' },
    { printed: '"Phase 1"', speaker: null }
  ]
)

describe('groupBySpeaker', () => {
  it('groups direct quotations by speaker in the order each is first heard, entries in reading order', () => {
    const { speakers } = groupBySpeaker(quotes)
    expect(speakers.map((g) => [g.speaker, g.entries.map((e) => e.quote.text)])).toEqual([
      ['Kim Kye Gwan', ['One,', 'Three,', 'Four,']],
      ['Mark Esper', ['Two,']]
    ])
  })

  it('keeps each entry’s index into the article’s quotations', () => {
    const { speakers, scare } = groupBySpeaker(quotes)
    expect(speakers[0]!.entries.map((e) => e.index)).toEqual([0, 3, 4])
    expect(scare.map((e) => e.index)).toEqual([1, 5])
  })

  it('sets scare quotes apart, in reading order, whatever order they were given in', () => {
    const { scare } = groupBySpeaker([...quotes].reverse())
    expect(scare.map((e) => e.quote.text)).toEqual(['fruitless', 'Phase 1'])
  })

  it('lists a direct quotation with no usable speaker among the unattributed, not under a blank name', () => {
    const unnamed = { ...quotes[0]!, speaker: '  ' }
    expect(groupBySpeaker([unnamed])).toEqual({
      speakers: [],
      scare: [{ index: 0, quote: unnamed }]
    })
  })
})
