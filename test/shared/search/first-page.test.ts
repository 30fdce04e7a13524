import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { SearchEngine } from '@shared/search/lunr-engine'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'

/**
 * Many candidates for each query, some with the words side by side, some apart, some in the
 * title: enough that the closer reading stops early for a short page.
 */
function library(count: number) {
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  const filler = ['talks', 'border', 'said', 'minister', 'trade', 'relief', 'week', 'envoy', 'city']
  const words = (n: number) =>
    Array.from({ length: n }, () => filler[Math.floor(random() * filler.length)]).join(' ')
  return Array.from({ length: count }, (_, i) => {
    const together = random() < 0.4
    const inTitle = random() < 0.2
    const pair = together ? 'north korea' : `north ${words(1 + Math.floor(random() * 12))} korea`
    const title = inTitle ? `News of ${pair}` : `Report ${i}`
    const body = [
      words(20),
      pair,
      words(30),
      random() < 0.5 ? 'sanctions relief' : 'relief',
      words(10)
    ]
    const day = String(1 + (i % 28)).padStart(2, '0')
    return parseArticle(
      `a-${i}`,
      `---\ntitle: ${title}\ndate: 2024-03-${day}\n---\n\n${body.join(' ')}.\n`
    )
  })
}

const articles = library(400)
const service = new SearchService(articles, SearchEngine.build(articles.map(toIndexedDocument)))

describe('the first page of a search that reads the texts', () => {
  it.each([
    '"north korea" ',
    'north korea sanctions ',
    'korea relief ',
    '"north korea" -sanctions '
  ])('is the start of a longer page for %s', (query) => {
    const longer = service.search(query, 100).results
    expect(longer.length).toBeGreaterThan(10)
    for (const limit of [1, 5, 10])
      expect(service.search(query, limit).results).toEqual(longer.slice(0, limit))
  })
})

describe('a page of equal scores', () => {
  // The same text in every article: only the date (then library order) tells them apart.
  const dates = ['2024-03-02', null, '2023-12-31', '2024-03-02', null, '2024-11-05', '2019-01-01']
  const same = dates.map((date, i) =>
    parseArticle(
      `s-${i}`,
      `---\ntitle: Report\n${date ? `date: ${date}\n` : ''}---\n\nThe envoy spoke at length.\n`
    )
  )
  const tied = new SearchService(same, SearchEngine.build(same.map(toIndexedDocument)))

  it.each(['envoy ', '"envoy spoke" ', 'envoy length '])(
    'puts the more recent first, undated last, equal dates in library order, for %s',
    (query) => {
      const ids = tied.search(query, 20).results.map((result) => result.articleId)
      expect(ids).toEqual(['s-5', 's-0', 's-3', 's-2', 's-6', 's-1', 's-4'])
      // Every page length: the closer reading stops at a tie only where the date settles it.
      for (let limit = 1; limit < ids.length; limit++)
        expect(tied.search(query, limit).results.map((result) => result.articleId)).toEqual(
          ids.slice(0, limit)
        )
    }
  )
})
