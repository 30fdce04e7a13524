import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startInProcessIndexWorker } from '../../src/main/library/in-process-index-worker'
import type {
  FromIndexWorker,
  IndexWorkerHandle,
  ToIndexWorker
} from '../../src/main/library/index-worker-protocol'
import { readCachedList } from '../../src/main/library/cached-list'
import { LIBRARY_CACHE_FILE, writeLibraryCache } from '../../src/main/library/library-cache'
import { INDEX_FILE, writeIndexFile } from '../../src/main/library/library-index'
import { loadLibrary } from '../../src/main/library/load-library'
import { createServices } from '../../src/main/services'
import { summaryOf } from '../../src/shared/model/article'

// Vitest runs TypeScript sources, which a child process cannot load: the same worker code runs
// in-process over a MessageChannel (the built app and the E2E suite use the real child process;
// test/main/library/forked-index-worker.test.ts builds and forks it).
const startIndexWorker = startInProcessIndexWorker

async function services() {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../fixtures/library-broken'), join(resourcesDir, 'articles'), {
    recursive: true
  })
  const logs: string[] = []
  const created = await createServices({
    resourcesDir,
    dataDir: join(resourcesDir, 'data'),
    log: (m) => logs.push(m),
    startIndexWorker
  })
  return { ...created, logs, resourcesDir }
}

describe('createServices', () => {
  it('starts with the good articles and logs every skipped file by name', async () => {
    const { dispatch, logs, skipped } = await services()
    const list = await dispatch('library:list', undefined)
    expect(
      list.ok && (list.value as { articles: { id: string }[] }).articles.map((a) => a.id)
    ).toEqual(['good-article'])
    expect(skipped).toHaveLength(7)
    expect(logs.filter((m) => m.includes('Skipped article'))).toHaveLength(7)
    expect(logs.some((m) => m.includes('empty.md: the file is empty'))).toBe(true)
  })

  it('serves an article, searches it, and remembers the reading position', async () => {
    const { dispatch, resourcesDir, search: index } = await services()
    await index.settled()
    const article = await dispatch('library:get', { id: 'good-article' })
    expect(article).toMatchObject({ ok: true, value: { title: 'Dockers Talk of a Longer Strike' } })
    const search = await dispatch('search:query', { query: 'cafe' })
    expect(search).toMatchObject({ ok: true, value: { results: [{ articleId: 'good-article' }] } })
    const matches = await dispatch('search:matches', { articleId: 'good-article', query: 'cafe' })
    expect(matches).toMatchObject({ ok: true, value: { ranges: [{}] } })
    await dispatch('reading:save-position', { articleId: 'good-article', position: 0.4 })
    const again = await createServices({
      resourcesDir,
      dataDir: join(resourcesDir, 'data'),
      log: () => {},
      startIndexWorker
    })
    expect(await again.dispatch('settings:get', undefined)).toMatchObject({
      ok: true,
      value: { positions: { 'good-article': 0.4 } }
    })
  })

  it('answers not-found for an unknown article, in every channel that takes one', async () => {
    const { dispatch } = await services()
    for (const [channel, payload] of [
      ['library:get', { id: 'missing' }],
      ['search:matches', { articleId: 'missing', query: 'x' }],
      ['reading:save-position', { articleId: 'missing', position: 0 }]
    ] as const) {
      expect(await dispatch(channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'not-found' }
      })
    }
  })
})

/** A fresh copy of the good fixture library, with a prebuilt index when asked. */
async function goodLibrary(prebuilt: boolean): Promise<string> {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../fixtures/library'), join(resourcesDir, 'articles'), {
    recursive: true
  })
  if (prebuilt)
    await writeIndexFile(resourcesDir, await loadLibrary(join(resourcesDir, 'articles')))
  return resourcesDir
}

async function start(resourcesDir: string, worker = startIndexWorker, waitForIndexMs?: number) {
  const logs: string[] = []
  const created = await createServices({
    resourcesDir,
    dataDir: join(resourcesDir, 'data'),
    log: (m) => logs.push(m),
    startIndexWorker: worker,
    ...(waitForIndexMs === undefined ? {} : { waitForIndexMs })
  })
  return { ...created, logs }
}

