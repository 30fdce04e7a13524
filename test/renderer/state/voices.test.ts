import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VoiceQuote, VoiceSummary } from '@shared/model/quote'
import { makeArticle } from '../article-fixture'
import { withQuotes } from '../quote-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { voices } = await import('../../../src/renderer/src/state/voices.svelte')
const { view } = await import('../../../src/renderer/src/state/view.svelte')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')

const article = withQuotes(
  makeArticle([{ kind: 'paragraph', text: 'Kim: "No." Esper: "Yes." Abe: "Maybe."' }], {
    id: 'talks'
  }),
  [
    { printed: '"No."', speaker: 'Kim' },
    { printed: '"Yes."', speaker: 'Esper' },
    { printed: '"Maybe."', speaker: 'Abe' }
  ]
)
const summaries: VoiceSummary[] = ['Kim', 'Esper', 'Abe'].map((speaker) => ({
  speaker,
  quoteCount: 1,
  articles: [{ id: 'talks', title: 'Untitled' }]
}))
const quotesOf = (speaker: string): VoiceQuote[] =>
  article.quotes
    .filter((q) => q.speaker === speaker)
    .map((quote) => ({ articleId: 'talks', title: 'Untitled', source: null, date: null, quote }))

beforeEach(() => {
  vi.mocked(call).mockReset()
  vi.mocked(call).mockImplementation((async (
    channel: string,
    request?: { speaker?: string; id?: string }
  ) => {
    if (channel === 'quotes:voices') return { ok: true, value: { voices: summaries } }
    if (channel === 'quotes:by-speaker')
      return {
        ok: true,
        value: { speaker: request?.speaker, quotes: quotesOf(request?.speaker ?? '') }
      }
    if (channel === 'library:get') return { ok: true, value: article }
    return { ok: true, value: undefined }
  }) as unknown as typeof call)
})

describe('voices state', () => {
  it('asks main for the voices once, and opens on the most quoted', async () => {
    await voices.load()
    await voices.load()
    expect(
      vi.mocked(call).mock.calls.filter(([channel]) => channel === 'quotes:voices')
    ).toHaveLength(1)
    expect(voices.selected).toBe('Kim')
    expect(voices.quotes.map((q) => q.quote.text)).toEqual(['No.'])
  })

  it('filters the list by name', () => {
    voices.setFilter('es')
    expect(voices.visible.map((v) => v.speaker)).toEqual(['Esper'])
    voices.setFilter('')
  })

  it('moves through the visible voices, wrapping round', async () => {
    voices.move(-1)
    await vi.waitFor(() => expect(voices.quotes[0]?.quote.speaker).toBe('Abe'))
    expect(voices.selected).toBe('Abe')
    voices.move(1)
    expect(voices.selected).toBe('Kim')
  })

  it('keeps only the answer for the latest pick', async () => {
    const first = voices.select('Esper')
    const second = voices.select('Abe')
    await Promise.all([first, second])
    expect(voices.selected).toBe('Abe')
    expect(voices.quotes.map((q) => q.quote.text)).toEqual(['Maybe.'])
  })

  it('shows none of the previous voice’s quotations while the next one’s are on their way', async () => {
    await voices.select('Kim')
    const picking = voices.select('Esper')
    expect(voices.selected).toBe('Esper')
    expect(voices.quotes).toEqual([])
    await picking
    expect(voices.quotes.map((q) => q.quote.text)).toEqual(['Yes.'])
  })

  it('jumps into the reader at a quotation', async () => {
    view.show('voices')
    const [quote] = quotesOf('Esper')
    await voices.jump(quote!)
    expect(view.current).toBe('reader')
    expect(reader.article?.id).toBe('talks')
    expect(reader.scrollRequest).toMatchObject({ kind: 'passage', start: quote!.quote.start })
  })
})
