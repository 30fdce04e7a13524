import { describe, expect, it } from 'vitest'
import type { SearchResult } from '@shared/model/search'
import { SearchEngine } from '@shared/search/lunr-engine'
import { formatQuery, parseQuery } from '@shared/search/query-parser'
import { MAX_QUOTES_PER_ARTICLE, QuoteProvider } from '@shared/search/quote-provider'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'
import { markdownArticle, withQuotes } from '../voices/quote-fixture'

const drills = withQuotes(
  markdownArticle('drills', { title: 'Drills Shelved', source: 'NDTV', date: '2019-11-18' }, [
    '"I see this as a good-faith effort to enable peace," Defense Secretary Mark Esper told reporters.',
    'Esper said it could "facilitate a political agreement - a deal, if you will." Critics called it a "gift".'
  ]),
  [
    { printed: '"I see this as a good-faith effort to enable peace,"', speaker: 'Mark Esper' },
    { printed: '"facilitate a political agreement - a deal, if you will."', speaker: 'Mark Esper' },
    { printed: '"gift"', speaker: null }
  ]
)
const snub = withQuotes(
  markdownArticle(
    'snub',
    { title: 'North Korea Snubs Talks', source: 'KCNA Watch', date: '2019-11-19' },
    [
      '"We are no longer interested in such talks," said Kim Kye Gwan. Peace talks with Esper\'s team are off.',
      '"Peace is far off.',
      '"Very far," the statement said.'
    ]
  ),
  [
    { printed: '"We are no longer interested in such talks,"', speaker: 'Kim Kye Gwan' },
    { printed: '"Peace is far off.\n\n"Very far,"', speaker: 'the State Affairs Commission' }
  ]
)
const articles = [drills, snub]
const engine = SearchEngine.build(articles.map(toIndexedDocument))
const service = new SearchService(articles, engine, [new QuoteProvider(articles)])
const provider = new QuoteProvider(articles)

const quotes = (query: string): SearchResult[] =>
  service.search(query).results.filter((r) => r.kind === 'quote')
const speakers = (query: string) => quotes(query).map((r) => r.speaker)
const kinds = (query: string) => service.search(query).results.map((r) => r.kind)

describe('QuoteProvider', () => {
  it('indexes direct quotations only: scare quotes are nobody’s words', () => {
    expect(provider.size).toBe(4)
    expect(quotes('gift ')).toEqual([])
  })

  it('finds a speaker’s quotations with speaker:, as quotation results only', () => {
    expect(speakers('speaker:esper ')).toEqual(['Mark Esper', 'Mark Esper'])
    expect(kinds('speaker:esper ')).toEqual(['quote', 'quote'])
  })

  it('describes a quotation result: its article, speaker, passage and an excerpt of its words', () => {
    const [result] = quotes('speaker:kim ')
    const quote = snub.quotes[0]!
    expect(result).toMatchObject({
      kind: 'quote',
      articleId: 'snub',
      title: 'North Korea Snubs Talks',
      source: 'KCNA Watch',
      date: '2019-11-19',
      speaker: 'Kim Kye Gwan',
      passage: { start: quote.start, end: quote.end },
      firstMatch: quote.start
    })
    // No quotation marks (the list draws its own), no comma left from the attribution.
    expect(result!.snippet.text).toBe('We are no longer interested in such talks')
  })

  it('matches the word being typed as a prefix, and a name as a phrase', () => {
    expect(speakers('speaker:es')).toEqual(['Mark Esper', 'Mark Esper'])
    expect(speakers('speaker:"kim kye gwan" ')).toEqual(['Kim Kye Gwan'])
    expect(speakers('speaker:"gwan kim" ')).toEqual([])
  })

  it('lets plain words match a speaker’s name as well as the quotation’s words', () => {
    expect(speakers('esper ')).toEqual(['Mark Esper', 'Mark Esper'])
    expect(speakers('interested ')).toEqual(['Kim Kye Gwan'])
    // Words from both: the name and the quotation's text.
    expect(speakers('esper peace ')).toEqual(['Mark Esper'])
  })

  it('highlights the matched words in the excerpt, offsets into the excerpt', () => {
    const [result] = quotes('speaker:esper enable ')
    const { text, highlights } = result!.snippet
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['enable'])
    expect(result!.firstMatch).toBe(drills.text.indexOf('enable'))
  })

  it('checks phrases word for word, and reads a quotation across paragraphs', () => {
    expect(speakers('"political agreement" ')).toEqual(['Mark Esper'])
    expect(speakers('"agreement political" ')).toEqual([])
    expect(speakers('"far off" ')).toEqual(['the State Affairs Commission'])
    // A phrase does not run from one paragraph into the next.
    expect(speakers('"off very" ')).toEqual([])
  })

  it('leaves out quotations with an excluded word, in their words or their speaker', () => {
    expect(speakers('peace -deal ')).toEqual(['the State Affairs Commission', 'Mark Esper'])
    expect(speakers('speaker:esper -deal ')).toEqual(['Mark Esper'])
    expect(speakers('peace -speaker:esper ')).toEqual(['the State Affairs Commission'])
    // An excluded phrase must stand side by side to exclude: both words apart do not.
    expect(speakers('speaker:esper -"political agreement" ')).toEqual(['Mark Esper'])
    expect(speakers('speaker:esper -"agreement political" ')).toEqual(['Mark Esper', 'Mark Esper'])
  })

  it('narrows quotations by their article’s title, source or author, but never lists them for it alone', () => {
    expect(speakers('speaker:esper source:ndtv ')).toHaveLength(2)
    expect(speakers('speaker:esper source:kcna ')).toEqual([])
    expect(speakers('peace title:snubs ')).toEqual(['the State Affairs Commission'])
    expect(quotes('source:ndtv ')).toEqual([])
  })

  it('takes OR between a speaker and a word', () => {
    expect(speakers('speaker:kim OR facilitate ').sort()).toEqual(['Kim Kye Gwan', 'Mark Esper'])
  })

  it('ranks a quotation found by its speaker’s name like an article found by its title', () => {
    const [first] = service.search('kim ').results
    expect(first).toMatchObject({ kind: 'quote', speaker: 'Kim Kye Gwan' })
  })

  it('answers nothing for an empty query and never throws on odd input', () => {
    expect(provider.search(parseQuery(''), 10)).toEqual({ results: [], fuzzy: false })
    for (const raw of ['speaker:', 'speaker:"', '-speaker:x', 'speaker: OR', '"', 'speaker:"a b'])
      expect(() => service.search(raw)).not.toThrow()
  })

  it('respects the limit', () => {
    expect(provider.search(parseQuery('speaker:esper '), 1).results).toHaveLength(1)
  })
})

