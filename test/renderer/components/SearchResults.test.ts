import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import type { SearchResult } from '@shared/model/search'
import SearchResults from '../../../src/renderer/src/components/SearchResults.svelte'

const result = (articleId: string): SearchResult => ({
  kind: 'article',
  articleId,
  title: `Title of ${articleId}`,
  source: null,
  date: null,
  score: 1,
  snippet: { text: 'an excerpt', highlights: [] },
  matchCount: 2,
  firstMatch: 0
})

const base = {
  id: 'results',
  query: 'kim',
  results: [result('a'), result('b')],
  activeIndex: 1,
  nothingFound: false,
  openId: null,
  onopen: () => {}
}

describe('SearchResults', () => {
  it('marks the active result as selected, and only that one', () => {
    render(SearchResults, base)
    const selected = screen
      .getAllByTestId('search-result')
      .map((item) => item.getAttribute('aria-selected'))
    expect(selected).toEqual(['false', 'true'])
  })

  it('says quietly when the results are close spellings', () => {
    render(SearchResults, { ...base, fuzzy: true })
    expect(screen.getByTestId('search-fuzzy-notice').textContent?.trim()).toBe(
      'No exact matches; showing close spellings.'
    )
  })

  it('shows no close-spellings notice for exact results', () => {
    render(SearchResults, base)
    expect(screen.queryByTestId('search-fuzzy-notice')).toBeNull()
  })

  it('says search is still indexing instead of that nothing matched', () => {
    render(SearchResults, { ...base, results: [], nothingFound: false, indexing: true })
    expect(screen.getByTestId('search-indexing').textContent).toMatch(/still indexing/)
    expect(screen.queryByTestId('search-empty')).toBeNull()
  })

  it('says plainly when nothing matched', () => {
    render(SearchResults, { ...base, results: [], nothingFound: true })
    expect(screen.getByTestId('search-empty').textContent).toBe('No articles match “kim”.')
  })
})
