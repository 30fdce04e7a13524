import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeBinaryFile } from '../../../src/main/library/binary-file'
import {
  LIBRARY_CACHE_FILE,
  LIBRARY_CACHE_FORMAT,
  readLibraryCache,
  writeLibraryCache
} from '../../../src/main/library/library-cache'
import { loadLibrary } from '../../../src/main/library/load-library'
import { plainArticle } from '../../../src/main/library/stored-article'
import { LIBRARY_TEXTS_FILE } from '../../../src/main/library/texts-file'
import { asFirstLayout } from '../../support/first-layout'

/** A copy of the good fixture library with a cache written for it, as `npm run build` does. */
async function builtLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  await writeLibraryCache(dir, (await loadLibrary(join(dir, 'articles'))).files)
  return dir
}

async function cacheBytes(dir: string): Promise<Buffer> {
  return readFile(join(dir, LIBRARY_CACHE_FILE))
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
    expect(fromCache.articles.map(plainArticle)).toEqual(parsed.articles)
  })

  it.each([
    ['a text', (_texts: Buffer) => 2],
    ['blocks', (texts: Buffer) => texts.length - 3]
  ])(
    'reads %s damaged in the texts file from the article’s own file instead, saying so',
    async (_what, at) => {
      const dir = await builtLibrary()
      const path = join(dir, LIBRARY_TEXTS_FILE)
      const texts = await readFile(path)
      texts[at(texts)]! ^= 0x01
      await writeFile(path, texts)
      const logs: string[] = []
      const { cache, problem } = await readLibraryCache(dir, undefined, (line) => logs.push(line))
      expect(problem).toBeNull()
      const fromCache = await loadLibrary(join(dir, 'articles'), { cache })
      const parsed = await loadLibrary(join(dir, 'articles'))
      expect(fromCache.articles.map(plainArticle)).toEqual(parsed.articles)
      expect(logs).toEqual([
        expect.stringMatching(
          /The library cache could not be used for \S+\.md \(the text does not match its check\): parsed instead/
        )
      ])
    }
  )

  it.each([
    ['missing', (path: string) => rm(path)],
    ['cut short', async (path: string) => writeFile(path, (await readFile(path)).subarray(0, 5))]
  ])('is not used when its texts file is %s: every article is parsed', async (_case, damage) => {
    const dir = await builtLibrary()
    await damage(join(dir, LIBRARY_TEXTS_FILE))
    const { cache, problem } = await readLibraryCache(dir)
    expect(cache.size).toBe(0)
    expect(problem).toMatch(/its texts file could not be used/)
  })

  it('is read instead of parsing a file whose bytes have not changed', async () => {
    const dir = await builtLibrary()
    // A cache holding another title: only a load that skips parsing can return it.
    const { files } = await loadLibrary(join(dir, 'articles'))
    await writeLibraryCache(
      dir,
      files.map((f) =>
        f.article.id === 'garden-notes' ? { ...f, article: { ...f.article, title: 'Cached' } } : f
      )
    )
    const { cache } = await readLibraryCache(dir)
    const library = await loadLibrary(join(dir, 'articles'), { cache })
    expect(library.articles.find((a) => a.id === 'garden-notes')?.title).toBe('Cached')
  })

  it('reads and hashes a file whose size or time changed, and parses it only if its bytes did', async () => {
    const dir = await builtLibrary()
    const path = join(dir, 'articles', 'garden-notes.md')
    // Same bytes, a new time: read and hashed, still taken from the cache.
    const later = new Date(Date.now() + 60_000)
    await utimes(path, later, later)
    const touched = await loadLibrary(join(dir, 'articles'), {
      cache: (await readLibraryCache(dir)).cache
    })
    expect(touched.cached).toBe(3)
    const recorded = touched.files.find((f) => f.file === 'garden-notes.md')?.mtimeMs ?? 0
    expect(Math.round(recorded)).toBe(later.getTime())
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

  it.each([
    ['cut short in the middle of an article', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['cut short in its header', (b: Buffer) => b.subarray(0, 30)],
    [
      'zeroed in a block',
      (b: Buffer) =>
        Buffer.concat([
          b.subarray(0, b.length - 300),
          Buffer.alloc(200),
          b.subarray(b.length - 100)
        ])
    ],
    ['of the first binary layout', asFirstLayout],
    [
      'overwritten with garbage',
      (b: Buffer) => Buffer.concat([b.subarray(0, 200), Buffer.alloc(b.length - 200, 0x7b)])
    ]
  ])(
    'is not used at all, never crashing, when %s: every article is parsed',
    async (_case, damage) => {
      const dir = await builtLibrary()
      await writeFile(join(dir, LIBRARY_CACHE_FILE), damage(await cacheBytes(dir)))
      const { cache, problem } = await readLibraryCache(dir)
      expect(cache.size).toBe(0)
      expect(problem).toMatch(/damaged|truncated|bytes long|checksum|older layout/)
      const library = await loadLibrary(join(dir, 'articles'), { cache })
      expect(library.articles).toHaveLength(3)
      expect(library.cached).toBe(0)
    }
  )

  it.each([
    ['missing', null, /there is none/],
    ['empty', '', /not a Dossier binary file/],
    ['the old JSON Lines cache', '{"format":"dossier-library parse:2 quotes:2"}\n', /not a Dossier/]
  ])('is not used when it is %s, with the reason', async (_case, content, reason) => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
    if (content !== null) await writeFile(join(dir, LIBRARY_CACHE_FILE), content)
    const { cache, problem } = await readLibraryCache(dir)
    expect(cache.size).toBe(0)
    expect(problem).toMatch(reason)
  })

  it('ignores a cache of another version of parsing or quote extraction', async () => {
    const dir = await builtLibrary()
    await writeBinaryFile(
      join(dir, LIBRARY_CACHE_FILE),
      { format: 'dossier-library parse:0 quotes:0 binary:1' },
      {}
    )
    const { cache, problem } = await readLibraryCache(dir)
    expect(cache.size).toBe(0)
    expect(problem).toMatch(/format \(dossier-library parse:0 quotes:0 binary:1\) is not/)
    expect(LIBRARY_CACHE_FORMAT).not.toBe('dossier-library parse:0 quotes:0 binary:1')
  })
})
