/**
 * Whether the article files are still exactly those the parsed-library cache was built from, by
 * name, size and modification time, checked by the thread that reads the cache, once it has
 * (read-checked.ts). At 10,000 articles the check is 10,000 `stat`s and as many comparisons, a
 * quarter of the worker's start-up on its own thread, where it held up search. When the thread
 * vouches for every file, the worker takes the cache's library as it stands (`cachedLibrary`);
 * otherwise, or if the thread cannot answer, it checks each file itself as before
 * (`loadLibrary`).
 */
import type { ThreadJob } from './read-checked'

/**
 * The job, as source: plain JavaScript of Node's own modules, like the reading thread's. Given
 * the cache's bytes, it reads its header (binary-file.ts: the magic, the header's length, the
 * header as JSON), lists the article files as `articleFileNames` does, and answers the header's
 * list hash if every file is the one the header records, else null. Its filter takes every name
 * `articleFileNames` takes (and a few more, such as a file named `.md`): a name only it took
 * makes the lists differ, so the worker checks each file itself; it never vouches for a library
 * missing a file. The worker trusts the answer only for a cache whose list has that hash.
 */
const SOURCE = `(bytes, articles) => {
  const { readdirSync, statSync } = require('node:fs')
  const { join } = require('node:path')
  if (!bytes || bytes.length < 12 || bytes.toString('latin1', 0, 8) !== 'DOSSIERB') return null
  const end = 12 + bytes.readUInt32LE(8)
  if (end > bytes.length) return null
  const { files, sizes, mtimes, summariesSha256 } = JSON.parse(bytes.toString('utf8', 12, end)).meta || {}
  if (![files, sizes, mtimes].every(Array.isArray) || typeof summariesSha256 !== 'string') return null
  const names = readdirSync(articles).filter((name) => /\\.(md|markdown)$/i.test(name)).sort()
  const same =
    names.length === files.length &&
    names.every((name, i) => {
      if (name !== files[i]) return false
      const info = statSync(join(articles, name))
      return info.isFile() && info.size === sizes[i] && info.mtimeMs === mtimes[i]
    })
  return same ? summariesSha256 : null
}`

/**
 * The check of the article files in `articlesDir`, for the thread that reads their cache.
 * @param heard hears the hash of the cache's list when every file is unchanged, else null.
 */
export function unchangedFilesJob(
  articlesDir: string,
  heard: (digest: string | null) => void
): ThreadJob {
  return {
    source: SOURCE,
    data: articlesDir,
    done: (value) => heard(typeof value === 'string' ? value : null)
  }
}
