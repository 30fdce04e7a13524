/**
 * `npm run bench`: how fast the bundled library is indexed, loaded and searched, and how big
 * the renderer is; then Dossier against MiniSearch on generated libraries of 1,000 and 10,000
 * articles (scale.ts); then imports (import.ts: `--only=import` runs just those). Prints Markdown; `--write` also records it in docs/benchmarks.md.
 * `--sizes=1000` limits the scale part to the sizes given. Figures are medians/percentiles over
 * repeated runs on this machine, not assertions.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { SearchEngine } from '@shared/search/lunr-engine'
import { buildEngine, INDEX_FILE } from '../../src/main/library/library-index'
import { librarySearch } from '../../src/main/library/serve-index'
import { loadLibrary } from '../../src/main/library/load-library'
import {
  measureLoadOf,
  measureQueriesOf,
  measureScale,
  measureWorkerPath,
  prepareLibrary,
  type ScaleResult,
  type StartUp
} from './scale'
import { importReport } from './import'
import { serveQueries, type EngineName } from './query-server'
import { measureQueryTurns } from './query-turns'
import { quotesReport } from './quotes'
import { percentile, time } from './samples'

const root = resolve(__dirname, '../..')
/** Scale targets are judged at this size, as the issue sets them. */
const TARGET_SIZE = 10_000
const SIZES = (
  process.argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length) ??
  `1000,${TARGET_SIZE}`
)
  .split(',')
  .map(Number)
const QUERIES = ['trump', 'north korea', 'talking', "trump's", 'denucl', 'sanctions relief', 'zzzz']

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

