import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { SearchEngine } from '@shared/search/lunr-engine'
import type { SearchProvider } from '@shared/search/providers'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'
import {
  BUNDLED_ARTICLES_DIR,
  FIXTURE_LIBRARY_DIR,
  loadArticles
} from '../../support/load-articles'

const articles = [...loadArticles(BUNDLED_ARTICLES_DIR), ...loadArticles(FIXTURE_LIBRARY_DIR)]
const service = new SearchService(articles, SearchEngine.build(articles.map(toIndexedDocument)))
const ids = (query: string): string[] => service.search(query).results.map((r) => r.articleId)
const byId = new Map(articles.map((a) => [a.id, a]))
const matchedWords = (articleId: string, query: string): string[] =>
  (service.matches(articleId, query) ?? []).map((r) =>
    byId.get(articleId)!.text.slice(r.start, r.end)
  )

describe('search', () => {
  it('finds words whatever their inflection (stemming)', () => {
    expect(matchedWords('garden-notes', 'talking ')).toEqual(['Talks'])
    expect(matchedWords('harbour-strike', 'talks ')).toEqual(['Talk', 'talking'])
  })

  it('ignores case', () => {
    expect(ids('TOMATOES ')).toEqual(['garden-notes'])
  })

  it('treats curly and straight apostrophes alike, and finds possessives by the bare name', () => {
    const straight = matchedWords('trump-running-out-of-time-on-north-korea', "Trump's ")
    const curly = matchedWords('trump-running-out-of-time-on-north-korea', 'Trump’s ')
    expect(straight).toEqual(curly)
    expect(straight).toContain('Trump’s')
    expect(matchedWords('trump-running-out-of-time-on-north-korea', 'Trump ')).toContain('Trump’s')
  })

  it('folds diacritics (Pyŏngyang ≈ Pyongyang, café ≈ cafe)', () => {
    expect(ids('pyongyang cafe ')).toEqual(['harbour-strike'])
  })

  it('requires every word of the query', () => {
    expect(ids('tomatoes fence ')).toEqual(['garden-notes'])
    expect(ids('tomatoes denuclearization ')).toEqual([])
  })

  it('treats the word being typed as a prefix', () => {
    expect(ids('denucl')).toEqual(['north-korea-snubs-trump'])
    expect(ids('denucl ')).toEqual([])
  })

  it('ranks an article whose title matches above articles that only mention the word', () => {
    const results = ids('talks ')
    expect(results.length).toBeGreaterThan(2)
    // "Not Interested In Talks…" and "Dockers Talk of…" have it in the title.
    expect(results.slice(0, 2).sort()).toEqual(['harbour-strike', 'north-korea-snubs-trump'])
  })

  it.each(['title:', '+', '~~', '"unbalanced', '-', '^2', '*', 'title:+~', ':::', '\u0000'])(
    'answers the lunr-syntax query %j as plain words, without an error',
    (query) => {
      expect(() => service.search(query)).not.toThrow()
    }
  )

  it('reads lunr syntax as plain words', () => {
    expect(ids('+tomatoes~ ')).toEqual(['garden-notes'])
    expect(ids('"tomatoes ')).toEqual(['garden-notes'])
  })

  it('returns nothing for an empty query or stop words alone', () => {
    expect(service.search('').results).toEqual([])
    expect(service.search('   ').results).toEqual([])
    expect(service.search('the and of ').results).toEqual([])
  })

  it('describes each result with title, source, date, match count and first match', () => {
    const [result] = service.search('tomatoes ').results
    const garden = byId.get('garden-notes')!
    expect(result).toMatchObject({
      articleId: 'garden-notes',
      title: 'Notes From a Small Garden',
      source: null,
      date: null,
      matchCount: 1,
      firstMatch: garden.text.indexOf('tomatoes')
    })
  })

  it('highlights matched words in the snippet', () => {
    const [result] = service.search('fence ').results
    const { text, highlights } = result!.snippet
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['fence'])
  })

  it('returns match offsets in reading order, title included', () => {
    const text = byId.get('harbour-strike')!.text
    const ranges = service.matches('harbour-strike', 'strike talk ')!
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Talk', 'Strike', 'talking'])
    expect(ranges.every((r, i) => i === 0 || r.start > ranges[i - 1]!.start)).toBe(true)
  })

  it('answers null for matches in an unknown article', () => {
    expect(service.matches('no-such-article', 'x')).toBeNull()
  })

  it('respects the result limit', () => {
    expect(service.search('north ', 1).results).toHaveLength(1)
  })
})

