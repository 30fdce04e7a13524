import { describe, expect, it } from 'vitest'
import { filterVoices, quotesBySpeaker, summariseVoices } from '@shared/voices/voices'
import { markdownArticle, withQuotes } from './quote-fixture'

const summit = withQuotes(
  markdownArticle('summit', { title: 'Summit off', source: 'NDTV', date: '2019-11-19' }, [
    '"No more talks," said Kim Jong-un. "None," he added. Esper said it could "facilitate a deal". The "Phase 1" deal stalled.'
  ]),
  [
    { printed: '"No more talks,"', speaker: 'Kim Jong-un' },
    { printed: '"None,"', speaker: 'Kim Jong-un' },
    { printed: '"facilitate a deal"', speaker: 'Mark Esper' },
    { printed: '"Phase 1"', speaker: null }
  ]
)
const deadline = withQuotes(
  markdownArticle('deadline', { title: 'Deadline' }, [
    'Kim Jong Un said: "Until the end of the year." Esper: "Fine."'
  ]),
  [
    { printed: '"Until the end of the year."', speaker: 'Kim Jong Un' },
    { printed: '"Fine."', speaker: 'Mark Esper' }
  ]
)
const quiet = withQuotes(markdownArticle('quiet', { title: 'Nobody speaks' }, ['Silence.']), [])

describe('summariseVoices', () => {
  it('counts every direct quotation per speaker, most quoted first, with the articles in library order', () => {
    expect(summariseVoices([summit, deadline, quiet])).toEqual([
      {
        speaker: 'Kim Jong-un',
        quoteCount: 3,
        articles: [
          { id: 'summit', title: 'Summit off' },
          { id: 'deadline', title: 'Deadline' }
        ]
      },
      {
        speaker: 'Mark Esper',
        quoteCount: 2,
        articles: [
          { id: 'summit', title: 'Summit off' },
          { id: 'deadline', title: 'Deadline' }
        ]
      }
    ])
  })

  it('treats spellings that differ only in case, accents or hyphens as one voice, named as spelt most often', () => {
    const [kim] = summariseVoices([deadline, summit])
    expect(kim).toMatchObject({ speaker: 'Kim Jong-un', quoteCount: 3 })
  })

  it('reads a possessive name as the person (“Kim Kye Gwan’s statement said”)', () => {
    const statement = withQuotes(
      markdownArticle('statement', { title: 'Statement' }, [
        '"Nothing," said Kim Kye Gwan. "Still nothing," Kim Kye Gwan’s statement said.'
      ]),
      [
        { printed: '"Nothing,"', speaker: 'Kim Kye Gwan' },
        { printed: '"Still nothing,"', speaker: 'Kim Kye Gwan’s' }
      ]
    )
    expect(summariseVoices([statement])).toMatchObject([{ speaker: 'Kim Kye Gwan', quoteCount: 2 }])
  })

  it('leaves scare quotes out: they have no speaker', () => {
    const names = summariseVoices([summit]).map((voice) => voice.speaker)
    expect(names).not.toContain('')
    expect(names).toHaveLength(2)
  })

  it('orders voices quoted equally often by name', () => {
    const one = withQuotes(markdownArticle('one', { title: 'One' }, ['Zed: "a". Abe: "b".']), [
      { printed: '"a"', speaker: 'Zed' },
      { printed: '"b"', speaker: 'Abe' }
    ])
    expect(summariseVoices([one]).map((voice) => voice.speaker)).toEqual(['Abe', 'Zed'])
  })

  it('is empty for a library without quotations', () => {
    expect(summariseVoices([quiet])).toEqual([])
  })
})

describe('quotesBySpeaker', () => {
  it('gives every quotation of a speaker under any spelling, in library and reading order, with its article', () => {
    const quotes = quotesBySpeaker([summit, deadline], 'kim jong un')
    expect(quotes.map((q) => [q.articleId, q.quote.text])).toEqual([
      ['summit', 'No more talks,'],
      ['summit', 'None,'],
      ['deadline', 'Until the end of the year.']
    ])
    expect(quotes[0]).toMatchObject({ title: 'Summit off', source: 'NDTV', date: '2019-11-19' })
    expect(quotes[2]).toMatchObject({ title: 'Deadline', source: null, date: null })
  })

  it('finds nobody for a name no one in the library has, or for no name at all', () => {
    expect(quotesBySpeaker([summit], 'Kim')).toEqual([])
    expect(quotesBySpeaker([summit], '  ')).toEqual([])
  })
})

describe('filterVoices', () => {
  const voices = summariseVoices([summit, deadline])

  it('keeps the voices whose name contains the text, ignoring case, accents and hyphens', () => {
    expect(filterVoices(voices, 'ESP').map((v) => v.speaker)).toEqual(['Mark Esper'])
    expect(filterVoices(voices, 'jong un').map((v) => v.speaker)).toEqual(['Kim Jong-un'])
    expect(filterVoices(voices, 'jöng-un').map((v) => v.speaker)).toEqual(['Kim Jong-un'])
  })

  it('keeps everything for an empty filter and nothing for a name nobody has', () => {
    expect(filterVoices(voices, ' ')).toHaveLength(2)
    expect(filterVoices(voices, 'trump')).toEqual([])
  })
})
