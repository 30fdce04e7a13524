import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import { findInText } from '@shared/search/find-in-text'
import { SearchEngine } from '@shared/search/lunr-engine'
import { formatQuery, parseQuery } from '@shared/search/query-parser'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'
import {
  HOSTILE_ARTICLES_DIR,
  HUGE_PARAGRAPH_MARKER,
  LONG_ARTICLE_MARKER,
  hugeParagraphArticle,
  longArticle
} from '../../support/hostile-library'

const fixtures = readdirSync(HOSTILE_ARTICLES_DIR).map((name) =>
  parseArticle(
    name.replace(/\.md$/, ''),
    new TextDecoder().decode(readFileSync(join(HOSTILE_ARTICLES_DIR, name)))
  )
)
const service = new SearchService(fixtures, SearchEngine.build(fixtures.map(toIndexedDocument)))
const byId = new Map(fixtures.map((article) => [article.id, article]))

const ids = (query: string): string[] => service.search(query).results.map((r) => r.articleId)
/** What search highlights for `query` in an article: the matched text, in reading order. */
const matched = (articleId: string, query: string): string[] =>
  (service.matches(articleId, query) ?? []).map((range) =>
    byId.get(articleId)!.text.slice(range.start, range.end)
  )
/** The fixture's Zalgo word: Z, a, l, g, o under a pile of combining marks. */
const ZALGO = 'Z\u0351\u0358\u0362a\u0334\u035bl\u0315\u0337g\u0360\u0327o\u0489'

const found = (articleId: string, needle: string): string[] => {
  const text = byId.get(articleId)!.text
  return findInText(text, needle).map((range) => text.slice(range.start, range.end))
}

describe('searching Chinese, Japanese and Korean', () => {
  it.each([
    ['a Chinese word inside a run of characters', '外交部', ['外交部']],
    ['a Japanese word in kanji', '東京', ['東京', '東京']],
    ['a Japanese word in hiragana', '話し合い', ['話し合い']],
    ['a katakana word, in full and half width', 'ストライキ', ['ストライキ', 'ｽﾄﾗｲｷ']],
    ['a Korean word with a particle attached', '서울', ['서울', '서울']],
    ['a Korean word with its object particle', '파업', ['파업']]
  ])('finds %s (%s) and highlights exactly its characters', (_case, query, words) => {
    const finished = `${query} `
    expect(ids(finished)).toEqual(['cjk-and-korean'])
    expect(matched('cjk-and-korean', finished)).toEqual(words)
  })

  it('reads a word of CJK characters as the phrase of its characters', () => {
    expect(formatQuery(parseQuery('外交部 '))).toBe('"外 交 部"')
    expect(formatQuery(parseQuery('서울 '))).toBe('"서 울"')
  })

  it('does not find characters that occur only apart or in another order', () => {
    // 外 and 部 are both in the article, never side by side; 京東 reversed is not 東京.
    expect(ids('外部 ')).toEqual([])
    expect(ids('京東 ')).toEqual([])
  })

  it('finds a word while it is being typed, character by character', () => {
    expect(ids('外')).toEqual(['cjk-and-korean'])
    expect(ids('外交')).toEqual(['cjk-and-korean'])
  })

  it('finds CJK words in the title and source fields', () => {
    expect(ids('title:港湾 ')).toEqual(['cjk-and-korean'])
    expect(ids('source:新聞 ')).toEqual(['cjk-and-korean'])
  })

  it('keeps Latin words mixed into CJK text apart from the characters around them', () => {
    expect(matched('cjk-and-korean', 'port ')).toEqual(['Port'])
    expect(matched('cjk-and-korean', 'full ')).toEqual(['ＦＵＬＬ'])
  })
})

describe('searching Arabic', () => {
  it('finds an Arabic word and highlights it where it stands', () => {
    expect(ids('الدبلوماسية ')).toEqual(['arabic-quotation'])
    expect(matched('arabic-quotation', 'الدبلوماسية ')).toEqual(['الدبلوماسية', 'الدبلوماسية'])
  })

  it('finds a word written with vowel marks when typed without them', () => {
    expect(matched('arabic-quotation', 'المفاوضات ')).toEqual(['المُفاوَضات'])
  })

  it('finds an Arabic phrase inside a quotation', () => {
    expect(matched('arabic-quotation', '"الطريق الوحيد"')).toEqual(['الطريق الوحيد'])
  })
})

