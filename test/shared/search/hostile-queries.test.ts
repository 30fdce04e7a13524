/**
 * Whatever is typed or pasted into the search box, search answers: lunr's query syntax and
 * Dossier's operators in every pairing, stray quotes, control characters, lone surrogates and
 * pastes of a page, through the app's own composition (articles, quotations, notes) over the
 * bundled library. Speed is not timed here; the work a query can cause is bounded instead:
 * words read, clauses sent to the engine, close spellings tried.
 */
import { describe, expect, it, vi } from 'vitest'
import { requestSchemas } from '@shared/ipc/schemas'
import type { Annotation } from '@shared/model/annotation'
import type { TextRange } from '@shared/model/range'
import type { SearchResponse } from '@shared/model/search'
import { findInFolded, foldForFind } from '@shared/search/find-in-text'
import { MAX_FUZZY_LENGTH, MAX_FUZZY_WORDS } from '@shared/search/fuzzy'
import { SearchEngine, type EngineClause } from '@shared/search/lunr-engine'
import { NoteProvider, type NoteEntry } from '@shared/search/note-provider'
import { parseQuery } from '@shared/search/query-parser'
import { limitQuery, MAX_QUERY_WORDS } from '@shared/search/query-limits'
import { QuoteProvider } from '@shared/search/quote-provider'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'
import {
  BUNDLED_ARTICLES_DIR,
  FIXTURE_LIBRARY_DIR,
  loadArticles
} from '../../support/load-articles'

const articles = [...loadArticles(BUNDLED_ARTICLES_DIR), ...loadArticles(FIXTURE_LIBRARY_DIR)]
const byId = new Map(articles.map((article) => [article.id, article]))

/** Two notes on the first bundled article, so the notes provider meets the queries too. */
function notes(): NoteEntry[] {
  const article = articles[0]!
  const note = (n: number, target: TextRange | null, text: string): NoteEntry => {
    const annotation: Annotation = {
      id: `00000000-0000-4000-8000-00000000000${n}`,
      articleId: article.id,
      kind: target ? 'highlight' : 'article-note',
      target: target && {
        position: { type: 'TextPositionSelector', ...target },
        quote: {
          type: 'TextQuoteSelector',
          exact: article.text.slice(target.start, target.end),
          prefix: '',
          suffix: ''
        }
      },
      color: 'yellow',
      note: text,
      tags: ['korea', 'talks'],
      created: '2025-01-01T00:00:00.000Z',
      updated: '2025-01-01T00:00:00.000Z'
    }
    return { annotation, anchor: target, article }
  }
  return [
    note(1, { start: 0, end: Math.min(60, article.text.length) }, 'Why *North Korea* walked away.'),
    note(2, null, 'Read again: "talks" OR sanctions? -maybe title:later')
  ]
}

const engine = SearchEngine.build(articles.map(toIndexedDocument))
const service = new SearchService(articles, engine, [
  new QuoteProvider(articles),
  new NoteProvider(notes)
])
const folded = articles.map((article) => ({ article, text: foldForFind(article.text) }))

/** Every piece of query syntax lunr or Dossier gives a meaning to, and things that break parsers. */
const SYNTAX = [
  '+',
  '-',
  '~',
  '~2',
  '^',
  '^10',
  '*',
  ':',
  'title:',
  'source:',
  'author:',
  'speaker:',
  'foo:',
  '"',
  '""',
  '"unbalanced',
  'OR',
  'AND',
  'NOT',
  '(',
  ')',
  '\\',
  '\\\\*',
  '-"phrase"',
  '--x',
  '+-x',
  '*x*',
  'x~-1',
  'x^-1',
  'x^NaN',
  '“curly”',
  '🦀',
  '\u200F',
  '\u0000',
  '\uD800',
  '\uDC00x',
  ' \t\n\u00A0\u2028 ',
  'a '.repeat(1000),
  '*'.repeat(1000),
  '"'.repeat(500),
  'w'.repeat(1000),
  'korea '.repeat(2000)
]
/** Words the library holds, whole, possessive and half-typed, so operators meet real matches. */
const WORDS = ['korea', 'Trump’s', 'denucl', 'strike', 'north korea']

