/**
 * Everything main owns, wired together once: the library, the search index, the settings store,
 * and the contract's handlers over them. The Electron app and the browser preview both call this,
 * so the preview exercises exactly the handlers the desktop app runs.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CHANNELS, type Handlers } from '@shared/ipc/contract'
import type { SkippedFile } from '@shared/model/article'
import { createDispatcher, type Dispatch } from './ipc/dispatcher'
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
  /** The folder holding `articles/` and the prebuilt `library-index.json`. */
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
 * Resolves once the articles are loaded: the library and reader work at once, while the search
 * index loads (or builds) in a worker process and `search:status` reports its progress.
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
  const [library, settings, notes, store] = await Promise.all([
    search.library().then((parsed) => parsed ?? loadLibrary(articlesDir)),
    SettingsStore.open(options.dataDir, log),
    NotesStore.open(options.dataDir, { log }),
    ImportedStore.open(options.dataDir, log)
  ])
  for (const file of library.skipped) log(describeSkipped(articlesDir, file))
  const extraction = new ExtractionClient(
    options.startExtractor ?? forkExtractor(importWorkerScript())
  )
  // The imported articles change while the app runs: the handlers over the library are made
  // afresh after each change (milliseconds at 10,000 articles), the import handlers stay.
  let current: Handlers
  const rebuild = () => {
    const articles = [...library.articles, ...store.articles()]
    search.countArticles(articles.length)
    current = createHandlers({
      articles,
      skipped: library.skipped,
      search,
      settings,
      notes,
      imports
    })
  }
  const imports = createImportHandlers({
    store,
    extraction,
    bundled: library.articles,
    search,
    notes,
    changed: rebuild
  })
  rebuild()
  void search.update(store.articles(), [])
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (request: unknown) => (current[channel] as (request: unknown) => unknown)(request)
    ])
  ) as Handlers
  return {
    handlers,
    dispatch: createDispatcher(handlers, { log }),
    skipped: library.skipped,
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