const NDTV = 'north-korea-snubs-trump'
const RUNNING = 'trump-running-out-of-time-on-north-korea'
const sorted = (query: string) => ids(query).sort()

describe('folding, on the bundled articles and fixtures', () => {
  it.each([
    ['U.S. finds US', 'U.S. ', [NDTV, 'summit-diary', RUNNING]],
    ['US finds U.S.', 'US ', [NDTV, 'summit-diary', RUNNING]],
    ['lower-case us alone stays a stop word', 'us ', []],
    ['DPRK finds D.P.R.K.', 'DPRK ', ['summit-diary', RUNNING]],
    ['D.P.R.K. finds DPRK', 'D.P.R.K. ', ['summit-diary', RUNNING]],
    ['Jong-Un finds Kim Jong Un and Kim Jong-un', 'Jong-Un ', [NDTV, 'summit-diary', RUNNING]],
    ['a number is a word', '1 ', [NDTV, 'summit-diary']],
    ['Pyŏngyang finds Pyongyang', 'Pyŏngyang ', ['harbour-strike', NDTV, RUNNING]]
  ])('%s', (_case, query, expected) => {
    expect(sorted(query)).toEqual(expected)
  })

  it('highlights a hyphenated name typed with spaces', () => {
    expect(matchedWords(RUNNING, '"kim jong un" ')).toEqual(['Kim Jong-un'])
  })
})

describe('operators, on the bundled articles and fixtures', () => {
  it.each([
    ['a phrase finds adjacent words', '"phase 1" ', [NDTV, 'summit-diary']],
    ['a phrase needs its words in order', '"1 phase" ', []],
    ['a phrase needs its words adjacent', '"korea snubs trump" ', [NDTV]],
    ['a phrase does not cross blocks', '"dead envoy" ', []],
    ['an unclosed phrase runs to the end', '"phase 1', [NDTV, 'summit-diary']],
    ['an excluded word', 'hanoi -envoy ', [RUNNING]],
    ['an excluded phrase', 'hanoi -"jong un" ', []],
    [
      'an excluded phrase that does not occur as a phrase',
      'envoy -"envoy hanoi" ',
      ['summit-diary']
    ],
    ['a title field', 'title:korea ', [NDTV, RUNNING]],
    ['a title field phrase', 'title:"north korea snubs" ', [NDTV]],
    ['a source field', 'source:ndtv ', [NDTV]],
    ['a source field not matching the body', 'source:harbour ', ['harbour-strike']],
    ['an author field', 'author:park ', ['harbour-strike']],
    ['an author field, not the body', 'author:tomatoes ', []],
    ['OR', 'tomatoes OR strike ', ['garden-notes', 'harbour-strike']],
    ['OR then AND', 'tomatoes OR strike fence ', ['garden-notes']],
    ['exclusion alone finds nothing', '-trump ', []]
  ])('%s', (_case, query, expected) => {
    expect(sorted(query)).toEqual(expected)
  })

  it('matches the word under the cursor as a prefix', () => {
    const query = 'denucl sanctions'
    expect(service.search(query, 20, 3).results.map((r) => r.articleId)).toEqual([NDTV])
    expect(service.search(query, 20, query.length).results).toEqual([])
  })

  it('finds a misspelling with fuzzy matching, and says so', () => {
    const response = service.search('denuclearisation ')
    expect(response.fuzzy).toBe(true)
    expect(response.results.map((r) => r.articleId)).toEqual([NDTV])
    expect(matchedWords(NDTV, 'denuclearisation ')).toEqual(['denuclearization'])
  })

  it('highlights close spellings also when another query was searched last', () => {
    service.search('sanctions ')
    expect(matchedWords(NDTV, 'denuclearisation ')).toEqual(['denuclearization'])
    expect(matchedWords(NDTV, 'sanctions ').length).toBeGreaterThan(0)
  })

  it('does not use fuzzy matching when exact matching finds the word', () => {
    expect(service.search('sanctions ').fuzzy).toBe(false)
    expect(service.search('north korea ').fuzzy).toBe(false)
  })

  it('highlights a phrase as one range, and never an excluded word', () => {
    expect(matchedWords(NDTV, '"phase 1" ')).toEqual(['Phase 1'])
    expect(matchedWords('summit-diary', 'envoy -hanoi ')).toEqual(['envoy', 'envoy', 'envoy'])
    expect(matchedWords('summit-diary', 'hanoi -envoy ')).toEqual(['Hanoi'])
  })

  it('highlights a title-field word only in the title', () => {
    const text = byId.get(NDTV)!.text
    const ranges = service.matches(NDTV, 'title:korea ')!
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Korea'])
    expect(ranges[0]!.end).toBeLessThanOrEqual(byId.get(NDTV)!.blocks[0]!.end)
  })

  it('shows a phrase highlighted whole in the snippet', () => {
    const [result] = service.search('"phase 1" trade ').results.filter((r) => r.articleId === NDTV)
    const { text, highlights } = result!.snippet
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['Phase 1', 'trade'])
  })
})