async function main(): Promise<void> {
  if (process.argv.includes('--only=quotes')) return console.log(quotesReport(root))
  if (process.argv.includes('--only=import'))
    return console.log(
      await importReport(root, __dirname, Math.max(...SIZES), (l) => console.error(l))
    )
  // The first load also warms the parser up; the second is the one reported.
  const { articles } = await loadLibrary(join(root, 'resources/articles'))
  const loadStart = performance.now()
  await loadLibrary(join(root, 'resources/articles'))
  const loadMs = performance.now() - loadStart

  const build = time(50, () => buildEngine(articles))
  const serialised = JSON.stringify(buildEngine(articles).toJSON())
  const load = time(50, () => SearchEngine.load(JSON.parse(serialised)))
  const service = librarySearch(articles, buildEngine(articles))

  const rows: string[] = []
  for (const query of QUERIES) {
    const samples = time(200, () => void service.search(query))
    rows.push(
      `| \`${query}\` | ${percentile(samples, 50).toFixed(3)} | ${percentile(samples, 95).toFixed(3)} |`
    )
  }
  const typing = time(50, () => {
    for (let i = 1; i <= 'sanctions relief'.length; i++)
      service.search('sanctions relief'.slice(0, i))
  })

  let renderer = 'not built (run `npm run build`)'
  try {
    const files = filesUnder(join(root, 'out/renderer'))
    const bytes = (ext: string) =>
      files.filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + statSync(f).size, 0)
    renderer = `JS ${(bytes('.js') / 1024).toFixed(1)} KiB, CSS ${(bytes('.css') / 1024).toFixed(1)} KiB, HTML ${(bytes('.html') / 1024).toFixed(1)} KiB`
  } catch {
    // Left as "not built".
  }
  let prebuilt = 'not built'
  try {
    prebuilt = `${(readFileSync(join(root, 'resources', INDEX_FILE)).length / 1024).toFixed(1)} KiB`
  } catch {
    // Left as "not built".
  }

  const words = articles.reduce((sum, a) => sum + a.words, 0)
  const report = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    '',
    `Library: ${articles.length} bundled articles, ${words} words.`,
    '',
    '| What | Median (ms) | p95 (ms) |',
    '|---|---|---|',
    `| Read and parse all articles (once) | ${loadMs.toFixed(2)} | |`,
    `| Build the lunr index | ${percentile(build, 50).toFixed(2)} | ${percentile(build, 95).toFixed(2)} |`,
    `| Load the prebuilt index (parse + \`Index.load\`) | ${percentile(load, 50).toFixed(3)} | ${percentile(load, 95).toFixed(3)} |`,
    `| Type "sanctions relief" (16 searches, one per keystroke) | ${percentile(typing, 50).toFixed(2)} | ${percentile(typing, 95).toFixed(2)} |`,
    '',
    'Search latency per query (ranking, snippet and match offsets for every result):',
    '',
    '| Query | Median (ms) | p95 (ms) |',
    '|---|---|---|',
    ...rows,
    '',
    `Serialised index: ${(serialised.length / 1024).toFixed(1)} KiB in memory; prebuilt file: ${prebuilt}.`,
    `Renderer bundle (out/renderer): ${renderer}.`,
    '',
    "The searches above are the app's own: articles and the quotations in them (the quote provider",
    'joins the article provider since issue 4). The generated libraries below contain no quotation',
    'marks, so there the quote provider finds nothing to search.'
  ].join('\n')
  console.log(report)
  const quotes = quotesReport(root)
  console.log(`\n${quotes}`)

  const scale: ScaleResult[] = []
  for (const size of SIZES) {
    console.error(`Measuring a generated library of ${size} articles…`)
    scale.push(await measureScale(size, __dirname, (line) => console.error(line)))
  }
  const scaleReport = scale.map(formatScale).join('\n\n')
  console.log(`\n${scaleReport}`)
  const jsonAt = process.argv.indexOf('--json')
  if (jsonAt !== -1) {
    const path = process.argv[jsonAt + 1]
    if (!path || path.startsWith('--')) throw new Error('--json needs a file to write')
    writeFileSync(resolve(path), `${JSON.stringify(figuresAsData(scale), null, 2)}\n`)
  }
  console.error('Measuring imports…')
  const imports = await importReport(root, __dirname, Math.max(...SIZES), (l) => console.error(l))
  console.log(`\n${imports}`)
  if (process.argv.includes('--write')) {
    const doc = `# Benchmarks\n\n\`npm run bench\` prints these figures; \`npm run bench -- --write\` records them here.\n\n## Bundled library\n\n${report}\n\n## At scale: Dossier and MiniSearch side by side\n\n${SCALE_PREAMBLE}\n\n${scaleReport}\n\n## Importing articles\n\n${imports}\n\n## Quotation extraction\n\n${quotes.replace(/^### .*\n\n/, '')}\n`
    writeFileSync(join(root, 'docs/benchmarks.md'), doc)
  }
}

const SCALE_PREAMBLE = [
  `Generated libraries (scripts/bench/corpus.ts: seeded, ~800-word articles, Zipf vocabulary of real`,
  `news words and names plus invented words), measured in one run on the machine above. Dossier goes`,
  `through the app's path: articles parsed by \`loadLibrary\`, indexed by lunr's Builder (lunr-engine.ts),`,
  `the prebuilt-file format main loads, and \`SearchService.search\` with snippets and highlight offsets`,
  `for the first page of 20 results. MiniSearch 7 gets the same titles and bodies (fields title/body,`,
  `storeFields none; prefix/fuzzy/AND options for the matching kinds) and returns bare ids and scores.`,
  `Heap is \`heapUsed + arrayBuffers\` after \`gc()\` (Dossier's postings are typed arrays, outside the`,
  `JS heap proper), for the index alone; the article texts are a separate row, needed by both apps.`,
  `Query latencies: each engine answers from a process of its own, as the app's index worker holds`,
  `Dossier (the shipped files read back, nothing else in its heap), and the two take turns, as many`,
  `runs as fit in 5 s per kind (up to 1,000),`,
  `each timed run preceded, untimed and for both engines, by a search for another rare word, so no`,
  `run is answered from the app's memo of the last query (which serves \`search:matches\` after`,
  `\`search:query\`). Targets apply at ${TARGET_SIZE.toLocaleString('en')} articles.`
].join('\n')