/** A worker that never answers and fails at once: what a missing or crashing bundle looks like. */
function crashingWorker(message: string) {
  const started: unknown[] = []
  const start = (data: unknown): IndexWorkerHandle => {
    started.push(data)
    const listeners = new Map<string, ((value: never) => void)[]>()
    setTimeout(() => {
      for (const listener of listeners.get('error') ?? []) listener(new Error(message) as never)
    }, 0)
    return {
      postMessage: () => {},
      on: ((event: string, listener: (value: never) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
      }) as IndexWorkerHandle['on'],
      terminate: () => {}
    }
  }
  return { start, started }
}

describe('the search index, loaded off the main thread', () => {
  it('lets a search made while a small index loads wait for it', async () => {
    const { dispatch } = await start(await goodLibrary(true))
    expect(await dispatch('search:query', { query: 'tomatoes' })).toMatchObject({
      ok: true,
      value: { results: [{ articleId: 'garden-notes' }] }
    })
  })

  it('answers a search before the index is ready with no results, not an error', async () => {
    const worker = withheld('ready')
    const { dispatch, search } = await start(await goodLibrary(true), worker.start, 0)
    expect(await dispatch('search:query', { query: 'tomatoes' })).toEqual({
      ok: true,
      value: { query: 'tomatoes', results: [], fuzzy: false }
    })
    expect(
      await dispatch('search:matches', { articleId: 'garden-notes', query: 'tomatoes' })
    ).toMatchObject({ ok: true, value: { ranges: [] } })
    worker.release()
    await search.settled()
    expect(await dispatch('search:query', { query: 'tomatoes' })).toMatchObject({
      ok: true,
      value: { results: [{ articleId: 'garden-notes' }] }
    })
  })

  it('rebuilds a stale prebuilt index in the worker and says why', async () => {
    const resourcesDir = await goodLibrary(true)
    await writeFile(
      join(resourcesDir, 'articles', 'garden-notes.md'),
      '---\ntitle: Notes\n---\n\nCucumbers now.\n'
    )
    const { dispatch, search, logs } = await start(resourcesDir)
    await search.settled()
    expect(search.origin).toBe('rebuilt')
    expect(logs.some((m) => /articles changed/.test(m))).toBe(true)
    expect(await dispatch('search:query', { query: 'cucumbers ' })).toMatchObject({
      ok: true,
      value: { results: [{ articleId: 'garden-notes' }] }
    })
  })

  it('builds the index in the worker when there is no prebuilt one', async () => {
    const resourcesDir = await goodLibrary(false)
    const { search, logs } = await start(resourcesDir)
    expect((await search.settled()).state).toBe('ready')
    expect(search.origin).toBe('rebuilt')
    expect(logs.some((m) => m.includes(INDEX_FILE))).toBe(true)
  })

  it('retries a failed worker once with a rebuild, then reports search as failed', async () => {
    const worker = crashingWorker('the bundle is missing')
    const { dispatch, search, logs } = await start(await goodLibrary(true), worker.start)
    const status = await search.settled()
    expect(status).toMatchObject({ state: 'failed', articles: 3 })
    expect(status.message).toMatch(/the bundle is missing/)
    expect(worker.started).toEqual([
      { resourcesDir: expect.any(String) },
      { resourcesDir: expect.any(String), rebuild: true }
    ])
    expect(logs.filter((m) => m.includes('the bundle is missing'))).toHaveLength(2)
    // The library still works, and searching answers without an error.
    expect(await dispatch('library:get', { id: 'garden-notes' })).toMatchObject({ ok: true })
    expect(await dispatch('search:query', { query: 'tomatoes' })).toMatchObject({
      ok: true,
      value: { results: [] }
    })
  })

  it('recovers with a rebuild when the first worker fails while loading', async () => {
    let calls = 0
    const flaky = (data: Parameters<typeof startIndexWorker>[0]) =>
      ++calls === 1 ? crashingWorker('out of memory').start(data) : startIndexWorker(data)
    const { dispatch, search } = await start(await goodLibrary(true), flaky)
    expect((await search.settled()).state).toBe('ready')
    expect(search.origin).toBe('rebuilt')
    expect(await dispatch('search:query', { query: 'tomatoes' })).toMatchObject({
      ok: true,
      value: { results: [{ articleId: 'garden-notes' }] }
    })
  })
})

/**
 * The real worker, except that its messages of `type` are held back until `release`; `heard`
 * lists the type of every message main received.
 */
