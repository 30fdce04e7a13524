/**
 * Everything main owns, wired together once: the library, the search index, the settings store,
 * and the contract's handlers over them. The Electron app and the browser preview both call this,
 * so the preview exercises exactly the handlers the desktop app runs.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CHANNELS, type Handlers } from '@shared/ipc/contract'
import { summaryOf, type SkippedFile } from '@shared/model/article'
import { createDispatcher, type Dispatch } from './ipc/dispatcher'
import { ExtractionClient } from './import/extraction-client'
import type { StartExtractor } from './import/extraction-protocol'
import { createImportHandlers } from './import/import-handlers'
import { ImportedStore } from './import/imported-store'
import { forkExtractor } from './import/start-extractor'
import { createHandlers } from './ipc/handlers'
import { readCachedList } from './library/cached-list'
import { forkIndexWorker } from './library/forked-index-worker'
import { IndexWorkerClient, type StartIndexWorker } from './library/index-worker-client'
import { localLibrary, withRecentArticles } from './library/library-access'
import type { AskLibrary } from './library/library-questions'
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

/**
 * Resolves once the library's list is loaded: the library shows at once and the reader too (the
 * worker holds the texts and answers main's questions), while the search index loads (or
 * builds) in a worker process and `search:status` reports its progress.
 */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const log = options.log ?? ((message: string) => console.error(message))
  const articlesDir = join(options.resourcesDir, 'articles')

  // The worker reads the library (from the parsed-library cache where it matches), sends its
  // list, and keeps the articles: main asks for the few it needs, so their texts are held once.
  // If the worker fails for good, main reads the library itself (yielding between files).
  // Opened beside the worker's start; the worker's questions read it once it is.
  const imported: { store?: ImportedStore } = {}
  const search = new IndexWorkerClient(
    options.startIndexWorker ?? forkIndexWorker(indexWorkerScript()),
    options.resourcesDir,
    log,
    options.waitForIndexMs,
    async () => (await loadLibrary(articlesDir)).articles,
    () => imported.store?.articles() ?? []
  )
  // Main reads the list itself meanwhile: the worker's own comes only once its process is up
  // and its code loaded, a few hundred milliseconds; it confirms or corrects this one.
  void readCachedList(options.resourcesDir, articlesDir).then(
    (cached) =>
      cached && search.offerList({ summaries: cached.summaries, skipped: [] }, cached.digest)
  )
  // After the worker's start, which needs no data folder: every moment before that start is
  // one more before search is ready. A folder that cannot be made ends the worker too.
  await mkdir(options.dataDir, { recursive: true }).catch(async (error: unknown) => {
    await search.close()
    throw error
  })
  const [list, settings, notes, opened] = await Promise.all([
    search.list(),
    SettingsStore.open(options.dataDir, log),
    NotesStore.open(options.dataDir, { log }),
    ImportedStore.open(options.dataDir, log)
  ])
  imported.store = opened
  const extraction = new ExtractionClient(
    options.startExtractor ?? forkExtractor(importWorkerScript())
  )
  // The worker failed before listing the library: main has read it itself.
  const own = list ? null : await loadLibrary(articlesDir)
  // The list as it stands now (corrected meanwhile, if it was); later corrections are heard below,
  // with no wait between.
  const latest = list && (await search.list())
  let bundled = latest?.summaries ?? own!.articles.map(summaryOf)
  let skipped = latest?.skipped ?? own!.skipped
  // Imported articles are main's own (their store); bundled ones never change while the app
  // runs, so the last few asked for are kept.
  const askWorker = withRecentArticles((question) => search.ask(question))
  const ask: AskLibrary = own
    ? (question) => localLibrary([...own.articles, ...opened.articles()]).ask(question)
    : async (question) => {
        if (question.kind !== 'articles') return askWorker(question)
        const elsewhere = question.ids.filter((id) => !opened.get(id))
        const fetched =
          elsewhere.length > 0 ? await askWorker({ kind: 'articles', ids: elsewhere }) : []
        const byId = new Map(elsewhere.map((id, i) => [id, fetched[i] ?? null]))
        return question.ids.map((id) => opened.get(id) ?? byId.get(id) ?? null) as never
      }
  // The imported articles change while the app runs: the handlers over the library are made
  // afresh after each change (milliseconds at 10,000 articles), the import handlers stay.
  let current: Handlers | null = null
  const rebuild = () => {
    const summaries = [...bundled, ...opened.articles().map(summaryOf)]
    search.countArticles(summaries.length)
    current = createHandlers({
      library: { summaries, ask },
      skipped,
      search,
      settings,
      notes,
      imports,
      notices: opened.notices
    })
  }
  const imports = createImportHandlers({
    store: opened,
    extraction,
    bundled: () => bundled,
    ask,
    search,
    notes,
    changed: rebuild
  })
  rebuild()
  // The worker's early list (from the cache's list section) turned out stale.
  search.onListCorrected((corrected) => {
    bundled = corrected.summaries
    skipped = corrected.skipped
    rebuild()
  })
  void search.update(opened.articles(), [])
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (request: unknown) => (current![channel] as (request: unknown) => unknown)(request)
    ])
  ) as Handlers
  for (const file of skipped) log(describeSkipped(articlesDir, file))
  return {
    handlers,
    dispatch: createDispatcher(handlers, { log }),
    get skipped() {
      return skipped
    },
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
