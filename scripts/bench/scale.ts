/**
 * The scale bench: Dossier's search against MiniSearch on the same generated corpus, side by
 * side in one run. Dossier is measured through the app's own path (articles parsed by
 * `loadLibrary`, indexed by `buildEngine`, written as the shipped files and read back as the
 * index worker reads them, searched through `librarySearch` with snippets and highlight offsets
 * for a page of 20); MiniSearch gets the same titles and bodies and stores nothing else. The
 * query latencies come from each engine in a process of its own (query-turns.ts).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
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
import { generateCorpus } from './corpus'
import { JSON_INDEX, type FreshLoad } from './index-load'
import { MINI_OPTIONS, miniDocuments, QUERY_KINDS } from './query-kinds'
import { measureQueryTurns, type QueryFigures } from './query-turns'
import { memory, timed, timedAsync } from './samples'
import type { StartUp } from './startup'

export type { QueryFigures, StartUp }

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
        what: 'heap, parsed articles in this process',
        dossier: articleBytes / 2 ** 20,
        mini: null,
        unit: 'MiB',
        target: null,
        note: "as parsing makes them, texts included; the app's index worker holds none of the texts: it reads each from library-texts.bin when a snippet or the reader needs it"
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
