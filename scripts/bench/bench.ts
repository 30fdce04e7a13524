/**
 * `npm run bench`: how fast the bundled library is indexed, loaded and searched, and how big
 * the renderer is. Prints a Markdown table; `--write` also records it in docs/benchmarks.md.
 * Figures are medians/percentiles over repeated runs on this machine, not assertions.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { SearchEngine } from '@shared/search/lunr-engine'
import { SearchService } from '@shared/search/search-service'
import { buildEngine, INDEX_FILE } from '../../src/main/library/library-index'
import { loadLibrary } from '../../src/main/library/load-library'

const root = resolve(__dirname, '../..')
const QUERIES = ['trump', 'north korea', 'talking', "trump's", 'denucl', 'sanctions relief', 'zzzz']

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function time(runs: number, body: () => void): number[] {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    body()
    samples.push(performance.now() - start)
  }
  return samples
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

async function main(): Promise<void> {
  // The first load also warms the parser up; the second is the one reported.
  const { articles } = await loadLibrary(join(root, 'resources/articles'))
  const loadStart = performance.now()
  await loadLibrary(join(root, 'resources/articles'))
  const loadMs = performance.now() - loadStart

  const build = time(50, () => buildEngine(articles))
  const serialised = JSON.stringify(buildEngine(articles).toJSON())
  const load = time(50, () => SearchEngine.load(JSON.parse(serialised)))
  const service = new SearchService(articles, buildEngine(articles))

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
    `Renderer bundle (out/renderer): ${renderer}.`
  ].join('\n')
  console.log(report)
  if (process.argv.includes('--write')) {
    const doc = `# Benchmarks\n\n\`npm run bench\` prints these figures; \`npm run bench -- --write\` records them here.\n\n## Bundled library\n\n${report}\n`
    writeFileSync(join(root, 'docs/benchmarks.md'), doc)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