describe('ranking', () => {
  const make = (id: string, title: string, body: string, date = '2020-01-01') =>
    parseArticle(id, `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`)
  const filler = 'Words about the weather and the markets went on for a long while here.'
  const corpus = [
    make('adjacent', 'Port news', `${filler} The harbour strike began today.`),
    make(
      'scattered',
      'Port news',
      `The harbour was calm. ${filler} ${filler} A strike, a strike, a strike.`
    ),
    make('titled', 'Harbour mood', `${filler} A strike was called. ${filler}`),
    make('older', 'Old gossip', 'The ferry was late.', '2019-05-01'),
    make('newer', 'New gossip', 'The ferry was late.', '2024-05-01'),
    make('undated', 'Undated gossip', 'The ferry was late.', '')
  ]
  const ranking = new SearchService(corpus, SearchEngine.build(corpus.map(toIndexedDocument)))
  const order = (query: string) => ranking.search(query).results.map((r) => r.articleId)

  it('ranks a title match above body matches', () => {
    expect(order('harbour strike ')[0]).toBe('titled')
  })

  it('ranks words that stand together above scattered ones, whatever their counts', () => {
    expect(order('harbour strike ').slice(1)).toEqual(['adjacent', 'scattered'])
  })

  it('uses recency only to break ties', () => {
    expect(order('ferry ')).toEqual(['newer', 'older', 'undated'])
  })
})

describe('search providers', () => {
  it('merges the results of a further provider by score', () => {
    const notes: SearchProvider = {
      kind: 'article',
      search: (query) => ({
        results: query.groups.length
          ? [
              {
                kind: 'article',
                articleId: 'note-1',
                title: 'A note',
                source: null,
                date: null,
                score: 1000,
                snippet: { text: '', highlights: [] },
                matchCount: 0,
                firstMatch: 0
              }
            ]
          : [],
        fuzzy: false
      })
    }
    const merged = new SearchService(
      articles,
      SearchEngine.build(articles.map(toIndexedDocument)),
      [notes]
    )
    expect(merged.search('tomatoes ').results.map((r) => r.articleId)).toEqual([
      'note-1',
      'garden-notes'
    ])
    expect(merged.search('tomatoes ', 1).results.map((r) => r.articleId)).toEqual(['note-1'])
  })
})
