/**
 * `bench.js --load-of=ENGINE DIR`: one index's load time and heap in a fresh process, which has
 * loaded nothing else (the scale bench's own heap is full of corpora).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { SearchEngine } from '@shared/search/lunr-engine'
import { MINI_OPTIONS } from './query-kinds'
import { gc, median, memory, timed, timedAsync } from './samples'

/** The bench's copy of the index alone in JSON (the app ships INDEX_FILE, binary). */
export const JSON_INDEX = 'library-index.json'

export interface FreshLoad {
  /** Median read + parse + load. */
  loadMs: number
  /** Median plain `JSON.parse` of the same bytes. */
  parseMs: number
  bytes: number
  warmBytes: number
  warmMs: number
}

/**
 * `bench.js --load-of=dossier|minisearch DIR`: load time and heap of one index from DIR, as
 * JSON on stdout. Heap first, in a process that has loaded nothing else yet.
 */
export async function measureLoadOf(engineName: string, dir: string): Promise<string> {
  const path = join(dir, engineName === 'minisearch' ? 'minisearch.json' : JSON_INDEX)
  const load = async (): Promise<SearchEngine | MiniSearch> => {
    const text = await readFile(path, 'utf8')
    return engineName === 'minisearch'
      ? MiniSearch.loadJSON(text, MINI_OPTIONS)
      : SearchEngine.load(JSON.parse(text) as object)
  }
  const before = memory()
  let index: SearchEngine | MiniSearch | null = await load()
  const bytes = memory() - before
  const [, warmMs] = timed(() => (index instanceof SearchEngine ? index.warm() : undefined))
  const warmBytes = memory() - before
  index = null
  const text = await readFile(path, 'utf8')
  const loads: number[] = []
  const parses: number[] = []
  for (let run = 0; run < 3; run++) {
    gc()
    loads.push((await timedAsync(load))[1])
    gc()
    parses.push(timed(() => JSON.parse(text) as unknown)[1])
  }
  const result: FreshLoad = {
    loadMs: median(loads),
    parseMs: median(parses),
    bytes,
    warmBytes,
    warmMs
  }
  return JSON.stringify(result)
}
