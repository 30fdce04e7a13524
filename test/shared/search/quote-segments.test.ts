import { describe, expect, it, vi } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import type { SearchProvider } from '@shared/search/providers'
import { parseQuery } from '@shared/search/query-parser'

// Every QuoteProvider built is counted by the articles it reads.
const read: string[][] = []
vi.mock('@shared/search/quote-provider', async (original) => {
  const real = await original<typeof import('@shared/search/quote-provider')>()
  class CountedProvider extends real.QuoteProvider {
    constructor(articles: readonly ArticleView[]) {
      read.push(articles.map((article) => article.id))
      super(articles)
    }
  }
  return { ...real, QuoteProvider: CountedProvider }
})

const { QuoteProvider } = await import('@shared/search/quote-provider')
const { QuoteSegments } = await import('@shared/search/quote-segments')
const { LiveSearch } = await import('@shared/search/live-search')
const { SearchEngine } = await import('@shared/search/lunr-engine')
const { toIndexedDocument } = await import('@shared/search/search-service')

const SPEAKERS = ['Kim Lee', 'Ana Ruiz', 'Ida Brenner', 'Maren Holt', 'Jo Bell', 'Tom Ode']
const article = (n: number, date: string, words = 'the ferry runs again') =>
  parseArticle(
    `imported-${n}`,
    `---\ntitle: Harbour news ${n}\ndate: ${date}\n---\n\n` +
      `“We are glad ${words},” said ${SPEAKERS[n % SPEAKERS.length]}. The pier was busy.\n\n` +
      `“Nobody expected the harbour to fill,” said ${SPEAKERS[(n + 1) % SPEAKERS.length]}.\n`
  )

const QUERIES = [
  'ferry',
  'harbour',
  'speaker:ruiz',
  'glad -again',
  '"harbour to fill"',
  'speaker:kim ferry'
]
const search = (provider: Pick<SearchProvider, 'search'>, query: string) =>
  provider.search(parseQuery(query), 20).results

describe('QuoteSegments', () => {
  it('answers as one provider over the same articles, through adds, edits and removals', () => {
    const segments = new QuoteSegments()
    const current = new Map<string, ArticleView>()
    const apply = (added: ArticleView[], removed: string[]) => {
      segments.update(added, removed)
      for (const id of removed) current.delete(id)
      for (const a of added) {
        current.delete(a.id)
        current.set(a.id, a)
      }
      for (const query of QUERIES)
        expect(search(segments, query), query).toEqual(
          search(new QuoteProvider([...current.values()]), query)
        )
    }
    for (let n = 0; n < 10; n++) apply([article(n, `2024-0${(n % 9) + 1}-10`)], [])
    expect(segments.sizes).toEqual([9, 1])
    apply([article(2, '2024-09-01', 'the tide turned')], [])
    apply([], ['imported-0', 'imported-5'])
    apply([article(7, '2023-01-01'), article(8, '2023-02-01')], ['imported-3'])
  })
})

describe('LiveSearch', () => {
  it('reads only the recently added articles’ quotations on an update, not every added one', () => {
    const base = [article(100, '2020-01-01')]
    const live = new LiveSearch(base, SearchEngine.build(base.map(toIndexedDocument)))
    for (let n = 0; n < 9; n++) live.update([article(n, `2024-0${n + 1}-10`)], [])
    read.length = 0
    live.update([article(9, '2024-01-11')], [])
    // The first nine settled together; the tenth is read alone, not with the nine.
    expect(read).toEqual([['imported-9']])
    expect(live.search('speaker:bell').results.map((r) => [r.kind, r.articleId])).toEqual([
      ['quote', 'imported-4'],
      ['quote', 'imported-3'],
      ['quote', 'imported-9'],
      ['quote', 'imported-100']
    ])
  })
})
