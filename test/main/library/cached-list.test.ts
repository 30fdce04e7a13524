import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { summaryOf } from '../../../src/shared/model/article'
import { readCachedList } from '../../../src/main/library/cached-list'
import { LIBRARY_CACHE_FILE, writeLibraryCache } from '../../../src/main/library/library-cache'
import { loadLibrary } from '../../../src/main/library/load-library'

/** The fixture library and its cache as `npm run build` writes them. */
async function library(): Promise<{ dir: string; articles: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-list-'))
  const articles = join(dir, 'articles')
  await cp(join(__dirname, '../../fixtures/library'), articles, { recursive: true })
  await writeLibraryCache(dir, (await loadLibrary(articles)).files)
  return { dir, articles }
}

describe('the library list read from the cache alone', () => {
  it('is the list the articles give, in library order', async () => {
    const { dir, articles } = await library()
    const loaded = await loadLibrary(articles)
    expect((await readCachedList(dir, articles))?.summaries).toEqual(loaded.articles.map(summaryOf))
  })

  it('is refused when its section does not match its own hash', async () => {
    const { dir, articles } = await library()
    const path = join(dir, LIBRARY_CACHE_FILE)
    const bytes = await readFile(path)
    // Inside the first summary's id: still well-formed JSON, no longer what was hashed.
    const at = bytes.indexOf('[{"id":"') + 9
    bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61
    await writeFile(path, bytes)
    expect(await readCachedList(dir, articles)).toBeNull()
  })

  it("is given without looking at each file: one changed since the build is the worker's to find", async () => {
    const touched = await library()
    const later = new Date(Date.now() + 60_000)
    await utimes(join(touched.articles, 'summit-diary.md'), later, later)
    expect((await readCachedList(touched.dir, touched.articles))?.summaries).toHaveLength(3)
  })

  it('is refused when a file was added or removed since the cache was built', async () => {
    const added = await library()
    await writeFile(join(added.articles, 'zebra.md'), '# Zebra\n\nStripes.\n')
    expect(await readCachedList(added.dir, added.articles)).toBeNull()

    const removed = await library()
    await rm(join(removed.articles, 'garden-notes.md'))
    expect(await readCachedList(removed.dir, removed.articles)).toBeNull()
  })

  it('is refused when there is no cache or it is not one', async () => {
    const { dir, articles } = await library()
    await writeFile(join(dir, LIBRARY_CACHE_FILE), 'not a cache')
    expect(await readCachedList(dir, articles)).toBeNull()
    await rm(join(dir, LIBRARY_CACHE_FILE))
    expect(await readCachedList(dir, articles)).toBeNull()
  })
})