describe('searching emoji and odd Unicode', () => {
  it.each([
    ['a word with emoji stuck to it', 'celebration ', ['celebration']],
    [
      'a word written with combining accents, typed precomposed',
      'cr\u00E8me br\u00FBl\u00E9e ',
      ['cre\u0300me', 'bru\u0302le\u0301e']
    ],
    ['a word buried in combining marks', 'zalgo ', [ZALGO]],
    ['a word with a soft hyphen, typed without', 'international ', ['inter\u00ADnational']],
    ['a word with two soft hyphens', 'Donaudampfschiff ', ['Donau\u00ADdampf\u00ADschiff']],
    ['a Persian word with a zero-width non-joiner, typed without', 'میخواهم ', ['می\u200Cخواهم']],
    ['the same word typed with its non-joiner', 'می\u200Cخواهم ', ['می\u200Cخواهم']],
    ['a word with a word joiner, typed without', 'wellknown ', ['well\u2060known']],
    ['a word inside a right-to-left override', 'gnp ', ['gnp']]
  ])('finds %s', (_case, query, words) => {
    expect(ids(query)).toEqual(['emoji-and-odd-unicode'])
    expect(matched('emoji-and-odd-unicode', query)).toEqual(words)
  })

  it('reads a zero-width space as the space it stands for', () => {
    expect(matched('emoji-and-odd-unicode', '"zero width"')).toEqual(['zero\u200Bwidth'])
  })

  it('answers a query of emoji or invisible characters alone with nothing, not an error', () => {
    for (const query of ['🎉', '👩‍👩‍👧‍👦', '\u200D', '\u202E', '\uFEFF', '\u0301', '🇯🇵'])
      expect(service.search(query).results).toEqual([])
  })

  it('finds words of the markup article as the words they are, never as markup', () => {
    expect(ids('pwned ')).toEqual(['markup-injection'])
    expect(ids('onerror ')).toEqual(['markup-injection'])
  })
})

describe('find in an article of other scripts', () => {
  it.each([
    ['cjk-and-korean', '外交部', ['外交部']],
    ['cjk-and-korean', '서울', ['서울', '서울']],
    ['cjk-and-korean', 'ストライキ', ['ストライキ', 'ｽﾄﾗｲｷ']],
    ['arabic-quotation', 'المفاوضات', ['المُفاوَضات']],
    ['emoji-and-odd-unicode', 'international', ['inter\u00ADnational']],
    ['emoji-and-odd-unicode', 'میخواهم', ['می\u200Cخواهم']],
    ['emoji-and-odd-unicode', 'creme', ['cre\u0300me']],
    ['emoji-and-odd-unicode', '🎉celebration', ['🎉celebration']]
  ])('finds %s: %s', (articleId, needle, words) => {
    expect(found(articleId, needle)).toEqual(words)
  })
})

describe('searching enormous articles', () => {
  let big: SearchService
  let articles: ArticleView[]

  beforeAll(() => {
    articles = [parseArticle('huge', hugeParagraphArticle()), parseArticle('long', longArticle())]
    big = new SearchService(articles, SearchEngine.build(articles.map(toIndexedDocument)))
  }, 60_000)

  it('finds the one word in the middle of a paragraph of a million characters', () => {
    const response = big.search(`${HUGE_PARAGRAPH_MARKER} `)
    expect(response.results.map((r) => r.articleId)).toEqual(['huge'])
    const [range] = big.matches('huge', `${HUGE_PARAGRAPH_MARKER} `)!
    expect(articles[0]!.text.slice(range!.start, range!.end)).toBe(HUGE_PARAGRAPH_MARKER)
    expect(response.results[0]!.snippet.text).toContain(HUGE_PARAGRAPH_MARKER)
  })

  it('finds the one rare word near the end of a 100,000-word article', () => {
    expect(big.search(`${LONG_ARTICLE_MARKER} `).results.map((r) => r.articleId)).toEqual(['long'])
  })

  it('finds CJK and Arabic words among the hostile pieces of the million characters', () => {
    expect(big.search('外交部 ').results.map((r) => r.articleId)).toEqual(['huge'])
    expect(big.search('서울 ').results.map((r) => r.articleId)).toEqual(['huge'])
    expect(big.search('الدبلوماسية ').results.map((r) => r.articleId)).toEqual(['huge'])
  })

  it('highlights every one of tens of thousands of matches of a common word', () => {
    const ranges = big.matches('long', 'harbour ')!
    expect(ranges.length).toBeGreaterThan(1000)
  })
})
