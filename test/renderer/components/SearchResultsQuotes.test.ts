import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import type { SearchResult } from '@shared/model/search'
import SearchResults from '../../../src/renderer/src/components/SearchResults.svelte'

const article: SearchResult = {
  kind: 'article',
  articleId: 'snub',
  title: 'North Korea Snubs Trump',
  source: 'NDTV',
  date: '2019-11-19',
  score: 9,
  snippet: {
    text: '"We are no longer interested in such talks," said Kim.',
    highlights: [{ start: 36, end: 41 }]
  },
  matchCount: 3,
  firstMatch: 10,
  speaker: 'Kim Kye Gwan'
}
const quote: SearchResult = {
  ...article,
  kind: 'quote',
  score: 8,
  snippet: {
    text: 'We are no longer interested in such talks',
    highlights: [{ start: 36, end: 41 }]
  },
  matchCount: 1,
  passage: { start: 5, end: 50 }
}
const base = {
  id: 'results',
  query: 'talks',
  results: [article, quote],
  activeIndex: 0,
  nothingFound: false,
  openId: null,
  onopen: () => {}
}

describe('SearchResults with quotations', () => {
  it('shows a quotation as its words, then whose they are and where', () => {
    render(SearchResults, base)
    const item = screen.getByTestId('search-quote-result')
    expect(item.dataset['kind']).toBe('quote')
    expect(item.querySelector('[data-testid="search-quote"]')?.textContent).toBe(
      '“We are no longer interested in such talks”'
    )
    expect(item.querySelector('[data-testid="search-result-speaker"]')?.textContent).toBe(
      '— Kim Kye Gwan'
    )
    expect(item.querySelector('[data-testid="search-quote-article"]')?.textContent).toBe(
      'North Korea Snubs Trump'
    )
    expect(item.querySelector('mark')?.textContent).toBe('talks')
  })

  it('says whose words an article result’s excerpt is', () => {
    render(SearchResults, base)
    const item = screen.getByTestId('search-result')
    expect(item.querySelector('[data-testid="search-result-speaker"]')?.textContent).toBe(
      'Words of Kim Kye Gwan'
    )
  })

  it('says nothing of a speaker for an excerpt in the article’s own words', () => {
    const { speaker: _, ...plain } = article
    render(SearchResults, { ...base, results: [plain] })
    expect(screen.queryByTestId('search-result-speaker')).toBeNull()
  })

  it('counts articles and quotations apart, and keeps a quotation and its article as two options', () => {
    render(SearchResults, base)
    expect(screen.getByRole('heading').textContent?.trim()).toBe('1 article · 1 quote')
    expect(screen.getAllByRole('option')).toHaveLength(2)
  })
})
