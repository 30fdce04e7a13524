import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryForward } from '@shared/search/library-forward'
import { SearchEngine } from '@shared/search/lunr-engine'
import { SearchService, toIndexedDocument } from '@shared/search/search-service'
import { loadLibrary } from '../../../src/main/library/load-library'

const { articles } = await loadLibrary(join(__dirname, '../../fixtures/library'))
const engine = SearchEngine.build(articles.map(toIndexedDocument))

describe("a library's forward index read back from its arrays", () => {
  it('answers every query exactly as the one built from the articles', () => {
    const built = LibraryForward.build(articles)
    const arrays = built.toArrays()
    const read = LibraryForward.fromArrays(arrays)
    expect(read.texts.size).toBe(articles.length)
    expect(read.vocabulary.size).toBe(built.vocabulary.size)
    const fresh = new SearchService(articles, engine)
    const fromArrays = new SearchService(articles, engine, [], read)
    for (const query of ['tomatoes', '"north korea"', 'harb', 'garden -strike', 'source:gazette'])
      expect(fromArrays.search(query)).toEqual(fresh.search(query))
  })

  it('takes in an article added later exactly as the one built from the articles', () => {
    const [last, ...first] = articles
    const built = LibraryForward.build(first)
    const read = LibraryForward.fromArrays(built.toArrays())
    // Known spellings keep their entries, new ones get the same new entries on both sides.
    built.add(last!)
    read.add(last!)
    expect(read.vocabulary.size).toBe(built.vocabulary.size)
    expect(read.texts.get(last!.id)).toEqual(built.texts.get(last!.id))
    expect(read.toArrays()).toEqual(built.toArrays())
  })

  it('finds words by the orders it was read with, and words added since, as the built one', () => {
    const [last, ...first] = articles
    const built = LibraryForward.build(first)
    const read = LibraryForward.fromArrays(built.toArrays())
    built.add(last!)
    read.add(last!)
    const fresh = new SearchService(articles, engine, [], built)
    const fromArrays = new SearchService(articles, engine, [], read)
    // Words, prefixes and phrases, in the articles read and in the one added.
    const words = last!.text.split(/\s+/).filter((word) => /^[a-z]+$/i.test(word))
    const queries = [
      'tomatoes',
      'harb',
      '"north korea"',
      words[0]!,
      `"${words.slice(-2).join(' ')}"`,
      'garden harb'
    ]
    for (const query of queries) {
      expect(fromArrays.search(query)).toEqual(fresh.search(query))
      expect(fromArrays.matches(last!.id, query)).toEqual(fresh.matches(last!.id, query))
    }
  })

  it('refuses arrays that do not agree', () => {
    const arrays = LibraryForward.build(articles).toArrays()
    expect(() =>
      LibraryForward.fromArrays({ ...arrays, termIds: arrays.termIds.subarray(1) })
    ).toThrow(/do not agree/)
    expect(() =>
      LibraryForward.fromArrays({ ...arrays, termIds: arrays.termIds.map(() => 1e9) })
    ).toThrow(/not in the vocabulary/)
    const { vocabulary } = arrays
    expect(() =>
      LibraryForward.fromArrays({
        ...arrays,
        vocabulary: { ...vocabulary, spellingIds: vocabulary.spellingIds.map(() => 1e9) }
      })
    ).toThrow(/past the vocabulary/)
    const orders = vocabulary.orders!
    expect(() =>
      LibraryForward.fromArrays({
        ...arrays,
        vocabulary: { ...vocabulary, orders: { ...orders, byFolded: orders.byFolded.subarray(1) } }
      })
    ).toThrow(/do not agree/)
    expect(() =>
      LibraryForward.fromArrays({
        ...arrays,
        vocabulary: {
          ...vocabulary,
          orders: { ...orders, byAnalysed: orders.byAnalysed.map(() => 1e9) }
        }
      })
    ).toThrow(/past the vocabulary/)
  })
})
