/**
 * The scale bench's figures as Markdown (with a verdict against issue 18's goals at the target
 * size) and as data for `--json`.
 */
import { cpus } from 'node:os'
import type { ScaleResult, StartUp } from './scale'

/** Scale targets are judged at this size, as the issue sets them. */
export const TARGET_SIZE = 10_000

export const SCALE_PREAMBLE = [
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

export function formatScale(result: ScaleResult): string {
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
export function figuresAsData(scale: readonly ScaleResult[]): object {
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