function format(value: number, unit: string): string {
  if (unit === 'MiB') return `${value.toFixed(1)} MiB`
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`
}

function formatScale(result: ScaleResult): string {
  const judged = result.articles >= TARGET_SIZE
  const rows = result.figures.map((figure) => {
    const reference = figure.reference ?? figure.mini
    const ratio = reference ? figure.dossier / reference : null
    const limit = figure.limit === undefined ? '' : ` and ≤ ${figure.limit} ${figure.unit}`
    const goal = `≤ ${figure.target}×${limit}`
    let verdict = figure.target === null ? 'reported' : judged ? '' : `(target ${goal} at 10k)`
    if (figure.target !== null && judged && ratio !== null) {
      const over = figure.limit !== undefined && figure.dossier > figure.limit
      const ratioMet = ratio <= figure.target
      const shortBy = ratioMet ? '' : ` by ${((ratio / figure.target - 1) * 100).toFixed(0)}%`
      verdict =
        ratioMet && !over
          ? `**met** (${goal})`
          : `**missed**${shortBy} (${goal}${over ? `; over ${figure.limit} ${figure.unit}` : ''})`
    }
    const mini = figure.mini === null ? '—' : format(figure.mini, figure.unit)
    const shownRatio = ratio === null ? '—' : `${ratio.toFixed(2)}×`
    return `| ${figure.what} | ${format(figure.dossier, figure.unit)} | ${mini} | ${shownRatio} | ${verdict} | ${figure.note ?? ''} |`
  })
  const { shipped, cold } = result.startup
  const loopMet = Math.max(shipped.maxMs, cold.maxMs) <= 50
  return [
    `### ${result.articles.toLocaleString('en')} articles, ${result.words.toLocaleString('en')} words`,
    '',
    '| What | Dossier | MiniSearch | Ratio | Target | Notes |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Main process while the app starts on this library (\`createServices\` with the real index worker, a`,
    `child process at lower priority; \`monitorEventLoopDelay\`). "Main's own work" counts only the CPU`,
    `time main used in a stall: on a busy machine the rest is other processes' turn on the CPU.`,
    `Longest stall ≤ 50 ms: ${loopMet ? '**met**' : '**missed**'}.${judged ? ` ${startUpVerdict(shipped)}` : ''}`,
    '',
    "| Start-up | Longest stall | Longest of main's own work | p99 | Library usable | Search ready | Longest stall, seen by a 2 ms timer |",
    '|---|---|---|---|---|---|---|',
    formatStartUp('shipped: prebuilt index and parsed-library cache', shipped),
    formatStartUp('cold: every article parsed, the index built', cold),
    ...result.notes
  ].join('\n')
}

/**
 * The scale figures as data (`--json FILE`), so they can be tracked run to run: per library
 * size, start-up as shipped and cold, every query kind's p95 beside MiniSearch's, and memory.
 */
function figuresAsData(scale: readonly ScaleResult[]): object {
  const startUp = (run: StartUp) => ({
    libraryUsableMs: round(run.usableMs),
    searchReadyMs: round(run.readyMs),
    longestStallMs: round(run.maxMs),
    longestOwnWorkMs: round(run.busyMaxMs),
    hostStolenDuringLongestStallMs: run.longest.stolenMs
  })
  const sizes = Object.fromEntries(
    scale.map((result) => [
      String(result.articles),
      {
        words: result.words,
        startup: { shipped: startUp(result.startup.shipped), cold: startUp(result.startup.cold) },
        queries: Object.fromEntries(
          Object.entries(result.queries).map(([kind, figures]) => [
            kind,
            {
              query: figures.query,
              runs: figures.runs,
              p50Ms: round(figures.p50Ms),
              p95Ms: round(figures.p95Ms),
              miniSearchP50Ms: round(figures.miniSearchP50Ms),
              miniSearchP95Ms: round(figures.miniSearchP95Ms)
            }
          ])
        ),
        memory: {
          mainRssMiB: round(result.startup.shipped.mainRssMiB),
          workerRssMiB:
            result.startup.shipped.workerRssMiB === null
              ? null
              : round(result.startup.shipped.workerRssMiB)
        }
      }
    ])
  )
  return {
    measured: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
    sizes
  }
}