function withheld(type: 'ready' | 'articles') {
  let release = (): void => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const heard: string[] = []
  const start = (data: Parameters<typeof startIndexWorker>[0]): IndexWorkerHandle => {
    const worker = startIndexWorker(data)
    return {
      ...worker,
      on: ((event: string, listener: (message: never) => void) =>
        worker.on(event as 'message', (message) => {
          if (event !== 'message') return listener(message as never)
          const hear = () => {
            heard.push(message.type)
            listener(message as never)
          }
          if (message.type === type) void released.then(hear)
          else hear()
        })) as IndexWorkerHandle['on']
    }
  }
  return { start, release, heard }
}

describe('createServices and the article texts, held once', () => {
  it('reports loading, then ready, and serves the library before the index is ready', async () => {
    const worker = withheld('ready')
    const { dispatch, search } = await start(await goodLibrary(true), worker.start)
    expect(await dispatch('search:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'loading', articles: 3 }
    })
    const list = await dispatch('library:list', undefined)
    expect(list.ok && (list.value as { articles: unknown[] }).articles).toHaveLength(3)
    expect(await dispatch('library:get', { id: 'garden-notes' })).toMatchObject({
      ok: true,
      value: { id: 'garden-notes', text: expect.stringContaining('tomatoes') }
    })
    worker.release()
    await search.settled()
    expect(await dispatch('search:status', undefined)).toEqual({
      ok: true,
      value: { state: 'ready', progress: 1, articles: 3 }
    })
    expect(search.origin).toBe('prebuilt')
  })

  it('with the shipped index, never receives the texts: it asks the worker for what it shows', async () => {
    const worker = withheld('articles')
    const { dispatch, search } = await start(await goodLibrary(true), worker.start)
    await search.settled()
    expect(await dispatch('search:query', { query: 'tomatoes ' })).toMatchObject({
      ok: true,
      value: { results: [{ articleId: 'garden-notes' }] }
    })
    expect(await dispatch('library:get', { id: 'garden-notes' })).toMatchObject({
      ok: true,
      value: { id: 'garden-notes', text: expect.stringContaining('tomatoes') }
    })
    expect(await dispatch('quotes:voices', undefined)).toMatchObject({ ok: true })
    expect(worker.heard).not.toContain('articles')
    expect(worker.heard.filter((type) => type === 'answer').length).toBeGreaterThanOrEqual(2)
  })

  it('on a cold start, serves the reader from its own copy while the index builds, then asks the worker', async () => {
    const worker = withheld('ready')
    const { dispatch, search } = await start(await goodLibrary(false), worker.start)
    const answers = () => worker.heard.filter((type) => type === 'answer').length
    expect(await dispatch('library:get', { id: 'garden-notes' })).toMatchObject({
      ok: true,
      value: { id: 'garden-notes' }
    })
    // Three articles: one batch, lent before the index is built.
    await vi.waitFor(() => expect(worker.heard).toContain('articles'))
    const before = answers()
    expect(await dispatch('library:get', { id: 'summit-diary' })).toMatchObject({
      ok: true,
      value: { id: 'summit-diary' }
    })
    expect(answers()).toBe(before)
    worker.release()
    await search.settled()
    expect(await dispatch('library:get', { id: 'harbour-strike' })).toMatchObject({
      ok: true,
      value: { id: 'harbour-strike' }
    })
    expect(answers()).toBe(before + 1)
  })
})

/** The fixture library and the cache `npm run build` writes for it, with one title changed. */
async function cachedLibrary(): Promise<string> {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  const articles = join(resourcesDir, 'articles')
  await cp(join(__dirname, '../fixtures/library'), articles, { recursive: true })
  const { files } = await loadLibrary(articles)
  await writeLibraryCache(
    resourcesDir,
    files.map((f) =>
      f.article.id === 'garden-notes' ? { ...f, article: { ...f.article, title: 'Cached' } } : f
    )
  )
  return resourcesDir
}

/** A worker that sends only what the test tells it to. */
function scriptedWorker() {
  let hear: (message: FromIndexWorker) => void = () => {}
  const posted: ToIndexWorker[] = []
  const handle: IndexWorkerHandle = {
    postMessage: (message) => posted.push(message),
    on: ((event: string, listener: (message: FromIndexWorker) => void) => {
      if (event === 'message') hear = listener
    }) as IndexWorkerHandle['on'],
    terminate: () => {}
  }
  return { start: () => handle, send: (message: FromIndexWorker) => hear(message), posted }
}

