/**
 * Whether the article files are still exactly those the parsed-library cache was built from, by
 * name, size and modification time, checked on a thread of its own from the worker's first
 * moment. At 10,000 articles the check is 10,000 `stat`s and as many comparisons, a quarter of
 * the worker's start-up on its own thread, where it held up search. When the thread vouches for
 * every file, the worker takes the cache's library as it stands (`cachedLibrary`); otherwise,
 * or if the thread cannot answer, it checks each file itself as before (`loadLibrary`).
 */
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { LIBRARY_CACHE_FILE } from './shipped-names'

/**
 * The thread, as source: plain JavaScript of Node's own modules, like read-checked.ts's. It reads
 * the cache's header (binary-file.ts: the magic, the header's length, the header as JSON), lists
 * the article files as `articleFileNames` does, and answers the header's list hash if every file
 * is the one the header records, else null. Its filter takes every name `articleFileNames` takes
 * (and a few more, such as a file named `.md`): a name only it took makes the lists differ, so
 * the worker checks each file itself; it never vouches for a library missing a file.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const { closeSync, openSync, readSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')
function header(path) {
  const fd = openSync(path, 'r')
  try {
    const start = Buffer.alloc(12)
    if (readSync(fd, start, 0, 12, 0) !== 12 || start.toString('latin1', 0, 8) !== 'DOSSIERB') return null
    const json = Buffer.alloc(start.readUInt32LE(8))
    if (readSync(fd, json, 0, json.length, 12) !== json.length) return null
    return JSON.parse(json.toString('utf8')).meta
  } finally {
    closeSync(fd)
  }
}
let answer = null
try {
  const { files, sizes, mtimes, summariesSha256 } = header(workerData.cache) || {}
  const names = readdirSync(workerData.articles)
    .filter((name) => /\\.(md|markdown)$/i.test(name))
    .sort()
  const same =
    Array.isArray(files) && Array.isArray(sizes) && Array.isArray(mtimes) &&
    names.length === files.length &&
    names.every((name, i) => {
      if (name !== files[i]) return false
      const info = statSync(join(workerData.articles, name))
      return info.isFile() && info.size === sizes[i] && info.mtimeMs === mtimes[i]
    })
  if (same && typeof summariesSha256 === 'string') answer = summariesSha256
} catch {
  answer = null
}
parentPort.postMessage(answer)
`

/**
 * Starts the check of the article files in `resourcesDir` against its cache; resolves (never
 * rejecting) to the hash of the cache's list section when every file is unchanged, which names
 * the cache checked: the worker trusts it only for a cache with that very list. Null when
 * anything differs, or the check could not run.
 */
export function checkUnchangedFiles(resourcesDir: string): Promise<string | null> {
  return new Promise((resolve) => {
    let thread: Worker
    try {
      thread = new Worker(THREAD, {
        eval: true,
        workerData: {
          cache: join(resourcesDir, LIBRARY_CACHE_FILE),
          articles: join(resourcesDir, 'articles')
        }
      })
    } catch {
      resolve(null)
      return
    }
    thread.on('message', (answer: unknown) => resolve(typeof answer === 'string' ? answer : null))
    thread.on('error', () => resolve(null))
    thread.on('exit', () => resolve(null))
  })
}
