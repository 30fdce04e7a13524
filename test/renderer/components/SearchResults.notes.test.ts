import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { SearchResult } from '@shared/model/search'
import SearchResults from '../../../src/renderer/src/components/SearchResults.svelte'

const article: SearchResult = {
  kind: 'article',
  articleId: 'kim-snubs-trump',
  title: 'Kim snubs Trump',
  source: null,
  date: null,
  score: 2,
  snippet: { text: 'the summit in Hanoi', highlights: [] },
  matchCount: 2,
  firstMatch: 0
}
const note = (annotationId: string, text: string): SearchResult => ({
  ...article,
  kind: 'note',
  score: 1,
  annotationId,
  snippet: { text, highlights: [{ start: 0, end: 6 }] },
  passage: { start: 10, end: 20 }
})

describe('SearchResults with notes', () => {
  it('says a note result is a note and shows its words, beside the same article’s own result', async () => {
    const onopen = vi.fn()
    render(SearchResults, {
      id: 'results',
      query: 'summit',
      results: [article, note('n1', 'summit again, see Hanoi'), note('n2', 'summit notes')],
      activeIndex: 0,
      nothingFound: false,
      openId: null,
      onopen
    })
    const items = screen.getAllByTestId('search-result')
    expect(items).toHaveLength(3)
    expect(
      items.map(
        (item) => item.querySelector('[data-testid="search-result-kind"]')?.textContent ?? null
      )
    ).toEqual([null, 'Note', 'Note'])
    expect(items[1]?.textContent).toContain('summit again, see Hanoi')
    await fireEvent.click(items[2]!)
    expect(onopen).toHaveBeenCalledWith(2)
  })
})
