import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import {
  findForwardOccurrences,
  forwardText,
  matchersFor,
  Vocabulary,
  type Alternatives
} from '@shared/search/forward-index'
import { queryWord, type QueryWord } from '@shared/search/query'
import { tokenize } from '@shared/search/tokenize'
import { analyseText, findOccurrences } from './reference-analysis'
import {
  BUNDLED_ARTICLES_DIR,
  FIXTURE_LIBRARY_DIR,
  loadArticles
} from '../../support/load-articles'

const handMade = [
  [
    'stop words and blocks',
    '---\ntitle: The talks of the day\n---\n\nThe harbour: the strike. Of the talks, the end.\n\n' +
      'The the the strike\n\n## Of harbours\n\nThe end of the talks.\n'
  ],
  [
    'acronyms',
    '---\ntitle: U.S. and D.P.R.K. talks\n---\n\nThe U.S.-Ukraine deal; the D.P.R.K.’s envoy met ' +
      'U.S officials. a.Bcd u.s. U.S.’s allies. N.K\n'
  ],
  [
    'hyphens and apostrophes',
    "---\ntitle: Kim Jong-un\n---\n\nKim Jong-un met Kim Jong Un. Korea’s, Korea's and Korea" +
      "ʼs talks; don’t can't rock-’n’-roll.\n"
  ],
  [
    // More occurrences of one word than the reused list of where they start first holds.
    'many occurrences',
    `---\ntitle: Talks\n---\n\n${'Talks of talks, talks. '.repeat(70)}\n\n${'The talks '.repeat(60)}end.\n`
  ],
  [
    'emoji and combining marks',
    '---\ntitle: Café 🎉 news\n---\n\nCafé (e\u0301) café 🎉🎉 cafe talks. Ångström 👩‍👩‍👧 naïve naive ' +
      'Zoë. 𝒳 wide 𝒳.\n\n> Quoted café talks\n\n> Talks café again\n'
  ]
] as const

const articles: ArticleView[] = [
  ...loadArticles(BUNDLED_ARTICLES_DIR),
  ...loadArticles(FIXTURE_LIBRARY_DIR),
  ...handMade.map(([id, markdown]) => parseArticle(id, markdown))
]

/** Queries drawn from an article's own words: singles, phrases, prefixes, stop words. */
function queriesFor(article: ArticleView): QueryWord[][] {
  const words = tokenize(article.text).map((t) => t.text)
  const stride = words.length > 200 ? 7 : 1
  const queries: QueryWord[][] = [[queryWord('the', false)], [queryWord('of', false)]]
  for (let i = 0; i < words.length; i += stride) {
    const w = words[i]!
    queries.push([queryWord(w, false)])
    queries.push([queryWord(w.slice(0, 3), true)])
    if (i + 1 < words.length) queries.push([queryWord(w, false), queryWord(words[i + 1]!, false)])
    if (i + 2 < words.length)
      queries.push([
        queryWord(w, false),
        queryWord(words[i + 1]!, false),
        queryWord(words[i + 2]!.slice(0, 2), true)
      ])
  }
  return queries
}

/** Close spellings as fuzzy search would accept them: for some words, another word's form. */
function alternativesFor(article: ArticleView): Alternatives {
  const analysed = analyseText(article.text, article.blocks)
    .map((t) => t.analysed)
    .filter((a): a is string => a !== null)
  const alternatives = new Map<string, Set<string>>()
  for (let i = 0; i + 1 < analysed.length; i += 5)
    alternatives.set(analysed[i]!, new Set([analysed[i + 1]!, 'nowhere']))
  return alternatives
}

describe('the forward index', () => {
  const vocabulary = new Vocabulary()
  const forwards = articles.map((a) => forwardText(a.text, a.blocks, vocabulary))

  it.each(articles.map((article, index) => [article.id, index] as const))(
    'finds the same occurrences as the analysed text in %s',
    (_id, index) => {
      const article = articles[index]!
      const tokens = analyseText(article.text, article.blocks)
      const titleBlock = article.blocks.findIndex((b) => b.kind === 'title')
      const inTitle = tokens.filter((t) => t.block === titleBlock)
      for (const alternatives of [undefined, alternativesFor(article)])
        for (const words of queriesFor(article)) {
          const matchers = matchersFor(vocabulary, words, alternatives)
          const forward = forwards[index]!
          expect(
            findForwardOccurrences(forward, article.blocks, vocabulary, matchers),
            words.map((w) => w.text).join(' ')
          ).toEqual(findOccurrences(tokens, words, alternatives))
          expect(
            findForwardOccurrences(forward, article.blocks, vocabulary, matchers, titleBlock)
          ).toEqual(findOccurrences(inTitle, words, alternatives))
        }
    }
  )

  it('finds a phrase whose stop word starts a block at the position it shares', () => {
    const article = parseArticle('s', '---\ntitle: Talks\n---\n\nThe talks ended.\n')
    const words = [queryWord('the', false), queryWord('talks', false)]
    const found = findForwardOccurrences(
      forwardText(article.text, article.blocks, vocabulary),
      article.blocks,
      vocabulary,
      matchersFor(vocabulary, words)
    )
    expect(found).toEqual(findOccurrences(analyseText(article.text, article.blocks), words))
    expect(found.map((o) => article.text.slice(o.start, o.end))).toEqual(['The talks'])
  })

  it.each([
    ['one spelling', 'harbour', 1],
    ['a few spellings', 'talks', 4],
    ['many spellings', 'tal', 7]
  ])('finds a word with %s in reading order', (_case, typed, spellings) => {
    // Few accepted forms are found form by form (indexOf), many through a table: same answer.
    const article = parseArticle(
      'spellings',
      '---\ntitle: Talks\n---\n\nTalk, talks, talking and the talk’s end. Harbour talks; ' +
        'talked, tally, tall tales. Talks.\n'
    )
    const small = new Vocabulary()
    const forward = forwardText(article.text, article.blocks, small)
    const words = [queryWord(typed, typed === 'tal')]
    const matchers = matchersFor(small, words)
    expect(matchers[0]!.ids.length).toBe(spellings)
    const found = findForwardOccurrences(forward, article.blocks, small, matchers)
    expect(found.length).toBeGreaterThan(0)
    expect(found).toEqual(findOccurrences(analyseText(article.text, article.blocks), words))
  })

  it('stores each distinct form once, however often and however spelt', () => {
    const small = new Vocabulary()
    forwardText('Talks talks talks TALKS', [{ start: 0, end: 23 }], small)
    expect(small.size).toBe(1)
  })

  it('finds nothing in text outside every block', () => {
    const small = new Vocabulary()
    const forward = forwardText('harbour strike', [], small)
    const matchers = matchersFor(small, [queryWord('harbour', false)])
    expect(findForwardOccurrences(forward, [], small, matchers)).toEqual([])
  })

  it("lists a file's spellings only when an article is first added, then ids as if built whole", () => {
    const built = new Vocabulary()
    forwardText('Harbour strike, the harbour’s strikers', [{ start: 0, end: 38 }], built)
    const arrays = built.toArrays()
    let listed = 0
    const read = Vocabulary.fromArrays({
      ...arrays,
      spellings: () => (listed++, arrays.spellings)
    })
    expect(listed).toBe(0)
    expect(read.idOf('strikers')).toBe(built.idOf('strikers'))
    expect(read.idOf('Quay')).toBe(built.idOf('Quay'))
    expect(listed).toBe(1)
    expect(read.toArrays()).toEqual(built.toArrays())
  })
})
