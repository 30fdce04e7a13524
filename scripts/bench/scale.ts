/**
 * The scale bench: Dossier's search against MiniSearch on the same generated corpus, side by
 * side in one run. Dossier is measured through the app's own path (articles parsed by
 * `loadLibrary`, indexed by `buildEngine`, written as the shipped files and read back as the
 * index worker reads them, searched through `librarySearch` with snippets and highlight offsets
 * for a page of 20); MiniSearch gets the same titles and bodies and stores nothing else. The
 * query latencies come from each engine in a process of its own (query-turns.ts).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import MiniSearch from 'minisearch'
import { SearchEngine } from '@shared/search/lunr-engine'
import { LibraryForward } from '@shared/search/library-forward'
import {
  buildEngine,
  INDEX_FILE,
  loadOrBuildIndex,
  writeIndexFile
} from '../../src/main/library/library-index'
import { writeLibraryCache } from '../../src/main/library/library-cache'
import { loadLibrary } from '../../src/main/library/load-library'
import { writeShippedFiles } from '../../src/main/library/shipped-files'
import { forkIndexWorker } from '../../src/main/library/forked-index-worker'
import { createServices, indexWorkerScript } from '../../src/main/services'
import { generateCorpus } from './corpus'
import { watchEventLoop, type LoopStalls } from './loop-stalls'
import { MINI_OPTIONS, miniDocuments, QUERY_KINDS, type QueryKind } from './query-kinds'
import { openSearcher, timedTurn, type Searcher } from './query-server'
import { measureQueryTurns, percentile, type QueryFigures } from './query-turns'

export type { QueryFigures }

/** One frame at 60 Hz: the longest a query may take, snippets included (issue 18). */
export const FRAME_MS = 16

export interface Figure {
  what: string
  dossier: number
  mini: number | null
  unit: string
  /** Target as the largest allowed ratio dossier / reference, or null for "reported only". */
  target: number | null
  /** What the ratio is taken against when it is not MiniSearch. */
  reference?: number
  /** An absolute limit the figure must stay within too, in its unit. */
  limit?: number
  note?: string
}

/**
 * One start-up of the app's services: main's event loop, when each part became usable, and the
 * resident memory of main and of the worker once search was ready (null where unreadable).
 */
export type StartUp = LoopStalls & {
  usableMs: number
  readyMs: number
  mainRssMiB: number
  workerRssMiB: number | null
  /**
   * The worker's CPU time when main had the list (10 ms ticks): what its start-up path cost,
   * which the wall-clock figures hide on a loaded machine. Null where unreadable.
   */
  workerCpuAtListMs: number | null
}

