import { cp, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCachedList } from '../../../src/main/library/cached-list'
import {
  LIBRARY_CACHE_FILE,
  readLibraryCache,
  writeLibraryCache
} from '../../../src/main/library/library-cache'
import { cachedLibrary, loadLibrary } from '../../../src/main/library/load-library'
import { readShippedFiles } from '../../../src/main/library/read-checked'

/** The check the cache's reading thread makes once it has read the cache. */
const checkUnchangedFiles = (dir: string) => readShippedFiles(dir).unchanged

/** The fixture library and its cache as `npm run build` writes them. */
async function library(): Promise<{ dir: string; articles: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-unchanged-'))
  const articles = join(dir, 'articles')
  await cp(join(__dirname, '../../fixtures/library'), articles, { recursive: true })
  await writeLibraryCache(dir, (await loadLibrary(articles)).files)
  return { dir, articles }
}

describe('the article files checked against the cache by the thread that reads it', () => {
  it('vouches for files unchanged since the build, naming the cache by its list', async () => {
    const { dir, articles } = await library()
    const list = await readCachedList(dir, articles)
    expect(await checkUnchangedFiles(dir)).toBe(list!.digest)
  })

  it.each([
    ['a file touched', (articles: string) => utimes(join(articles, 'summit-diary.md'), 1, 1)],
    [
      'a file edited',
      (articles: string) => writeFile(join(articles, 'garden-notes.md'), '# New\n')
    ],
    ['a file added', (articles: string) => writeFile(join(articles, 'zebra.MD'), '# Zebra\n')],
    ['a file removed', (articles: string) => rm(join(articles, 'garden-notes.md'))],
    [
      'a folder in a file’s place',
      async (articles: string) => {
        await rm(join(articles, 'garden-notes.md'))
        await mkdir(join(articles, 'garden-notes.md'))
      }
    ]
  ])('vouches for nothing after %s', async (_case, change) => {
    const { dir, articles } = await library()
    await change(articles)
    expect(await checkUnchangedFiles(dir)).toBeNull()
  })

  it('vouches for nothing without a cache, or without an articles folder', async () => {
    const { dir } = await library()
    await rm(join(dir, LIBRARY_CACHE_FILE))
    expect(await checkUnchangedFiles(dir)).toBeNull()
    const other = await library()
    await rm(other.articles, { recursive: true })
    expect(await checkUnchangedFiles(other.dir)).toBeNull()
  })

  it('lets the worker take the library the cache holds, exactly as reading each file gives it', async () => {
    const { dir, articles } = await library()
    const { cache } = await readLibraryCache(dir)
    const read = await loadLibrary(articles, { cache })
    const taken = cachedLibrary(cache)
    expect(taken.articles.map((a) => a.id)).toEqual(read.articles.map((a) => a.id))
    expect(taken.files.map(({ file, hash }) => [file, hash])).toEqual(
      read.files.map(({ file, hash }) => [file, hash])
    )
    expect(taken).toMatchObject({ skipped: [], cached: read.cached })
  })
})
