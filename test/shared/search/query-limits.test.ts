import { describe, expect, it } from 'vitest'
import { requestSchemas } from '@shared/ipc/schemas'
import {
  describeLimit,
  limitQuery,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS
} from '@shared/search/query-limits'
import { formatQuery, parseQuery } from '@shared/search/query-parser'
import { tokenize } from '@shared/search/tokenize'

/** A lone half of a surrogate pair anywhere in the text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const words = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `w${from + i}`).join(' ')

describe('limitQuery', () => {
  it.each([
    ['a typed query', 'north korea -trump'],
    ['an empty one', ''],
    ['one at the length limit', 'x'.repeat(MAX_QUERY_LENGTH)],
    ['one at the word limit', words(MAX_QUERY_WORDS)]
  ])('searches %s whole', (_case, query) => {
    expect(limitQuery(query)).toEqual({ text: query, cut: null })
  })

  it('cuts a 10,000-character paste between words, within what main accepts', () => {
    const word = 'internationalisation'
    const { text, cut } = limitQuery(`${word} `.repeat(400))
    expect(cut).toBe('characters')
    expect(text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(text.length).toBeGreaterThan(MAX_QUERY_LENGTH - word.length - 2)
    expect(text).toMatch(/^(internationalisation )+$/)
    expect(requestSchemas['search:query'].safeParse({ query: text }).success).toBe(true)
  })

  it('cuts one enormous word between code points, never through a surrogate pair', () => {
    for (const paste of ['🦀'.repeat(5000), `x${'🦀'.repeat(5000)}`, 'w'.repeat(10_000)]) {
      const { text } = limitQuery(paste)
      expect(text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      expect(text.length).toBeGreaterThan(MAX_QUERY_LENGTH - 3)
      expect(text).not.toMatch(LONE_SURROGATE)
      expect(paste.startsWith(text.trimEnd())).toBe(true)
    }
  })

  it('keeps only the first MAX_QUERY_WORDS words of a long query', () => {
    const { text, cut } = limitQuery(words(MAX_QUERY_WORDS + 40))
    expect(cut).toBe('words')
    expect(text).toBe(`${words(MAX_QUERY_WORDS)} `)
  })

  it('ends a cut query in a space, so its last word is not read as a prefix being typed', () => {
    const { text } = limitQuery(words(MAX_QUERY_WORDS + 1))
    expect(formatQuery(parseQuery(text))).not.toContain('*')
  })

  it('counts words as search does: the parts of a hyphenated name apart, operators not', () => {
    const names = 'Kim-Jong-un '.repeat(40)
    expect(tokenize(limitQuery(names).text)).toHaveLength(MAX_QUERY_WORDS)
    expect(limitQuery(`${'" - ( ) ~ ^ * '.repeat(60)}korea`).cut).toBe(null)
  })

  it('says how much is searched, quietly, only when the query was cut', () => {
    expect(describeLimit(limitQuery('korea'))).toBeNull()
    expect(describeLimit(limitQuery('korea '.repeat(2000)))).toBe(
      `Searching the first ${MAX_QUERY_WORDS} words`
    )
    expect(describeLimit(limitQuery('k'.repeat(2000)))).toBe('Searching the first 1,000 characters')
  })
})

describe('parseQuery under the word limit', () => {
  it('reads at most MAX_QUERY_WORDS words of whatever reaches it, phrases included', () => {
    const parsed = parseQuery(`"${words(50)}" ${words(50, 50)} OR ${words(50, 100)}`)
    const read = [...parsed.groups.flat(), ...parsed.excluded].flatMap((term) => term.words)
    expect(read.map((word) => word.text)).toEqual(words(MAX_QUERY_WORDS).split(' '))
  })

  it('reads a query the box cut exactly as the box shows it', () => {
    const long = `${words(MAX_QUERY_WORDS + 10)} `
    expect(formatQuery(parseQuery(limitQuery(long).text))).toBe(formatQuery(parseQuery(long)))
  })

  it('asks a term given twice once', () => {
    expect(formatQuery(parseQuery('korea Korea korea -trump -trump '))).toBe('korea -trump')
    expect(formatQuery(parseQuery('korea OR trump korea OR trump '))).toBe('(korea OR trump)')
  })
})
