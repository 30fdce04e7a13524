import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleView } from '@shared/model/article'
import { makeArticle } from '../article-fixture'
import { withQuotes } from '../quote-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))
vi.mock('../../../src/renderer/src/lib/clipboard', () => ({ copyToClipboard: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { copyToClipboard } = await import('../../../src/renderer/src/lib/clipboard')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const { notices } = await import('../../../src/renderer/src/state/notices.svelte')
const { quotes, FLASH_MS, COPIED_MS } =
  await import('../../../src/renderer/src/state/quotes.svelte')

const snub = withQuotes(
  makeArticle(
    [
      { kind: 'title', text: 'Snub' },
      {
        kind: 'paragraph',
        text: 'A "Phase 1" deal. "Talks bring nothing," said Kim Kye Gwan. "None," he added.'
      }
    ],
    { id: 'snub', title: 'Snub', source: 'NDTV', date: '2019-11-19' }
  ),
  [
    { printed: '"Phase 1"', speaker: null },
    { printed: '"Talks bring nothing,"', speaker: 'Kim Kye Gwan' },
    { printed: '"None,"', speaker: 'Kim Kye Gwan' }
  ]
)
const other = withQuotes(
  makeArticle([{ kind: 'paragraph', text: 'Esper: "Fine."' }], { id: 'other' }),
  [{ printed: '"Fine."', speaker: 'Mark Esper' }]
)

function serve(...articles: ArticleView[]) {
  vi.mocked(call).mockImplementation((async (channel: string, request?: { id?: string }) => {
    if (channel === 'library:get')
      return { ok: true, value: articles.find((a) => a.id === request?.id) }
    return { ok: true, value: undefined }
  }) as unknown as typeof call)
}

beforeEach(async () => {
  vi.useFakeTimers()
  vi.mocked(copyToClipboard).mockReset()
  serve(snub, other)
  await reader.open('snub')
})

afterEach(() => {
  vi.useRealTimers()
})

describe('quotes state', () => {
  it('draws the open article’s quotations as the quote layer and groups them for the panel', () => {
    expect(quotes.ranges.map((r) => r.id)).toEqual(['0', '1', '2'])
    expect(quotes.groups.speakers.map((g) => g.speaker)).toEqual(['Kim Kye Gwan'])
    expect(quotes.groups.scare).toHaveLength(1)
  })

  it('moves the Tab stop to the quotation last focused, and back to the first in a new article', async () => {
    expect(quotes.stop).toBe(1)
    quotes.focused(2)
    expect(quotes.ranges.map((r) => r.data?.['tabindex'])).toEqual([undefined, '-1', '0'])
    await reader.open('other')
    expect(quotes.stop).toBe(0)
  })

  it('scrolls to a quotation and flashes it for a moment', async () => {
    await quotes.show(2)
    const quote = snub.quotes[2]!
    expect(reader.scrollRequest).toMatchObject({
      kind: 'passage',
      start: quote.start,
      end: quote.end
    })
    expect(quotes.ranges[2]!.data?.['flash']).toBe('a')
    // Asked again, the other pulse restarts the animation.
    await quotes.show(2)
    expect(quotes.ranges[2]!.data?.['flash']).toBe('b')
    vi.advanceTimersByTime(FLASH_MS)
    expect(quotes.ranges.some((r) => r.data?.['flash'])).toBe(false)
  })

  it('opens another article at a quotation and flashes it there', async () => {
    await quotes.showIn('other', other.quotes[0]!)
    expect(reader.article?.id).toBe('other')
    expect(quotes.ranges[0]!.data?.['flash']).toBe('a')
  })

  it('copies a quotation with its attribution, and says which one for a moment', async () => {
    vi.mocked(copyToClipboard).mockResolvedValue(true)
    expect(await quotes.copy(1)).toBe(true)
    expect(vi.mocked(copyToClipboard).mock.calls[0]![0].text).toBe(
      '“Talks bring nothing” — Kim Kye Gwan, in *Snub*, NDTV, 19 November 2019'
    )
    expect(quotes.copied).toBe(`snub:${snub.quotes[1]!.start}`)
    vi.advanceTimersByTime(COPIED_MS)
    expect(quotes.copied).toBeNull()
  })

  it('copies the words only, as printed', async () => {
    vi.mocked(copyToClipboard).mockResolvedValue(true)
    await quotes.copy(2, 'words')
    expect(vi.mocked(copyToClipboard).mock.calls[0]![0]).toEqual({ text: '"None,"' })
  })

  it('says so when the clipboard refuses', async () => {
    vi.mocked(copyToClipboard).mockResolvedValue(false)
    expect(await quotes.copy(1)).toBe(false)
    expect(notices.items.at(-1)?.message).toBe(
      'Could not copy the quotation: the clipboard is not available.'
    )
    expect(quotes.copied).toBeNull()
  })
})
