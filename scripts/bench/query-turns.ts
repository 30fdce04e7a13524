/**
 * The scale bench's query latencies: Dossier and MiniSearch each in a process of its own
 * (query-server.ts), taking turns so neither gets a quieter machine. The parent only passes
 * turns; each engine times its own searches.
 *
 * A turn is a round of `ROUND` (25) searches by one engine, then as many by the other, not one
 * search each: right after one of MiniSearch's searches (up to 40 ms, allocating a great deal), its
 * collector's threads still ran while Dossier's next search was timed, and on two cores they
 * took the core from it; the slowest runs were waiting for a CPU (wall 16–20 ms against
 * 3–6 ms of CPU time). Rounds keep each engine's own garbage in its own turn, for both alike,
 * and still alternate them over the whole budget.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { QUERY_KINDS } from './query-kinds'
import type { EngineName, TurnAnswer, TurnRequest } from './query-server'
import { percentile } from './samples'

/** One query kind's latencies, Dossier's and MiniSearch's, as `--json` writes them. */
export interface QueryFigures {
  query: string
  runs: number
  p50Ms: number
  p95Ms: number
  miniSearchP50Ms: number
  miniSearchP95Ms: number
  /** What each engine's search found, e.g. "20 results" and "31 matches". */
  found: { dossier: string; miniSearch: string }
}

/**
 * Per query kind: as many runs as fit in the budget (at least 5, at most MAX_RUNS), so a quick
 * kind's p95 rests on hundreds of samples rather than on the one a collection hit.
 */
const BUDGET_MS = 5000
const MAX_RUNS = 1000
/** Searches by one engine before the other's turn. */
const ROUND = 25

/** A query server (`bench.js --query-server=ENGINE DIR`) and a way to ask it for one turn. */
interface Server {
  ask(request: TurnRequest): Promise<TurnAnswer>
  close(): void
}

async function startServer(engine: EngineName, dir: string, workerDir: string): Promise<Server> {
  const child: ChildProcess = fork(
    join(workerDir, 'bench.js'),
    [`--query-server=${engine}`, dir],
    // Not the parent's flags (`--expose-gc`): the engine's process is left as Node starts it.
    { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
  )
  let pending: ((answer: TurnAnswer) => void) | null = null
  const failed = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${engine} query server exited (${code})`)))
  })
  failed.catch(() => {})
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message: 'ready' | TurnAnswer) => {
      if (message === 'ready') return resolve()
      const answer = pending
      pending = null
      answer?.(message)
    })
  })
  await Promise.race([ready, failed])
  return {
    ask: (request) => {
      const answer = new Promise<TurnAnswer>((resolve) => {
        pending = resolve
        child.send(request)
      })
      return Promise.race([answer, failed])
    },
    close: () => {
      child.removeAllListeners('exit')
      child.disconnect()
    }
  }
}

async function timedMs(server: Server, key: string): Promise<number> {
  const answer = await server.ask({ key })
  if ('ms' in answer) return answer.ms
  throw new Error('error' in answer ? answer.error : `no timing for ${key}`)
}

async function found(server: Server, key: string): Promise<string> {
  const answer = await server.ask({ key, describe: true })
  if ('found' in answer) return answer.found
  throw new Error('error' in answer ? answer.error : `no result for ${key}`)
}

/** Every query kind's latencies on the library in DIR (its shipped files and minisearch.json). */
export async function measureQueryTurns(
  dir: string,
  workerDir: string
): Promise<Record<string, QueryFigures>> {
  const ours = await startServer('dossier', dir, workerDir)
  const theirs = await startServer('minisearch', dir, workerDir)
  try {
    const queries: Record<string, QueryFigures> = {}
    for (const kind of QUERY_KINDS) {
      // Untimed first (lazy structures, JIT), and what each finds.
      const foundBy = {
        dossier: await found(ours, kind.key),
        miniSearch: await found(theirs, kind.key)
      }
      const ourMs: number[] = []
      const theirMs: number[] = []
      const began = performance.now()
      while (ourMs.length < MAX_RUNS) {
        if (ourMs.length >= 5 && performance.now() - began > BUDGET_MS) break
        for (let run = 0; run < ROUND; run++) ourMs.push(await timedMs(ours, kind.key))
        for (let run = 0; run < ROUND; run++) theirMs.push(await timedMs(theirs, kind.key))
      }
      queries[kind.key] = {
        query: kind.dossier.trim(),
        runs: ourMs.length,
        p50Ms: percentile(ourMs, 50),
        p95Ms: percentile(ourMs, 95),
        miniSearchP50Ms: percentile(theirMs, 50),
        miniSearchP95Ms: percentile(theirMs, 95),
        found: foundBy
      }
    }
    return queries
  } finally {
    ours.close()
    theirs.close()
  }
}
