import { appendFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  LIBRARY_CACHE_FILE,
  LIBRARY_CACHE_FORMAT,
  readLibraryCache,
  writeLibraryCache
} from '../../../src/main/library/library-cache'
import { loadLibrary } from '../../../src/main/library/load-library'

/** A copy of the good fixture library with a cache written for it, as `npm run build` does. */
async function builtLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  await writeLibraryCache(dir, (await loadLibrary(join(dir, 'articles'))).files)
  return dir
}

async function cacheLines(dir: string): Promise<string[]> {
  return (await readFile(join(dir, LIBRARY_CACHE_FILE), 'utf8')).trimEnd().split('\n')
}

describe('the parsed-library cache', () => {
  it('gives back every article exactly as parsing made it', async () => {
    const dir = await builtLibrary()
    const { cache, problem } = await readLibraryCache(dir)
    expect(problem).toBeNull()
    const fromCache = await loadLibrary(join(dir, 'articles'), { cache })
    const parsed = await loadLibrary(join(dir, 'articles'))
    expect(fromCache.cached).toBe(3)
    expect(parsed.cached).toBe(0)
    expect(fromCache.articles).toEqual(parsed.articles)
  })

  it('is read instead of parsing a file whose bytes have not changed', async () => {
    const dir = await builtLibrary()
    // Tamper with one cached title: only a load that skips parsing can return it.
    const lines = await cacheLines(dir)
    const edited = lines.map((line) =>
      line.replace('"title":"Notes From a Small Garden"', '"title":"Cached"')
    )
    expect(edited).not.toEqual(lines)
    await writeFile(join(dir, LIBRARY_CACHE_FILE), `${edited.join('\n')}\n`)
    const { cache } = await readLibraryCache(dir)
    const library = await loadLibrary(join(dir, 'articles'), { cache })
    expect(library.articles.find((a) => a.id === 'garden-notes')?.title).toBe('Cached')
  })

  it('parses again a file edited since the build, and only that one', async () => {
    const dir = await builtLibrary()
    await writeFile(
      join(dir, 'articles', 'garden-notes.md'),
      '---\ntitle: Cucumbers\n---\n\nCucumbers now.\n'
    )
    const { cache } = await readLibraryCache(dir)
    const library = await loadLibrary(join(dir, 'articles'), { cache })
    expect(library.cached).toBe(2)
    expect(library.articles.find((a) => a.id === 'garden-notes')?.title).toBe('Cucumbers')
  })

  it('loses only the articles on damaged lines, and says how many', async () => {
    const dir = await builtLibrary()
    const lines = await cacheLines(dir)
    const cut = [...lines.slice(0, 2), lines[2]!.slice(0, 40), ...lines.slice(3)]
    await writeFile(join(dir, LIBRARY_CACHE_FILE), `${cut.join('\n')}\n`)
    const { cache, problem } = await readLibraryCache(dir)
    expect(problem).toBe('1 of its entries are damaged')
    expect(cache.size).toBe(2)
    expect((await loadLibrary(join(dir, 'articles'), { cache })).articles).toHaveLength(3)
  })

  it('survives a file cut short in the middle of an article', async () => {
    const dir = await builtLibrary()
    const bytes = await readFile(join(dir, LIBRARY_CACHE_FILE))
    await writeFile(join(dir, LIBRARY_CACHE_FILE), bytes.subarray(0, bytes.length - 100))
    const { cache, problem } = await readLibraryCache(dir)
    expect(cache.size).toBe(2)
    expect(problem).toMatch(/damaged/)
  })

  it.each([
    ['missing', null, /there is none/],
    ['empty', '', /empty/],
    ['not JSON Lines', '{nope', /format \(none readable\)/],
    [
      'written by another version of parsing or quote extraction',
      `${JSON.stringify({ format: 'dossier-library parse:0 quotes:0' })}\n`,
      /format \(dossier-library parse:0 quotes:0\) is not/
    ]
  ])('is not used when it is %s, with the reason', async (_case, content, reason) => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
    if (content !== null) await writeFile(join(dir, LIBRARY_CACHE_FILE), content)
    const { cache, problem } = await readLibraryCache(dir)
    expect(cache.size).toBe(0)
    expect(problem).toMatch(reason)
  })

  it('ignores entries of another version even when every file matches, to the last line', async () => {
    const dir = await builtLibrary()
    const [, ...entries] = await cacheLines(dir)
    const header = JSON.stringify({ format: `${LIBRARY_CACHE_FORMAT}-old` })
    await writeFile(join(dir, LIBRARY_CACHE_FILE), [header, ...entries].join('\n'))
    expect((await readLibraryCache(dir)).cache.size).toBe(0)
  })

  it('tolerates blank lines', async () => {
    const dir = await builtLibrary()
    await appendFile(join(dir, LIBRARY_CACHE_FILE), '\n\n')
    const { cache, problem } = await readLibraryCache(dir)
    expect(problem).toBeNull()
    expect(cache.size).toBe(3)
  })
})
