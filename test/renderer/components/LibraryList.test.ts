import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleSummary } from '@shared/model/article'
import LibraryList from '../../../src/renderer/src/components/LibraryList.svelte'

const articles: ArticleSummary[] = [
  {
    id: 'snub',
    title: 'North Korea snubs Trump',
    author: null,
    source: 'NDTV',
    date: '2019-11-19',
    words: 900,
    readingMinutes: 4,
    imported: false,
    url: null,
    language: null,
    dir: null
  },
  {
    id: 'time',
    title: 'Running out of time',
    author: 'A. Writer',
    source: null,
    date: null,
    words: 600,
    readingMinutes: 3,
    imported: false,
    url: null,
    language: null,
    dir: null
  }
]

describe('LibraryList', () => {
  it('shows each article with its source, date and reading time when known', () => {
    render(LibraryList, { articles, selectedId: null, onopen: () => {} })
    const items = screen.getAllByTestId('library-item')
    expect(
      items.map((item) => item.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim())
    ).toEqual(['NDTV 19 Nov 2019 4 min read', '3 min read'])
  })

  it('marks the selected article as current and no other', () => {
    render(LibraryList, { articles, selectedId: 'time', onopen: () => {} })
    const current = screen
      .getAllByTestId('library-item')
      .filter((item) => item.getAttribute('aria-current') === 'true')
    expect(current.map((item) => item.dataset.articleId)).toEqual(['time'])
  })

  it('asks to open the article that was clicked', async () => {
    const onopen = vi.fn()
    render(LibraryList, { articles, selectedId: null, onopen })
    await fireEvent.click(screen.getAllByTestId('library-item')[1] as HTMLElement)
    expect(onopen).toHaveBeenCalledWith('time')
  })
})