/** Every ordered pair of syntax and words, apart or touching, and syntax around each word. */
function hostileQueries(): string[] {
  const queries = new Set<string>()
  for (const first of SYNTAX)
    for (const second of [...SYNTAX, ...WORDS])
      for (const join of ['', ' ']) {
        queries.add(first + join + second)
        queries.add(second + join + first)
      }
  SYNTAX.forEach((before, i) =>
    SYNTAX.forEach((after, j) => queries.add(before + WORDS[(i + j) % WORDS.length]! + after))
  )
  // A paste of ten thousand characters of real words.
  queries.add(
    articles
      .map((article) => article.text)
      .join(' ')
      .slice(0, 10_000)
  )
  return [...queries]
}

/** Caret positions: none, the start, the middle, the end, and past the end, by turns. */
function caretFor(query: string, turn: number): number | undefined {
  return [undefined, 0, Math.floor(query.length / 2), query.length, query.length + 5][turn % 5]
}

/** What is wrong with a list of ranges of a text `length` long: empty when nothing is. */
function rangeProblems(ranges: readonly TextRange[], length: number): string[] {
  let previousStart = 0
  for (const { start, end } of ranges) {
    if (!Number.isInteger(start) || !Number.isInteger(end)) return [`${start}–${end} not whole`]
    if (start < previousStart) return [`${start}–${end} out of order`]
    if (start >= end) return [`${start}–${end} empty or reversed`]
    if (end > length) return [`${start}–${end} past the end (${length})`]
    previousStart = start
  }
  return []
}

/** What is wrong with an answer to `sent`: empty when nothing is. */
function responseProblems(response: SearchResponse, sent: string, limit: number): string[] {
  const problems: string[] = []
  if (response.query !== sent) problems.push('answers another query')
  if (response.results.length > limit) problems.push(`${response.results.length} results`)
  for (const result of response.results) {
    const article = byId.get(result.articleId)
    if (!article) {
      problems.push(`unknown article ${result.articleId}`)
      continue
    }
    const length = article.text.length
    if (!['article', 'quote', 'note'].includes(result.kind)) problems.push(`kind ${result.kind}`)
    if (!Number.isFinite(result.score)) problems.push(`score ${result.score}`)
    if (!Number.isInteger(result.matchCount) || result.matchCount < 0)
      problems.push(`match count ${result.matchCount}`)
    if (!(result.firstMatch >= 0 && result.firstMatch <= length))
      problems.push(`first match ${result.firstMatch}`)
    problems.push(...rangeProblems(result.snippet.highlights, result.snippet.text.length))
    if (result.passage) problems.push(...rangeProblems([result.passage], length))
  }
  return problems
}

/** What is wrong with the engine calls one search made: more clauses than its words allow. */
function workProblems(calls: readonly (readonly EngineClause[])[]): string[] {
  const problems: string[] = []
  for (const clauses of calls) {
    // An exact and a prefix clause per word read, and the close spellings tried.
    const fuzzy = clauses.filter((clause) => clause.kind === 'fuzzy')
    if (clauses.length > 2 * MAX_QUERY_WORDS + MAX_FUZZY_WORDS)
      problems.push(`${clauses.length} clauses`)
    if (fuzzy.length > MAX_FUZZY_WORDS) problems.push(`${fuzzy.length} fuzzy clauses`)
    if (fuzzy.some((clause) => clause.term.length > MAX_FUZZY_LENGTH))
      problems.push('close spellings of a word too long to be a typo')
  }
  return problems
}

const queries = hostileQueries()
/** Thousands of searches take seconds on a busy machine: time enough, still a bound on a hang. */
const SLOW = 120_000

