import { describe, expect, it } from 'vitest'
import { QUOTE_LAYER, quoteLayer, tabStop } from '@shared/voices/quote-layer'
import { markdownArticle, withQuotes } from './quote-fixture'

const { quotes } = withQuotes(
  markdownArticle('tweet', { title: 'Tweet' }, [
    'A "Phase 1" deal. "He is not a \'rabid dog,\'" Trump wrote. "See you soon!" he added.'
  ]),
  [
    { printed: '"Phase 1"', speaker: null },
    { printed: '"He is not a \'rabid dog,\'"', speaker: 'Donald Trump' },
    { printed: "'rabid dog,'", speaker: null },
    { printed: '"See you soon!"', speaker: 'Donald Trump' }
  ]
)

describe('quoteLayer', () => {
  it('gives one range per quotation with its kind, speaker and start, ids being indexes into the quotes', () => {
    const layer = quoteLayer(quotes)
    expect(layer.map((r) => [r.layer, r.id, r.data?.['kind'], r.data?.['speaker']])).toEqual([
      [QUOTE_LAYER, '0', 'scare', ''],
      [QUOTE_LAYER, '1', 'direct', 'Donald Trump'],
      [QUOTE_LAYER, '2', 'scare', ''],
      [QUOTE_LAYER, '3', 'direct', 'Donald Trump']
    ])
    expect(layer[1]).toMatchObject({ start: quotes[1]!.start, end: quotes[1]!.end })
    expect(layer[1]!.data?.['start']).toBe(String(quotes[1]!.start))
  })

  it('puts an outer quotation before the one nested in it, whatever order they come in', () => {
    const reversed = [quotes[2]!, quotes[1]!]
    expect(quoteLayer(reversed).map((r) => r.id)).toEqual(['1', '0'])
  })

  it('makes exactly one direct quotation the Tab stop, and scare quotes none', () => {
    const tabs = (stop?: number) => quoteLayer(quotes, { stop }).map((r) => r.data?.['tabindex'])
    expect(tabs()).toEqual([undefined, '0', undefined, '-1'])
    expect(tabs(3)).toEqual([undefined, '-1', undefined, '0'])
    // A scare quote cannot be the stop: the first direct one is.
    expect(tabs(0)).toEqual([undefined, '0', undefined, '-1'])
  })

  it('marks the flashing quotation with its pulse', () => {
    const flash = { range: { start: quotes[3]!.start, end: quotes[3]!.end }, pulse: 'b' as const }
    const layer = quoteLayer(quotes, { flash })
    expect(layer.map((r) => r.data?.['flash'])).toEqual([undefined, undefined, undefined, 'b'])
  })

  it('marks every part of the quotation pointed at or focused as active', () => {
    expect(quoteLayer(quotes, { active: 2 }).map((r) => r.data?.['active'])).toEqual([
      undefined,
      undefined,
      '',
      undefined
    ])
  })

  it('draws nothing for an empty quotation', () => {
    expect(quoteLayer([{ start: 4, end: 4, text: '', kind: 'scare', speaker: null }])).toEqual([])
  })
})

describe('tabStop', () => {
  it('is -1 when there is no direct quotation', () => {
    expect(tabStop([quotes[0]!])).toBe(-1)
    expect(tabStop([])).toBe(-1)
  })
})
