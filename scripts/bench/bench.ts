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
import { measureLoadOf } from './index-load'
import { measureQueriesOf } from './query-harness'
import { measureScale, prepareLibrary, type ScaleResult } from './scale'
import { figuresAsData, formatScale, SCALE_PREAMBLE, TARGET_SIZE } from './scale-report'
import { measureWorkerPath } from './startup'
import { importReport } from './import'
import { serveQueries, type EngineName } from './query-server'
import { measureQueryTurns } from './query-turns'
import { quotesReport } from './quotes'
import { percentile, time } from './samples'

const root = resolve(__dirname, '../..')
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
