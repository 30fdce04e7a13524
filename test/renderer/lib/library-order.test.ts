import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/model/article'
import { placeArticle } from '../../../src/renderer/src/lib/library-order'

const summary = (id: string, date: string | null, title = id): ArticleSummary => ({
  id,
  title,
  author: null,
  source: null,
  date,
  words: 1,
  readingMinutes: 1,
  imported: false,
  url: null,
  language: null,
  dir: null
})

describe('placeArticle', () => {
  const list = [
    summary('new', '2024-05-01'),
    summary('old', '2019-01-01'),
    summary('undated', null)
  ]

  it('puts an article among the others newest first, titles breaking ties, undated last', () => {
    const ids = (articles: ArticleSummary[]) => articles.map((a) => a.id)
    expect(ids(placeArticle(list, summary('mid', '2021-06-01')))).toEqual([
      'new',
      'mid',
      'old',
      'undated'
    ])
    expect(ids(placeArticle(list, summary('a-same-day', '2019-01-01')))).toEqual([
      'new',
      'a-same-day',
      'old',
      'undated'
    ])
    expect(ids(placeArticle(list, summary('z', null)))).toEqual(['new', 'old', 'undated', 'z'])
  })

  it('moves an article whose date changed instead of listing it twice', () => {
    const moved = placeArticle(list, summary('new', '2000-01-01'))
    expect(moved.map((a) => a.id)).toEqual(['old', 'new', 'undated'])
  })
})
