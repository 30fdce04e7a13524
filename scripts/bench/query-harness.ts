import { QUERY_KINDS, type QueryKind } from './query-kinds'
import { openSearcher, timedTurn, type Searcher } from './query-server'
import { percentile } from './samples'

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
