/**
 * Everything main owns, wired together once: the library, the search index, the settings store,
 * and the contract's handlers over them. The Electron app and the browser preview both call this,
 * so the preview exercises exactly the handlers the desktop app runs.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CHANNELS, type Handlers } from '@shared/ipc/contract'
import { summaryOf, type SkippedFile } from '@shared/model/article'
import { DEFAULT_LIMIT } from '@shared/search/search-service'
import { createDispatcher, NotFoundError, type Dispatch } from './ipc/dispatcher'
import { ExtractionClient } from './import/extraction-client'
import type { StartExtractor } from './import/extraction-protocol'
import { createImportHandlers } from './import/import-handlers'
import { ImportedStore } from './import/imported-store'
import { forkExtractor } from './import/start-extractor'
import { createHandlers } from './ipc/handlers'
import { forkIndexWorker } from './library/forked-index-worker'
import { IndexWorkerClient, type StartIndexWorker } from './library/index-worker-client'
import { describeSkipped, loadLibrary } from './library/load-library'
import { NotesStore } from './notes/notes-store'
import { SettingsStore } from './settings/settings-store'

export interface ServicesOptions {
  /** The folder holding `articles/` and the prebuilt `library-index.bin`. */
  resourcesDir: string
  /** Where the user's data (settings, notes) lives. Created if missing. */
  dataDir: string
  log?: (message: string) => void
  /**
   * Starts the index worker: the Electron app passes a utility process; the default forks
   * `index-worker.js` beside the entry script with Node (the browser preview, the bench).
   */
  startIndexWorker?: StartIndexWorker
  /** How long a search waits for a loading index before answering empty (default 1 s). */
  waitForIndexMs?: number
  /**
   * Starts the extraction process for imports: the Electron app passes a utility process; the
   * default forks `import-worker.js` beside the entry script.
   */
  startExtractor?: StartExtractor
}

export interface Services {
  handlers: Handlers
  dispatch: Dispatch
  skipped: SkippedFile[]
  /** Search status and the worker behind it; `search.settled()` waits for the index. */
  search: IndexWorkerClient
  /** Resolves once every note and setting the UI has sent is on disk: await it before quitting. */
  idle(): Promise<void>
  /** Stops the child processes (the index worker, the extraction process). */
  close(): Promise<void>
}

/**
 * The built worker script, `index-worker.js` in `dir`: by default beside the entry script
 * (out/main for the app and the preview; out/bench for the bench, which builds its own copy).
 * Not `__dirname`: this module is bundled into a shared chunk in out/main/chunks.
 */
export function indexWorkerScript(
  dir: string = require.main ? dirname(require.main.filename) : __dirname
): string {
  return join(dir, 'index-worker.js')
}

/** The built extraction process's script, `import-worker.js`, beside `index-worker.js`. */
export function importWorkerScript(
  dir: string = require.main ? dirname(require.main.filename) : __dirname
): string {
  return join(dir, 'import-worker.js')
}

/** Every channel, each answered by `full`'s handler once it has resolved. */
function whenArticlesArrive(full: Promise<Handlers>): Handlers {
  return Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (request: unknown) => ((await full)[channel] as (request: unknown) => unknown)(request)
    ])
  ) as unknown as Handlers
}

/**
 * Resolves once the library's list is loaded: the library shows at once, the reader as soon as
 * the articles are in, while the search index loads (or builds) in a worker process and
 * `search:status` reports its progress.
 */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const log = options.log ?? ((message: string) => console.error(message))
  const articlesDir = join(options.resourcesDir, 'articles')
  await mkdir(options.dataDir, { recursive: true })

  // The worker parses the articles and sends them over in batches, then loads the index; main
  // only receives them, so its event loop never waits on Markdown parsing. If the worker cannot
  // deliver them, main reads them itself (yielding between files).
  const search = new IndexWorkerClient(
    options.startIndexWorker ?? forkIndexWorker(indexWorkerScript()),
    options.resourcesDir,
    log,
    options.waitForIndexMs
  )
  // The worker sends the library's list first, then the articles: main serves the list, the
  // settings and searches as soon as it has the list, every other channel once the articles
  // are in.
  const [list, settings, notes, store] = await Promise.all([
    search.list(),
    SettingsStore.open(options.dataDir, log),
    NotesStore.open(options.dataDir, { log }),
    ImportedStore.open(options.dataDir, log)
  ])
  const extraction = new ExtractionClient(
    options.startExtractor ?? forkExtractor(importWorkerScript())
  )
  const library = search.library().then((parsed) => parsed ?? loadLibrary(articlesDir))
  // The imported articles change while the app runs: the handlers over the library are made
  // afresh after each change (milliseconds at 10,000 articles), the import handlers stay.
  let current: Handlers | null = null
  const full = library.then((loaded): Handlers => {
    const rebuild = () => {
      const articles = [...loaded.articles, ...store.articles()]
      search.countArticles(articles.length)
      current = createHandlers({
        articles,
        skipped: loaded.skipped,
        search,
        settings,
        notes,
        imports,
        notices: store.notices
      })
    }
    const imports = createImportHandlers({
      store,
      extraction,
      bundled: loaded.articles,
      search,
      notes,
      changed: rebuild
    })
    rebuild()
    return Object.fromEntries(
      CHANNELS.map((channel) => [
        channel,
        (request: unknown) => (current![channel] as (request: unknown) => unknown)(request)
      ])
    ) as Handlers
  })
  void search.update(store.articles(), [])
  let handlers: Handlers
  let skipped: SkippedFile[]
  if (list) {
    skipped = list.skipped
    const listed = new Set(list.summaries.map(({ id }) => id))
    handlers = {
      ...whenArticlesArrive(full),
      'library:list': () => ({
        articles: [...list.summaries, ...store.articles().map(summaryOf)],
        skipped: [...list.skipped]
      }),
      'search:status': () => search.status(),
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      // The worker answers searches as soon as its index is open, which with the shipped index
      // is before the articles reach main: until then without the notes' results (their
      // anchors need the texts).
      'search:query': async (request) =>
        current
          ? current['search:query'](request)
          : search.search(request.query, request.limit ?? DEFAULT_LIMIT, request.cursor),
      'search:matches': async (request) => {
        if (current) return current['search:matches'](request)
        const { articleId, query } = request
        if (!listed.has(articleId) && !store.articles().some(({ id }) => id === articleId))
          throw new NotFoundError(`No article with id "${articleId}"`)
        return { articleId, query, ranges: (await search.matches(articleId, query)) ?? [] }
      }
    }
  } else {
    // The worker failed before listing the library: main has read it itself.
    handlers = await full
    skipped = (await library).skipped
  }
  for (const file of skipped) log(describeSkipped(articlesDir, file))
  return {
    handlers,
    dispatch: createDispatcher(handlers, { log }),
    skipped,
    search,
    idle: async () => {
      await Promise.all([notes.idle(), settings.idle()])
    },
    close: async () => {
      extraction.close()
      await search.close()
    }
  }
}
