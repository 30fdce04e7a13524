/**
 * How long main's event loop stalls while the app starts, and how much of its stalls main's
 * thread itself spent on the CPU. On a quiet machine the two agree; on a busy one the scheduler
 * also hands main's core to other processes, which lengthens stalls without any work of main's,
 * so the CPU figure tells the stalls Dossier causes from the ones the machine does.
 */
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

export interface LoopStalls {
  /** Longest event-loop delay (`monitorEventLoopDelay`). */
  maxMs: number
  p99Ms: number
  /**
   * Longest delay counting only the time main's thread ran on the CPU during it. On Linux from
   * the thread's own scheduler statistics; elsewhere from the whole process's CPU time, which
   * also counts V8's helper threads and so overstates it. In a virtual machine whose kernel does
   * not account steal time, time the host takes from a running main counts as main's too.
   */
  busyMaxMs: number
  /** When that was (ms after watching began). */
  busyAtMs: number
  /**
   * The longest gap the sampler saw: when (ms after watching began), and how much of it main's
   * thread ran and waited for a CPU (Linux only: null elsewhere). What is left was main blocked
   * outside JavaScript (page faults, a lock, a system call), or its CPU taken by the host:
   * `stolenMs` is the machine's steal time over the gap, summed over its CPUs (Linux only;
   * counted in 10 ms ticks, so a few ms either way).
   */
  longest: {
    atMs: number
    gapMs: number
    ownMs: number
    queuedMs: number | null
    stolenMs: number | null
  }
}

/** Tick of the CPU sampler: fine enough to see a 50 ms stall, coarse enough to cost nothing. */
const TICK_MS = 2

/** Milliseconds main's thread has run on the CPU so far, and waited for one (Linux only). */
function mainThreadTimes(): { cpu: number; queued: number | null } {
  try {
    // Linux: nanoseconds on the CPU, then waiting for it, then time slices; main's thread id is
    // the process id.
    const [cpu, queued] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number)
    return { cpu: cpu! / 1e6, queued: queued! / 1e6 }
  } catch {
    const usage = process.cpuUsage()
    return { cpu: (usage.user + usage.system) / 1000, queued: null }
  }
}

/**
 * Milliseconds the hypervisor has taken from this machine's CPUs (all of them) since boot:
 * the `steal` column of /proc/stat, in USER_HZ ticks of 10 ms. Null where there is none.
 */
function stolenTime(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)
    const steal = Number(fields[8])
    return Number.isFinite(steal) ? steal * 10 : null
  } catch {
    return null
  }
}

/** Starts watching; `stop()` ends it and returns the figures. */
export function watchEventLoop(): { stop(): LoopStalls } {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  let busyMaxMs = 0
  let busyAtMs = 0
  const began = performance.now()
  let longest: LoopStalls['longest'] = {
    atMs: 0,
    gapMs: 0,
    ownMs: 0,
    queuedMs: null,
    stolenMs: null
  }
  let lastAt = began
  let last = mainThreadTimes()
  let lastStolen = stolenTime()
  const timer = setInterval(() => {
    const at = performance.now()
    const now = mainThreadTimes()
    const stolen = stolenTime()
    const gap = at - lastAt - TICK_MS
    const own = now.cpu - last.cpu
    if (Math.min(gap, own) > busyMaxMs) {
      busyMaxMs = Math.min(gap, own)
      busyAtMs = lastAt - began
    }
    if (gap > longest.gapMs) {
      const queued = now.queued === null || last.queued === null ? null : now.queued - last.queued
      const stolenMs = stolen === null || lastStolen === null ? null : stolen - lastStolen
      longest = { atMs: lastAt - began, gapMs: gap, ownMs: own, queuedMs: queued, stolenMs }
    }
    lastAt = at
    last = now
    lastStolen = stolen
  }, TICK_MS)
  return {
    stop() {
      clearInterval(timer)
      histogram.disable()
      return {
        maxMs: histogram.max / 1e6,
        p99Ms: histogram.percentile(99) / 1e6,
        busyMaxMs,
        busyAtMs,
        longest
      }
    }
  }
}
