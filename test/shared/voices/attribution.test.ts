import { describe, expect, it } from 'vitest'
import { attribution, citationDate, quotationWords } from '@shared/voices/attribution'

const ndtv = { title: 'North Korea Snubs Trump', source: 'NDTV', date: '2019-11-19' }

describe('attribution', () => {
  it('cites a quotation with its speaker, headline, source and date', () => {
    const cited = attribution(
      { text: 'We are no longer interested,', speaker: 'Kim Kye Gwan' },
      ndtv
    )
    expect(cited.text).toBe(
      '“We are no longer interested” — Kim Kye Gwan, in *North Korea Snubs Trump*, NDTV, 19 November 2019'
    )
    expect(cited.html).toBe(
      '“We are no longer interested” — Kim Kye Gwan, in <em>North Korea Snubs Trump</em>, NDTV, 19 November 2019'
    )
  })

  it('leaves out what the article does not say, inventing nothing', () => {
    const bare = { title: 'Trump Is Running Out of Time', source: null, date: null }
    expect(attribution({ text: 'Fine.', speaker: 'the statement' }, bare).text).toBe(
      '“Fine.” — the statement, in *Trump Is Running Out of Time*'
    )
    expect(attribution({ text: 'Phase 1', speaker: null }, ndtv).text).toBe(
      '“Phase 1”, in *North Korea Snubs Trump*, NDTV, 19 November 2019'
    )
    expect(attribution({ text: 'x', speaker: 'A' }, { ...ndtv, source: null }).text).toBe(
      '“x” — A, in *North Korea Snubs Trump*, 19 November 2019'
    )
  })

  it('escapes what would break the Markdown or the HTML', () => {
    const cited = attribution(
      { text: 'a <b> & "c"', speaker: 'R&D' },
      { title: 'Stars *and* <stripes>', source: null, date: null }
    )
    expect(cited.text).toBe('“a <b> & "c"” — R&D, in *Stars \\*and\\* <stripes>*')
    expect(cited.html).toBe(
      '“a &lt;b&gt; &amp; &quot;c&quot;” — R&amp;D, in <em>Stars *and* &lt;stripes&gt;</em>'
    )
  })
})

describe('quotationWords', () => {
  it('joins a quotation running over paragraphs into one line, without the reopening mark', () => {
    expect(quotationWords('First part.\n\n“Second part.')).toBe('First part. Second part.')
    expect(quotationWords('First part.\n\n"Second part.')).toBe('First part. Second part.')
  })

  it('drops the comma that led into the attribution, and keeps a full stop or question mark', () => {
    expect(quotationWords('We are done,')).toBe('We are done')
    expect(quotationWords('Are we done?')).toBe('Are we done?')
    expect(quotationWords('Done.')).toBe('Done.')
  })

  it('keeps quotes nested inside', () => {
    expect(quotationWords("he is not a 'rabid dog.'")).toBe("he is not a 'rabid dog.'")
  })
})

describe('citationDate', () => {
  it('spells an ISO date out and shows anything else as given', () => {
    expect(citationDate('2019-11-19')).toBe('19 November 2019')
    expect(citationDate('2019-01-02')).toBe('2 January 2019')
    expect(citationDate('Spring 2019')).toBe('Spring 2019')
    expect(citationDate('2019-13-01')).toBe('2019-13-01')
  })
})
