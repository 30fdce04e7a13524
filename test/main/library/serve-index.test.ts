import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startInProcessIndexWorker } from '../../../src/main/library/in-process-index-worker'
import {
  IndexWorkerClient,
  type StartIndexWorker
} from '../../../src/main/library/index-worker-client'
import type {
  FromIndexWorker,
  IndexWorkerHandle
} from '../../../src/main/library/index-worker-protocol'
import { LIBRARY_CACHE_FILE, writeLibraryCache } from '../../../src/main/library/library-cache'
import { loadLibrary } from '../../../src/main/library/load-library'
import { readCachedList } from '../../../src/main/library/cached-list'

const clients: IndexWorkerClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
})

/**
 * The fixture library with a cache as `npm run build` writes it, except that one cached title is
 * changed: an article showing it was read from the cache, not parsed.
 */
async function libraryWithCache(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  const { files } = await loadLibrary(join(dir, 'articles'))
  await writeLibraryCache(
    dir,
    files.map((f) =>
      f.article.id === 'garden-notes' ? { ...f, article: { ...f.article, title: 'Cached' } } : f
    )
  )
  return dir
}

function start(resourcesDir: string, worker: StartIndexWorker = startInProcessIndexWorker) {
  const logs: string[] = []
  const client = new IndexWorkerClient(worker, resourcesDir, (m) => logs.push(m))
  clients.push(client)
  return { client, logs }
}

const titleOf = async (client: IndexWorkerClient, id: string) =>
  (await client.ask({ kind: 'articles', ids: [id] }))[0]?.title

describe('the index worker reading the library', () => {
  it('answers with a cached article’s text, read from the texts file only when asked', async () => {
    const dir = await libraryWithCache()
    const { client } = start(dir)
    const [article] = await client.ask({ kind: 'articles', ids: ['garden-notes'] })
    const parsed = (await loadLibrary(join(dir, 'articles'))).articles
    expect(article?.title).toBe('Cached')
    expect(article?.text).toBe(parsed.find((a) => a.id === 'garden-notes')?.text)
  })

  it('takes unchanged articles from the cache and parses, with a log line, the changed ones', async () => {
    const dir = await libraryWithCache()
    await writeFile(
      join(dir, 'articles', 'harbour-strike.md'),
      '---\ntitle: Strike Over\n---\n\nThe dockers went back.\n'
    )
    const { client, logs } = start(dir)
    expect(await titleOf(client, 'garden-notes')).toBe('Cached')
    expect(await titleOf(client, 'harbour-strike')).toBe('Strike Over')
    expect(logs).toContainEqual(
      expect.stringMatching(/Parsed 1 of 3 articles .*they changed since it was built/)
    )
  })

  it('says why it parsed every article when there is no cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
    await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
    const { client, logs } = start(dir)
    expect(await client.list()).toMatchObject({ summaries: { length: 3 } })
    expect(logs).toContainEqual(
      expect.stringContaining(
        `Parsed 3 of 3 articles instead of reading them from the library cache: there is none (${join(dir, LIBRARY_CACHE_FILE)})`
      )
    )
  })

  it('logs nothing about the cache when it served every article', async () => {
    const dir = await libraryWithCache()
    const { client, logs } = start(dir)
    await client.settled()
    expect(logs.filter((m) => m.includes('library cache'))).toEqual([])
  })

  it('parses everything afresh in the worker that replaces a failed one', async () => {
    let calls = 0
    const failing = (): IndexWorkerHandle => {
      const exits: ((how: number) => void)[] = []
      setTimeout(() => exits.forEach((exit) => exit(1)), 0)
      return {
        postMessage: () => {},
        on: ((event: string, listener: (how: number) => void) => {
          if (event === 'exit') exits.push(listener)
        }) as IndexWorkerHandle['on'],
        terminate: () => {}
      }
    }
    const flaky: StartIndexWorker = (data) =>
      ++calls === 1 ? failing() : startInProcessIndexWorker(data)
    const { client } = start(await libraryWithCache(), flaky)
    expect(await titleOf(client, 'garden-notes')).toBe('Notes From a Small Garden')
    expect(calls).toBe(2)
  })
})

