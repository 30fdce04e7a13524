import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import { SearchEngine } from '@shared/search/lunr-engine'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'

function load(dir: string): ArticleView[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => parseArticle(name.replace(/\.md$/, ''), readFileSync(join(dir, name), 'utf8')))
}

const articles = [
  ...load(join(__dirname, '../../../resources/articles')),
  ...load(join(__dirname, '../../fixtures/library'))
]
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

  it('reads operators as plain words', () => {
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