const titlesOf = async (dispatch: (channel: 'library:list', request: undefined) => unknown) => {
  const list = (await dispatch('library:list', undefined)) as {
    ok: boolean
    value: { articles: { title: string }[] }
  }
  return list.ok ? list.value.articles.map((a) => a.title).sort() : null
}

describe('createServices listing the library from the cache itself', () => {
  /** The services on the cached library, with a worker that says only what the test sends. */
  async function withScriptedWorker() {
    const worker = scriptedWorker()
    const resourcesDir = await cachedLibrary()
    const { dispatch } = await createServices({
      resourcesDir,
      dataDir: join(await mkdtemp(join(tmpdir(), 'dossier-data-')), 'data'),
      log: () => {},
      startIndexWorker: worker.start
    })
    return { worker, dispatch, resourcesDir }
  }

  it('shows the list before the worker has said a word', async () => {
    const { dispatch } = await withScriptedWorker()
    expect(await titlesOf(dispatch)).toContain('Cached')
  })

  it('takes the worker’s own list where it differs from the one main read', async () => {
    const { worker, dispatch } = await withScriptedWorker()
    const summaries = [
      {
        ...summaryOf((await loadLibrary(join(__dirname, '../fixtures/library'))).articles[0]!),
        title: 'Renamed'
      }
    ]
    worker.send({ type: 'summaries', summaries, skipped: [] })
    expect(await titlesOf(dispatch)).toEqual(['Renamed'])
  })

  it('keeps its list, asking nothing, when the worker vouches for that very list', async () => {
    const { worker, dispatch, resourcesDir } = await withScriptedWorker()
    const read = await readCachedList(resourcesDir, join(resourcesDir, 'articles'))
    worker.send({ type: 'list-vouched', digest: read!.digest })
    expect(await titlesOf(dispatch)).toContain('Cached')
    expect(worker.posted.filter((m) => m.type === 'send-list')).toEqual([])
  })

  it('asks for the whole list when the worker vouches for another one, and takes it', async () => {
    const { worker, dispatch } = await withScriptedWorker()
    worker.send({ type: 'list-vouched', digest: 'another list' })
    expect(worker.posted).toContainEqual({ type: 'send-list' })
    const summaries = [
      {
        ...summaryOf((await loadLibrary(join(__dirname, '../fixtures/library'))).articles[0]!),
        title: 'Renamed'
      }
    ]
    worker.send({ type: 'summaries', summaries, skipped: [] })
    expect(await titlesOf(dispatch)).toEqual(['Renamed'])
  })
})

describe('createServices where the data folder cannot be made', () => {
  it('fails, and ends the index worker it had started', async () => {
    let terminated = 0
    const worker = scriptedWorker()
    const resourcesDir = await cachedLibrary()
    // A file where the data folder's parent should be.
    const blocked = join(resourcesDir, 'blocked')
    await writeFile(blocked, 'not a folder')
    await expect(
      createServices({
        resourcesDir,
        dataDir: join(blocked, 'data'),
        log: () => {},
        startIndexWorker: () => {
          const handle = worker.start()
          return { ...handle, terminate: () => terminated++ }
        }
      })
    ).rejects.toThrow()
    expect(terminated).toBe(1)
  })
})

describe('createServices and a list from the cache that turns out stale', () => {
  it('shows the corrected list once the worker has read the articles', async () => {
    // A cache whose list (and articles) name one title wrongly, and whose body is damaged: the
    // list is shown from it, then every file is parsed and the true title replaces it.
    const resourcesDir = await cachedLibrary()
    const path = join(resourcesDir, LIBRARY_CACHE_FILE)
    const bytes = await readFile(path)
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1
    await writeFile(path, bytes)
    const { dispatch, search } = await createServices({
      resourcesDir,
      dataDir: join(resourcesDir, 'data'),
      log: () => {},
      startIndexWorker
    })
    await search.settled()
    const list = await dispatch('library:list', undefined)
    const titles = list.ok && (list.value as { articles: { title: string }[] }).articles
    expect(titles && titles.map((a) => a.title)).toContain('Notes From a Small Garden')
    expect(titles && titles.map((a) => a.title)).not.toContain('Cached')
  })
})