export interface ScaleResult {
  articles: number
  words: number
  figures: Figure[]
  /** With the files `npm run build` ships (prebuilt index, parsed-library cache), and without. */
  startup: { shipped: StartUp; cold: StartUp }
  /** By query kind (`common`, `rare`, `threeTerms`, …). */
  queries: Record<string, QueryFigures>
  notes: string[]
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/** Heap in use plus ArrayBuffer memory (typed arrays live outside the JS heap). */
function memory(): number {
  gc()
  gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

function median(samples: number[]): number {
  return percentile(samples, 50)
}

function timed<T>(body: () => T): [T, number] {
  const start = performance.now()
  const value = body()
  return [value, performance.now() - start]
}

async function timedAsync<T>(body: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await body()
  return [value, performance.now() - start]
}

/** The bench's copy of the index alone in JSON (the app ships INDEX_FILE, binary). */
const JSON_INDEX = 'library-index.json'

/** Measures one corpus size. `log` reports progress, since a 10k run takes minutes. */
export async function measureScale(
  count: number,
  workerDir: string,
  log: (line: string) => void
): Promise<ScaleResult> {
  const notes: string[] = []
  const dir = await mkdtemp(join(tmpdir(), `dossier-bench-${count}-`))
  try {
    await mkdir(join(dir, 'articles'))
    for (const { file, markdown } of generateCorpus(count))
      await writeFile(join(dir, 'articles', file), markdown)

    const before = memory()
    const [library, parseMs] = await timedAsync(() => loadLibrary(join(dir, 'articles')))
    const articles = library.articles
    const articleBytes = memory() - before
    const words = articles.reduce((sum, a) => sum + a.words, 0)
    log(`  ${count}: parsed ${articles.length} articles in ${parseMs.toFixed(0)} ms`)

    // Build once each (the 10k build is the slowest step of the bench) and write both files; in
    // a function of its own so the built indexes and their JSON are garbage before queries run.
    const { buildMs, miniBuildMs, fileBytes, miniBytes, forwardMs } = await buildAndWrite(
      library,
      dir,
      (line) => log(`  ${count}: ${line}`)
    )
    const shippedIndexBytes = (await stat(join(dir, INDEX_FILE))).size
    // The parsed-library cache, as `npm run build` writes it beside the index.
    const [cachePath, cacheWriteMs] = await timedAsync(() => writeLibraryCache(dir, library.files))
    const cacheBytes = (await stat(cachePath)).size

    // Load time and heap of each index in a fresh process, as the app's worker loads it: this
    // one is full of corpora, and collecting its garbage would be timed too.
    const fresh = (engineName: string): FreshLoad =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--expose-gc', join(workerDir, 'bench.js'), `--load-of=${engineName}`, dir],
          { encoding: 'utf8' }
        )
      ) as FreshLoad
    const ours = fresh('dossier')
    const theirs = fresh('minisearch')
    log(`  ${count}: loads and heap measured`)
    // The app's path: the shipped binary file, lunr's postings and the forward index in one.
    const [shippedIndex, shippedLoadMs] = await timedAsync(() => loadOrBuildIndex(dir, library))
    const { forward: shippedForward } = shippedIndex
    if (!shippedForward) throw new Error('the shipped index file was not used')
    const forward = shippedForward.bytes()
    const figures: Figure[] = [
      {
        what: 'build',
        dossier: buildMs,
        mini: miniBuildMs,
        unit: 'ms',
        target: null,
        note: 'in the worker; no target'
      },
      {
        what: 'serialised index',
        dossier: fileBytes / 2 ** 20,
        mini: miniBytes / 2 ** 20,
        unit: 'MiB',
        target: 1.5
      },
      {
        what: 'load (read + parse + load)',
        dossier: ours.loadMs,
        mini: theirs.loadMs,
        unit: 'ms',
        target: null,
        note: 'reported; the target is the next row'
      },
      {
        what: 'load ÷ plain `JSON.parse` of the same bytes',
        dossier: ours.loadMs,
        mini: null,
        reference: ours.parseMs,
        unit: 'ms',
        target: 1.5,
        note: `JSON.parse alone: ${ours.parseMs.toFixed(0)} ms (MiniSearch: load ${(theirs.loadMs / theirs.parseMs).toFixed(2)}× its JSON.parse); medians of 3 in a fresh process`
      },
      {
        what: 'heap after load, index only',
        dossier: ours.warmBytes / 2 ** 20,
        mini: theirs.bytes / 2 ** 20,
        unit: 'MiB',
        target: 2,
        note: `with lunr's TokenSet for prefix/fuzzy (built in ${ours.warmMs.toFixed(0)} ms after load); without it ${(ours.bytes / 2 ** 20).toFixed(1)} MiB`
      },
      {
        what: 'parsed-library cache',
        dossier: cacheBytes / 2 ** 20,
        mini: null,
        unit: 'MiB',
        target: null,
        note: `written in ${cacheWriteMs.toFixed(0)} ms by the build; at start-up it replaces parsing (${parseMs.toFixed(0)} ms here)`
      },
      {
        what: 'heap, article texts (both engines need them for results)',
        dossier: articleBytes / 2 ** 20,
        mini: null,
        unit: 'MiB',
        target: null,
        note: 'the parsed articles; Dossier reads snippets from them'
      },
      {
        what: 'forward index (phrases, proximity, highlights)',
        dossier: (forward.texts + forward.vocabulary) / 2 ** 20,
        mini: null,
        unit: 'MiB',
        target: null,
        note: `typed arrays ${(forward.texts / 2 ** 20).toFixed(1)} MiB + vocabulary of ${forward.entries} forms ≈${(forward.vocabulary / 2 ** 20).toFixed(1)} MiB; built in ${forwardMs.toFixed(0)} ms by the build, read from the shipped file at start-up; MiniSearch has no positions`
      },
      {
        what: 'shipped index file (postings + forward index, binary)',
        dossier: shippedIndexBytes / 2 ** 20,
        mini: null,
        unit: 'MiB',
        target: null,
        note: `what the app reads at start-up: read, hash-checked and opened as typed arrays in ${shippedLoadMs.toFixed(0)} ms here (one process, warm file cache)`
      }
    ]

    // Each engine in a process of its own, as the app's worker holds Dossier (query-turns.ts).
    const queries = await measureQueryTurns(dir, workerDir)
    for (const query of QUERY_KINDS) {
      const measured = queries[query.key]!
      figures.push({
        what: `p95 ${query.kind} \`${measured.query}\``,
        dossier: measured.p95Ms,
        mini: measured.miniSearchP95Ms,
        unit: 'ms',
        // Issue 18: every kind within one frame, and no slower than MiniSearch.
        target: 1,
        limit: FRAME_MS,
        note: `${measured.runs} runs; p50 ${measured.p50Ms.toFixed(2)} vs ${measured.miniSearchP50Ms.toFixed(2)} ms; first page ${measured.found.dossier}, MiniSearch ${measured.found.miniSearch}${query.note ? `; ${query.note}` : ''}`
      })
    }
    log(`  ${count}: queries measured`)

    // The app's start-up in a fresh process, so the main thread's heap is the app's, not ours:
    // as shipped, then cold, from a folder holding only the articles (the worker parses every
    // article and builds the index, the longest its process is busy).
    const startUp = (resourcesDir: string): StartUp =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [join(workerDir, 'bench.js'), '--startup-of', resourcesDir],
          {
            encoding: 'utf8'
          }
        )
      ) as StartUp
    const shipped = startUp(dir)
    log(`  ${count}: start-up measured`)
    const coldDir = join(dir, 'cold')
    await mkdir(coldDir)
    await symlink(join(dir, 'articles'), join(coldDir, 'articles'), 'junction')
    const cold = startUp(coldDir)
    log(`  ${count}: cold start-up measured`)
    return {
      articles: articles.length,
      words,
      figures,
      startup: { shipped, cold },
      queries,
      notes
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * `bench.js --prepare=N DIR`: writes a generated library of N articles into DIR with the files
 * `npm run build` ships beside it, for profiling start-up and queries by hand.
 */
export async function prepareLibrary(count: number, dir: string): Promise<void> {
  await mkdir(join(dir, 'articles'), { recursive: true })
  for (const { file, markdown } of generateCorpus(count))
    await writeFile(join(dir, 'articles', file), markdown)
  await writeShippedFiles(dir, await loadLibrary(join(dir, 'articles')))
}

/** Builds both indexes, writes their files into `dir`, and returns times and sizes only. */
async function buildAndWrite(
  library: Awaited<ReturnType<typeof loadLibrary>>,
  dir: string,
  log: (line: string) => void
): Promise<{
  buildMs: number
  miniBuildMs: number
  fileBytes: number
  miniBytes: number
  forwardMs: number
}> {
  const { articles } = library
  // Build once each: the 10k build is the slowest step of the bench.
  const [built, buildMs] = timed(() => buildEngine(articles))
  log(`Dossier build ${buildMs.toFixed(0)} ms`)
  const documents = miniDocuments(articles)
  const [mini, miniBuildMs] = timed(() => {
    const index = new MiniSearch(MINI_OPTIONS)
    index.addAll(documents)
    return index
  })
  log(`MiniSearch build ${miniBuildMs.toFixed(0)} ms`)

  // The shipped file, as `npm run build` writes it and the worker reads it.
  const [forward, forwardMs] = timed(() => LibraryForward.build(articles))
  log(`forward index built in ${forwardMs.toFixed(0)} ms`)
  await writeIndexFile(dir, library, { engine: built, forward })
  // The index alone in lunr-engine's JSON form: what the index-only rows compare to MiniSearch.
  const file = JSON.stringify(built.toJSON())
  await writeFile(join(dir, JSON_INDEX), file)
  const miniJson = JSON.stringify(mini)
  await writeFile(join(dir, 'minisearch.json'), miniJson)
  const fileBytes = Buffer.byteLength(file)
  const miniBytes = Buffer.byteLength(miniJson)
  return { buildMs, miniBuildMs, fileBytes, miniBytes, forwardMs }
}

/**
 * Starts the app's services on the library in `resourcesDir` with the real index worker (a
 * forked child process, as in the browser preview), and watches main's event loop until search
 * is ready.
 */
export async function measureWorkerPath(resourcesDir: string, workerDir: string): Promise<StartUp> {
  gc()
  const watch = watchEventLoop()
  const start = performance.now()
  let workerPid: number | undefined
  const startWorker = forkIndexWorker(indexWorkerScript(workerDir))
  const services = await createServices({
    resourcesDir,
    dataDir: join(resourcesDir, 'data'),
    log: () => {},
    // The bench bundle sits in out/bench, beside its own build of the worker; plain Node forks
    // it as the browser preview does (the app's utility process is the same script).
    startIndexWorker: (data) => {
      const handle = startWorker(data)
      workerPid = handle.pid
      return handle
    }
  })
  const usableMs = performance.now() - start
  const workerCpuAtListMs = workerPid === undefined ? null : cpuMs(workerPid)
  const status = await services.search.settled()
  const readyMs = performance.now() - start
  const stalls = watch.stop()
  // Once the worker has settled (its TokenSet is built just after `ready`).
  await new Promise((resolve) => setTimeout(resolve, 500))
  const mainRssMiB = process.memoryUsage().rss / 2 ** 20
  const workerRssMiB = workerPid === undefined ? null : residentMiB(workerPid)
  await services.search.close()
  if (status.state !== 'ready') throw new Error(`the worker path failed: ${status.message}`)
  return { ...stalls, usableMs, readyMs, mainRssMiB, workerRssMiB, workerCpuAtListMs }
}

/** A process's CPU time, user and system (Linux's /proc, in clock ticks of 10 ms); null elsewhere. */
function cpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

/** A process's resident set (Linux's /proc), in MiB; null elsewhere. */
function residentMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    return kib === undefined ? null : Number(kib) / 1024
  } catch {
    return null
  }
}

