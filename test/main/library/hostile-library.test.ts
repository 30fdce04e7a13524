import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeBinaryFile } from '../../../src/main/library/binary-file'
import { INDEX_FILE, INDEX_FORMAT, loadOrBuildIndex } from '../../../src/main/library/library-index'
import { loadLibrary, type Library } from '../../../src/main/library/load-library'
import { SearchService } from '@shared/search/search-service'
import {
  HUGE_PARAGRAPH_MARKER,
  LONG_ARTICLE_MARKER,
  makeHostileLibrary
} from '../../support/hostile-library'

describe('a library of hostile articles', () => {
  const library = makeHostileLibrary({ beaconOrigin: 'http://127.0.0.1:9' })
  let loaded: Library
  beforeAll(async () => {
    loaded = await loadLibrary(library.articlesDir)
  }, 60_000)
  afterAll(() => library.remove())

  it('loads every article, the million-character paragraph and the 100,000-word one included', () => {
    expect(loaded.skipped).toEqual([])
    expect(loaded.articles.map((article) => article.id).sort()).toEqual([
      'arabic-quotation',
      'cjk-and-korean',
      'emoji-and-odd-unicode',
      'huge-paragraph',
      'hundred-thousand-words',
      'lone-surrogates',
      'markup-injection'
    ])
  })

  it('points the remote URLs of its copy at the given origin, and nothing else changes', async () => {
    const copied = readFileSync(join(library.articlesDir, 'markup-injection.md'), 'utf8')
    expect(copied).toContain('http://127.0.0.1:9/pixel.png')
    expect(copied).not.toContain('beacon.invalid')
    const emoji = readFileSync(join(library.articlesDir, 'emoji-and-odd-unicode.md'))
    expect([...emoji.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('rebuilds an index of the previous analysis, then finds words of every script in it', async () => {
    // An index written before CJK characters became words of their own cannot find them.
    await writeBinaryFile(join(library.dir, INDEX_FILE), { format: INDEX_FORMAT - 1 }, {})
    const { articles } = loaded
    const logs: string[] = []
    const { engine, origin } = await loadOrBuildIndex(library.dir, loaded, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(logs[0]).toMatch(new RegExp(`format ${INDEX_FORMAT - 1} is not ${INDEX_FORMAT}`))

    const service = new SearchService(articles, engine)
    const ids = (query: string) =>
      service
        .search(query)
        .results.map((r) => r.articleId)
        .sort()
    expect(ids(`${LONG_ARTICLE_MARKER} `)).toEqual(['hundred-thousand-words'])
    expect(ids(`${HUGE_PARAGRAPH_MARKER} `)).toEqual(['huge-paragraph'])
    expect(ids('서울 ')).toEqual(['cjk-and-korean', 'huge-paragraph'])
    expect(ids('外交部 ')).toEqual(['cjk-and-korean', 'huge-paragraph'])
    expect(ids('الدبلوماسية ')).toEqual(['arabic-quotation', 'huge-paragraph'])
  }, 60_000)
})
