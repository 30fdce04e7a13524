/**
 * One search engine, opened as the scale bench times it: Dossier as the app's index worker
 * holds it (the shipped files read back, `librarySearch`), MiniSearch from its JSON. The bench
 * runs each in a process of its own (`bench.js --query-server=ENGINE DIR`, answering the
 * parent's turns in query-turns.ts), because that is how the app runs: its worker's heap holds
 * Dossier's index and texts and nothing else. With both engines in one heap, each engine's
 * timed runs also paid for collecting the other's garbage.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import MiniSearch from 'minisearch'
import { readLibraryCache } from '../../src/main/library/library-cache'
import { openPrebuiltIndex } from '../../src/main/library/library-index'
import { loadLibrary } from '../../src/main/library/load-library'
import { librarySearch } from '../../src/main/library/serve-index'
import { INTERLUDE, MINI_OPTIONS, miniDocuments, QUERY_KINDS, type QueryKind } from './query-kinds'

export type EngineName = 'dossier' | 'minisearch'

export interface Searcher {
  /** Searches the query kind and says what it found, e.g. "20 results" or "31 matches". */
  search(kind: QueryKind): string
  /** The untimed search before each timed run: another rare word. */
  interlude(): void
}

/** The app's library as its worker opens it: the cache, then the prebuilt index file. */
async function openLibrary(dir: string) {
  const { cache } = await readLibraryCache(dir)
  return loadLibrary(join(dir, 'articles'), { cache })
}

async function openDossier(dir: string): Promise<Searcher> {
  const library = await openLibrary(dir)
  const opened = await openPrebuiltIndex(dir, library)
  if (!('engine' in opened)) throw new Error(`the shipped index was not used: ${opened.reason}`)
  opened.engine.warm()
  // `BUILT_FORWARD=1` times the forward index built from the texts instead of the file's.
  const forward = process.env['BUILT_FORWARD'] ? undefined : opened.forward
  const service = librarySearch(library.articles, opened.engine, forward)
  return {
    search: (kind) => {
      const found = service.search(kind.dossier)
      return `${found.results.length} results${found.fuzzy ? ' (fuzzy)' : ''}`
    },
    interlude: () => void service.search(INTERLUDE)
  }
}

/** MiniSearch's index of DIR: read from its JSON, or built from the library and written once. */
async function openMiniSearch(dir: string): Promise<Searcher> {
  const path = join(dir, 'minisearch.json')
  let index: MiniSearch
  try {
    index = MiniSearch.loadJSON(await readFile(path, 'utf8'), MINI_OPTIONS)
  } catch {
    index = new MiniSearch(MINI_OPTIONS)
    index.addAll(miniDocuments((await openLibrary(dir)).articles))
    await writeFile(path, JSON.stringify(index))
  }
  return {
    search: (kind) => `${index.search(kind.mini, kind.options).length} matches`,
    interlude: () => void index.search(INTERLUDE)
  }
}

export function openSearcher(engine: EngineName, dir: string): Promise<Searcher> {
  return engine === 'dossier' ? openDossier(dir) : openMiniSearch(dir)
}

/** A turn the parent asks for: one query kind, timed, or untimed to say what it finds. */
export interface TurnRequest {
  key: string
  describe?: boolean
}

export type TurnAnswer = { ms: number } | { found: string } | { error: string }

/** One timed run: the interlude, untimed, then the query kind. */
export function timedTurn(searcher: Searcher, kind: QueryKind): number {
  searcher.interlude()
  const start = performance.now()
  searcher.search(kind)
  return performance.now() - start
}

/**
 * `bench.js --query-server=ENGINE DIR`: opens the engine, says `ready`, then answers each turn
 * the parent sends over IPC until it disconnects.
 */
export async function serveQueries(engine: EngineName, dir: string): Promise<void> {
  const send = (message: unknown) => process.send?.(message)
  const searcher = await openSearcher(engine, dir)
  const kinds = new Map(QUERY_KINDS.map((kind) => [kind.key, kind]))
  process.on('message', (request: TurnRequest) => {
    const kind = kinds.get(request.key)
    if (!kind) return send({ error: `no query kind ${request.key}` })
    send(request.describe ? { found: searcher.search(kind) } : { ms: timedTurn(searcher, kind) })
  })
  process.on('disconnect', () => process.exit(0))
  send('ready')
}
