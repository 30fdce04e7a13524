import '@testing-library/svelte/vitest'
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { VoiceQuote, VoiceSummary } from '@shared/model/quote'
import VoicesView from '../../../src/renderer/src/components/VoicesView.svelte'

const voices: VoiceSummary[] = [
  {
    speaker: 'Kim Kye Gwan',
    quoteCount: 3,
    articles: [
      { id: 'a', title: 'Snub' },
      { id: 'b', title: 'Deadline' },
      { id: 'c', title: 'Drills' }
    ]
  },
  { speaker: 'Mark Esper', quoteCount: 1, articles: [{ id: 'c', title: 'Drills' }] }
]
const quote = (articleId: string, title: string, text: string, start: number): VoiceQuote => ({
  articleId,
  title,
  source: articleId === 'a' ? 'NDTV' : null,
  date: articleId === 'a' ? '2019-11-19' : null,
  quote: { start, end: start + text.length + 2, text, kind: 'direct', speaker: 'Kim Kye Gwan' }
})
const kimQuotes = [
  quote('a', 'Snub', 'Talks bring nothing,', 10),
  quote('a', 'Snub', 'None.', 80),
  quote('b', 'Deadline', 'Until the end of the year.', 5)
]
const base = {
  voices,
  total: 2,
  loaded: true,
  filter: '',
  selected: 'Kim Kye Gwan',
  quotes: kimQuotes,
  onfilter: () => {},
  onselect: () => {},
  onmove: () => {},
  onjump: () => {},
  oncopy: () => {}
}

describe('VoicesView', () => {
  it('lists every voice with how many quotes and in which articles', () => {
    render(VoicesView, base)
    const items = screen.getAllByTestId('voice')
    expect(items.map((i) => i.dataset['speaker'])).toEqual(['Kim Kye Gwan', 'Mark Esper'])
    expect(screen.getAllByTestId('voice-count').map((c) => c.textContent)).toEqual([
      '3 quotes',
      '1 quote'
    ])
    expect(screen.getAllByTestId('voice-articles')[0]!.textContent).toBe(
      'in Snub; Deadline, and 1 other'
    )
    expect(items[0]!.getAttribute('aria-selected')).toBe('true')
  })

  it('shows the chosen voice’s quotations under the article each came from', () => {
    render(VoicesView, base)
    expect(screen.getByTestId('voice-name').textContent).toBe('Kim Kye Gwan')
    const articles = screen.getAllByTestId('voice-article')
    expect(articles.map((a) => a.dataset['articleId'])).toEqual(['a', 'b'])
    expect(within(articles[0]!).getByRole('heading').textContent).toMatch(
      /Snub\s*NDTV · 19 Nov 2019/
    )
    expect(
      within(articles[0]!)
        .getAllByTestId('voice-quote')
        .map((q) => q.querySelector('blockquote')?.textContent)
    ).toEqual(['“Talks bring nothing”', '“None.”'])
  })

  it('picks a voice, jumps into an article and copies a quotation', async () => {
    const onselect = vi.fn()
    const onjump = vi.fn()
    const oncopy = vi.fn()
    render(VoicesView, { ...base, onselect, onjump, oncopy })
    await fireEvent.click(screen.getAllByTestId('voice')[1]!)
    expect(onselect).toHaveBeenCalledWith('Mark Esper')
    await fireEvent.click(screen.getAllByTestId('voice-quote-open')[2]!)
    expect(onjump).toHaveBeenCalledWith(kimQuotes[2])
    await fireEvent.click(screen.getAllByTestId('voice-quote-copy')[0]!)
    expect(oncopy).toHaveBeenCalledWith(kimQuotes[0])
  })

  it('filters as one types and moves through voices with the arrow keys', async () => {
    const onfilter = vi.fn()
    const onmove = vi.fn()
    render(VoicesView, { ...base, onfilter, onmove })
    const filter = screen.getByTestId('voices-filter')
    await fireEvent.input(filter, { target: { value: 'esp' } })
    expect(onfilter).toHaveBeenCalledWith('esp')
    await fireEvent.keyDown(filter, { key: 'ArrowDown' })
    await fireEvent.keyDown(filter, { key: 'ArrowUp' })
    expect(onmove.mock.calls).toEqual([[1], [-1]])
    expect(filter.getAttribute('aria-activedescendant')).toBe('voices-list-option-0')
  })

  it('says when no voice matches the filter, and when the library quotes no one', () => {
    const { unmount } = render(VoicesView, { ...base, voices: [], filter: 'zed' })
    expect(screen.getByTestId('voices-empty').textContent?.trim()).toBe('No voice matches “zed”.')
    unmount()
    render(VoicesView, { ...base, voices: [], total: 0, selected: null, quotes: [] })
    expect(screen.getByTestId('voices-empty').textContent?.trim()).toBe(
      'No one is quoted in the library.'
    )
  })
})
