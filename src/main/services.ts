/**
 * Everything main owns, wired together once: the library, the search index, the settings store,
 * and the contract's handlers over them. The Electron app and the browser preview both call this,
 * so the preview exercises exactly the handlers the desktop app runs.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Handlers } from '@shared/ipc/contract'
import type { SkippedFile } from '@shared/model/article'
import { SearchService } from '@shared/search/search-service'
import { createDispatcher, type Dispatch } from './ipc/dispatcher'
import { createHandlers } from './ipc/handlers'
import { loadOrBuildIndex, type IndexOrigin } from './library/library-index'
import { describeSkipped, loadLibrary } from './library/load-library'
import { SettingsStore } from './settings/settings-store'

export interface ServicesOptions {
  /** The folder holding `articles/` and the prebuilt `library-index.json`. */
  resourcesDir: string
  /** Where the user's data (settings, later notes) lives. Created if missing. */
  dataDir: string
  log?: (message: string) => void
}

export interface Services {
  handlers: Handlers
  dispatch: Dispatch
  skipped: SkippedFile[]
  indexOrigin: IndexOrigin
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const log = options.log ?? ((message: string) => console.error(message))
  const articlesDir = join(options.resourcesDir, 'articles')
  await mkdir(options.dataDir, { recursive: true })

  const library = await loadLibrary(articlesDir)
  for (const file of library.skipped) log(describeSkipped(articlesDir, file))
  const [{ engine, origin }, settings] = await Promise.all([
    loadOrBuildIndex(options.resourcesDir, library.articles, log),
    SettingsStore.open(options.dataDir, log)
  ])
  const handlers = createHandlers({
    articles: library.articles,
    skipped: library.skipped,
    search: new SearchService(library.articles, engine),
    settings
  })
  return {
    handlers,
    dispatch: createDispatcher(handlers, { log }),
    skipped: library.skipped,
    indexOrigin: origin
  }
}