describe('hostile search queries', () => {
  it('are a few thousand, from every pairing of the syntax', () => {
    expect(queries.length).toBeGreaterThan(3000)
  })

  it(
    'each get a well-formed answer, whatever the caret, with bounded work',
    { timeout: SLOW },
    () => {
      const search = vi.spyOn(engine, 'hitList')
      const problems = queries.flatMap((raw, turn) => {
        // What the search box sends: at most MAX_QUERY_LENGTH characters, which main accepts.
        const { text } = limitQuery(raw)
        const caret = caretFor(text, turn)
        const cursor = caret === undefined ? undefined : Math.min(caret, text.length)
        const found: string[] = []
        if (!requestSchemas['search:query'].safeParse({ query: text, cursor }).success)
          found.push('refused by the schema')
        search.mockClear()
        const response = service.search(text, 20, cursor)
        found.push(...responseProblems(response, text, 20))
        // Opening the first result (or any article) asks for the query's matches in it.
        const opened = response.results[0]?.articleId ?? articles[turn % articles.length]!.id
        found.push(
          ...rangeProblems(service.matches(opened, text) ?? [], byId.get(opened)!.text.length)
        )
        found.push(...workProblems(search.mock.calls.map(([clauses]) => clauses)))
        return found.length > 0 ? [{ query: JSON.stringify(text.slice(0, 80)), found }] : []
      })
      search.mockRestore()
      expect(problems).toEqual([])
    }
  )

  it('are read up to MAX_QUERY_WORDS words, even uncut and ten thousand characters long', () => {
    const wordsRead = queries.map((raw, turn) => {
      const parsed = parseQuery(raw, caretFor(raw, turn))
      return [...parsed.groups.flat(), ...parsed.excluded].flatMap((term) => term.words).length
    })
    expect(Math.max(...wordsRead)).toBeLessThanOrEqual(MAX_QUERY_WORDS)
  })

  it('each find their place in an article as in-article find needles, uncut', () => {
    const problems = queries.flatMap((raw, turn) => {
      const { article, text } = folded[turn % folded.length]!
      const found = rangeProblems(findInFolded(text, raw), article.text.length)
      return found.length > 0 ? [{ needle: JSON.stringify(raw.slice(0, 80)), found }] : []
    })
    expect(problems).toEqual([])
  })

  it('leave ordinary searches as they were: words, phrases, fields, OR, exclusions, typos', () => {
    const ids = (query: string) => service.search(query).results.map((r) => r.articleId)
    expect(ids('tomatoes ')).toEqual(['garden-notes'])
    expect(ids('"north korea" -tomatoes ')).toContain('north-korea-snubs-trump')
    expect(ids('title:strike OR title:garden ')).toEqual(
      expect.arrayContaining(['harbour-strike', 'garden-notes'])
    )
    expect(service.search('denuclearisation ').fuzzy).toBe(true)
  })

  it('find the article a pasted passage came from, past the word limit', () => {
    const id = 'trump-running-out-of-time-on-north-korea'
    const article = byId.get(id)!
    const body = article.blocks.find((block) => block.kind === 'paragraph')!
    const { text, cut } = limitQuery(article.text.slice(body.start, body.start + 10_000))
    expect(cut).toBe('words')
    expect(service.search(text).results.map((r) => r.articleId)).toEqual([id])
  })

  it('ask a word said many times once', () => {
    const search = vi.spyOn(engine, 'hitList')
    new SearchService(articles, engine).search('korea '.repeat(MAX_QUERY_WORDS))
    expect(search.mock.calls.map(([clauses]) => clauses.length)).toEqual([1])
    search.mockRestore()
  })

  it('try close spellings only for words short enough to be typos, and a few at most', () => {
    const search = vi.spyOn(engine, 'hitList')
    const fuzzyTerms = (query: string) => {
      search.mockClear()
      // A service of its own: the shared one may remember the answer and not ask the engine.
      new SearchService(articles, engine).search(query)
      return search.mock.calls
        .flatMap(([clauses]) => [...clauses])
        .filter((clause) => clause.kind === 'fuzzy')
    }
    expect(fuzzyTerms('denuclearisation ')).toHaveLength(1)
    expect(fuzzyTerms(`${'x'.repeat(MAX_FUZZY_LENGTH + 1)} `)).toEqual([])
    const misspelt = Array.from({ length: 12 }, (_, i) => `qzvx${'abcdefghijkl'[i]}wyth`)
    expect(fuzzyTerms(`${misspelt.join(' ')} `)).toHaveLength(MAX_FUZZY_WORDS)
    search.mockRestore()
  })
})
