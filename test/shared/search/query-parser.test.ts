import { describe, expect, it } from 'vitest'
import { formatQuery, parseQuery } from '@shared/search/query-parser'

const read = (raw: string, cursor?: number) => formatQuery(parseQuery(raw, cursor))

describe('parseQuery', () => {
  it.each([
    ['plain words, the last still being typed', 'north korea', 'north korea*'],
    ['a finished last word (trailing space)', 'north korea ', 'north korea'],
    ['a phrase', '"north korea" talks ', '"north korea" talks'],
    ['a phrase with curly quotes', '“north korea” ', '"north korea"'],
    ['an unclosed phrase runs to the end, its last word typed', '"kim jong', '"kim jong*"'],
    ['a closed phrase ends the typing', '"kim jong"', '"kim jong"'],
    ['an excluded word', 'korea -trump ', 'korea -trump'],
    ['an excluded phrase', 'korea -"kim jong" ', 'korea -"kim jong"'],
    ['an excluded word being typed is not a prefix', 'korea -tru', 'korea -tru'],
    ['a field', 'title:korea ', 'title:korea'],
    ['a field with a phrase', 'title:"north korea" ', 'title:"north korea"'],
    ['a field in capitals', 'Source:NDTV ', 'source:NDTV'],
    ['an excluded field term', 'korea -source:ndtv ', 'korea -source:ndtv'],
    ['OR between two terms', 'a1 OR b1 c1 ', '(a1 OR b1) c1'],
    ['OR chained', 'a1 OR b1 OR c1 ', '(a1 OR b1 OR c1)'],
    ['OR between phrases', '"a1 b1" OR "c1 d1" ', '("a1 b1" OR "c1 d1")'],
    ['lower-case or is a word (a stop word)', 'a1 or b1 ', 'a1 b1'],
    ['a hyphenated name as a phrase of its parts', 'Jong-un ', '"Jong un"'],
    ['an acronym stays one word', 'U.S.-Ukraine ', '"U.S. Ukraine"'],
    ['stop words alone are dropped', 'the and of ', ''],
    ['stop words are kept inside a phrase', '"talks that bring" ', '"talks that bring"']
  ])('reads %s', (_case, raw, expected) => {
    expect(read(raw)).toBe(expected)
  })

  it.each([
    ['"title:" alone is the word title', 'title:', 'title'],
    ['a field followed by a space is a word', 'title: korea ', 'title korea'],
    ['a field followed by symbols is a word', 'title:+~ ', 'title'],
    ['+ is nothing', '+', ''],
    ['~~ is nothing', '~~', ''],
    ['lunr syntax is punctuation', '+tomatoes~2 ', '"tomatoes 2"'],
    ['an unbalanced quote alone is nothing', '"', ''],
    ['OR at the start is ignored', 'OR korea ', 'korea'],
    ['OR at the end is ignored', 'korea OR ', 'korea'],
    ['OR after an exclusion joins nothing', '-trump OR korea ', 'korea -trump'],
    ['a double dash is not an exclusion', '--korea ', 'korea'],
    ['a lone dash is nothing', 'korea - ', 'korea'],
    ['a dash before a space is nothing', '- korea ', 'korea'],
    ['a quote in mid-word is punctuation', 'ab"cd ', '"ab cd"'],
    ['control characters are nothing', '\u0000', '']
  ])('degrades to plain words: %s', (_case, raw, expected) => {
    expect(() => parseQuery(raw)).not.toThrow()
    expect(read(raw)).toBe(expected)
  })

  it.each([
    ['the word containing the cursor', 'denucl talks', 3, 'denucl* talks'],
    ['the word ending at the cursor', 'denucl talks', 6, 'denucl* talks'],
    ['no word when the cursor is in the spaces between', 'denucl  talks', 7, 'denucl talks'],
    ['the last word by default', 'denucl talks', undefined, 'denucl talks*'],
    ['no prefix shorter than two letters', 'north k', undefined, 'north k']
  ])('treats as a prefix %s', (_case, raw, cursor, expected) => {
    expect(read(raw, cursor)).toBe(expected)
  })
})