describe('article results and quotations', () => {
  it('say whose words their excerpt shows when its first match is inside a direct quotation', () => {
    const [result] = service.search('interested ').results.filter((r) => r.kind === 'article')
    expect(result).toMatchObject({ articleId: 'snub', speaker: 'Kim Kye Gwan' })
  })

  it('say nothing when the excerpt shows the article’s own words', () => {
    const [result] = service.search('critics ').results
    expect(result).toMatchObject({ kind: 'article', articleId: 'drills' })
    expect(result).not.toHaveProperty('speaker')
  })

  it('are never answered for speaker: alone, and speaker: does not change which articles match', () => {
    expect(service.search('speaker:esper ').results.filter((r) => r.kind === 'article')).toEqual([])
    const articlesFor = (q: string) =>
      service
        .search(q)
        .results.filter((r) => r.kind === 'article')
        .map((r) => r.articleId)
    expect(articlesFor('peace -speaker:esper ')).toEqual(articlesFor('peace '))
    expect(service.matches('drills', 'speaker:esper ')).toEqual([])
  })
})

describe('the speaker: field', () => {
  it('is read like title:, with a word or a phrase, and can be excluded', () => {
    expect(formatQuery(parseQuery('speaker:esper '))).toBe('speaker:esper')
    expect(formatQuery(parseQuery('Speaker:"Kim Kye Gwan" peace -speaker:trump '))).toBe(
      'speaker:"Kim Kye Gwan" peace -speaker:trump'
    )
  })

  it('is a plain word when nothing follows it', () => {
    expect(formatQuery(parseQuery('speaker: '))).toBe('speaker')
  })
})

describe('QuoteProvider on an article full of speech', () => {
  const chatter = withQuotes(
    markdownArticle(
      'chatter',
      { title: 'Harbour Chatter', source: 'Port Gazette', date: '2019-11-20' },
      Array.from({ length: 12 }, (_, i) => `"The harbour is quiet, day ${i + 1}," Ana Ruiz said.`)
    ),
    Array.from({ length: 12 }, (_, i) => ({
      printed: `"The harbour is quiet, day ${i + 1},"`,
      speaker: 'Ana Ruiz'
    }))
  )
  const elsewhere = withQuotes(
    markdownArticle(
      'elsewhere',
      { title: 'Elsewhere', source: 'Port Gazette', date: '2019-11-01' },
      ['"The harbour will reopen," said Ben Ode.']
    ),
    [{ printed: '"The harbour will reopen,"', speaker: 'Ben Ode' }]
  )
  const library = [chatter, elsewhere]
  const search = new SearchService(library, SearchEngine.build(library.map(toIndexedDocument)), [
    new QuoteProvider(library)
  ])

  it('puts at most three of one article’s quotations among a search for words', () => {
    const results = search.search('harbour ').results
    const fromChatter = results.filter((r) => r.kind === 'quote' && r.articleId === 'chatter')
    expect(fromChatter).toHaveLength(MAX_QUOTES_PER_ARTICLE)
    expect(results.filter((r) => r.kind === 'quote').map((r) => r.speaker)).toContain('Ben Ode')
    expect(
      results
        .filter((r) => r.kind === 'article')
        .map((r) => r.articleId)
        .sort()
    ).toEqual(['chatter', 'elsewhere'])
  })

  it('shows every quotation of a speaker asked for by name', () => {
    const results = search.search('speaker:ruiz ').results
    expect(results).toHaveLength(12)
  })
})