/** Milliseconds and MiB to three decimals: finer is noise. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** Issue 18's start-up goals, for the shipped start at the target size. */
const USABLE_GOAL_MS = 500
const READY_GOAL_MS = 1000

function startUpVerdict(shipped: StartUp): string {
  const judge = (ms: number, goal: number) => (ms <= goal ? '**met**' : '**missed**')
  return `Shipped start: library usable ≤ ${USABLE_GOAL_MS / 1000} s ${judge(shipped.usableMs, USABLE_GOAL_MS)}, search ready ≤ ${READY_GOAL_MS / 1000} s ${judge(shipped.readyMs, READY_GOAL_MS)}.`
}

function formatStartUp(what: string, run: StartUp): string {
  const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`
  const { atMs, gapMs, ownMs, queuedMs, stolenMs } = run.longest
  const stolen = stolenMs === null ? '' : `; the host took ${ms(stolenMs)} of CPU time meanwhile`
  const longest =
    queuedMs === null
      ? `at ${ms(atMs)}: main ran ${ms(ownMs, 1)} of ${ms(gapMs, 1)}`
      : `at ${ms(atMs)}: main ran ${ms(ownMs, 1)}, waited ${ms(queuedMs, 1)} for a CPU, ${ms(Math.max(0, gapMs - ownMs - queuedMs), 1)} neither (blocked, or its CPU taken by the host)${stolen}`
  return `| ${what} | ${ms(run.maxMs, 1)} | ${ms(run.busyMaxMs, 1)} | ${ms(run.p99Ms, 1)} | ${ms(run.usableMs)} | ${ms(run.readyMs)} | ${longest} |`
}

/** The bench re-runs itself in fresh processes for figures a busy heap would distort. */
async function child(): Promise<boolean> {
  const loadOf = process.argv.find((arg) => arg.startsWith('--load-of='))
  const prepare = process.argv.find((arg) => arg.startsWith('--prepare='))
  const queryServer = process.argv.find((arg) => arg.startsWith('--query-server='))
  const dir = process.argv[process.argv.length - 1]!
  if (prepare) {
    // A profiling harness: a generated library with the files `npm run build` ships, kept.
    await prepareLibrary(Number(prepare.slice('--prepare='.length)), dir)
    return true
  }
  if (queryServer) {
    // Answers the parent's timed queries until it disconnects (query-turns.ts).
    await serveQueries(queryServer.slice('--query-server='.length) as EngineName, dir)
    return true
  }
  if (loadOf) {
    process.stdout.write(await measureLoadOf(loadOf.slice('--load-of='.length), dir))
    return true
  }
  if (process.argv.includes('--queries-of')) {
    // `--kinds=common,phrase` and `--runs=N` narrow it down for a profile of one query kind;
    // `--mini` times MiniSearch too.
    const option = (name: string) =>
      process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
    const kinds = option('kinds')?.split(',')
    const runs = option('runs')
    process.stdout.write(
      await measureQueriesOf(dir, {
        kinds,
        mini: process.argv.includes('--mini'),
        ...(runs ? { runs: Number(runs) } : {})
      })
    )
    return true
  }
  if (process.argv.includes('--turns-of')) {
    // The full bench's query figures alone, on a prepared library: each engine in its process.
    const queries = await measureQueryTurns(dir, __dirname)
    process.stdout.write(`${JSON.stringify(queries, null, 2)}\n`)
    return true
  }
  if (process.argv.includes('--startup-of')) {
    process.stdout.write(JSON.stringify(await measureWorkerPath(dir, __dirname)))
    return true
  }
  return false
}

child()
  .then((done) => (done ? undefined : main()))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