/** Damages the cache's last byte (in its articles part): the body no longer matches its hash. */
async function damageCacheBody(dir: string): Promise<void> {
  const path = join(dir, LIBRARY_CACHE_FILE)
  const bytes = await readFile(path)
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1
  await writeFile(path, bytes)
}

/** Starts a worker on `dir` and records every message it sends, in order, until `ready`. */
async function messagesUntilReady(dir: string): Promise<FromIndexWorker[]> {
  const messages: FromIndexWorker[] = []
  const recording: StartIndexWorker = (data) => {
    const worker = startInProcessIndexWorker(data)
    // A copy: main corrects the list it was sent in place.
    worker.on('message', (message) => messages.push(structuredClone(message)))
    return worker
  }
  const { client } = start(dir, recording)
  await client.settled()
  return messages
}

const summaryTitles = (message: FromIndexWorker | undefined) =>
  message && 'summaries' in message ? message.summaries.map((s) => s.title).sort() : null

describe('the index worker listing the library', () => {
  it('vouches for the cache’s own list by its hash, before it opens the index', async () => {
    const dir = await libraryWithCache()
    const messages = await messagesUntilReady(dir)
    const vouched = messages.filter((m) => m.type === 'list-vouched')
    expect(vouched).toEqual([
      { type: 'list-vouched', digest: (await readCachedList(dir, join(dir, 'articles')))!.digest }
    ])
    expect(messages.findIndex((m) => m.type === 'list-vouched')).toBeLessThan(
      messages.findIndex((m) => m.type === 'ready')
    )
  })

  it('sends the whole list when main asks for it after a vouch', async () => {
    // This client never read the cache itself: a vouch names no list it has.
    const messages: FromIndexWorker[] = []
    const { client } = start(await libraryWithCache(), (data) => {
      const worker = startInProcessIndexWorker(data)
      worker.on('message', (message) => messages.push(structuredClone(message)))
      return worker
    })
    expect((await client.list())?.summaries.map((s) => s.title)).toContain('Cached')
    const lists = messages.filter((m) => m.type === 'summaries')
    expect(lists).toHaveLength(1)
    expect(messages.findIndex((m) => m.type === 'summaries')).toBeGreaterThan(
      messages.findIndex((m) => m.type === 'list-vouched')
    )
  })

  it('lists what the articles say when the cache cannot be used', async () => {
    const dir = await libraryWithCache()
    await damageCacheBody(dir)
    const messages = await messagesUntilReady(dir)
    const listAt = messages.findIndex((m) => m.type === 'summaries')
    const parsedAt = messages.findIndex(
      (m) => m.type === 'log' && /Parsed 3 of 3 articles .*damaged/.test(m.message)
    )
    expect(parsedAt).toBeGreaterThanOrEqual(0)
    expect(listAt).toBeGreaterThan(parsedAt)
    expect(summaryTitles(messages[listAt])).toContain('Notes From a Small Garden')
    expect(summaryTitles(messages[listAt])).not.toContain('Cached')
  })

  it('lists a file changed since the cache was built as it is now', async () => {
    const dir = await libraryWithCache()
    await writeFile(
      join(dir, 'articles', 'harbour-strike.md'),
      '---\ntitle: Strike Over\n---\n\nThe dockers went back.\n'
    )
    const messages = await messagesUntilReady(dir)
    const lists = messages.filter((m) => m.type === 'summaries')
    expect(lists).toHaveLength(1)
    expect(summaryTitles(lists[0])).toEqual(expect.arrayContaining(['Cached', 'Strike Over']))
    expect(messages.filter((m) => m.type === 'list-vouched')).toEqual([])
  })
})