/**
 * `bench.js --queries-of DIR`: each query kind's latency on a prepared library (`--prepare`),
 * through the app's path: a quick harness for profiling queries, in one process. With `mini`,
 * MiniSearch answers too, in turns, from the same heap (the full bench gives each engine a
 * process of its own: query-turns.ts).
 */
export async function measureQueriesOf(
  dir: string,
  {
    kinds,
    runs = 200,
    mini = false
  }: { kinds?: readonly string[]; runs?: number; mini?: boolean } = {}
): Promise<string> {
  const ours = await openSearcher('dossier', dir)
  const theirs = mini ? await openSearcher('minisearch', dir) : null
  // Wall and CPU time of one run: on a busy machine CPU time says what the search itself costs.
  const measure = (searcher: Searcher, kind: QueryKind, into: Timings): void => {
    const before = process.cpuUsage()
    into.wall.push(timedTurn(searcher, kind))
    const used = process.cpuUsage(before)
    into.cpu.push((used.user + used.system) / 1000)
  }
  const describe = ({ wall, cpu }: Timings): string =>
    `p50 ${percentile(wall, 50).toFixed(2)} p95 ${percentile(wall, 95).toFixed(2)} ms; CPU p50 ${percentile(cpu, 50).toFixed(2)} p95 ${percentile(cpu, 95).toFixed(2)} ms`
  const lines: string[] = []
  for (const kind of QUERY_KINDS) {
    if (kinds && !kinds.includes(kind.key)) continue
    ours.search(kind)
    theirs?.search(kind)
    const ourTimes: Timings = { wall: [], cpu: [] }
    const theirTimes: Timings = { wall: [], cpu: [] }
    for (let i = 0; i < runs; i++) {
      measure(ours, kind, ourTimes)
      if (theirs) measure(theirs, kind, theirTimes)
    }
    lines.push(
      `${kind.key}: ${describe(ourTimes)}${theirs ? `; MiniSearch ${describe(theirTimes)}` : ''}`
    )
  }
  return `${lines.join('\n')}\n`
}

/** Wall-clock and CPU milliseconds of each run (CPU time includes V8's helper threads). */
interface Timings {
  wall: number[]
  cpu: number[]
}

interface FreshLoad {
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
