/**
 * Lowers the priority of the index worker's process. Building a large library's index keeps the
 * worker busy for a minute; on a machine with two cores it then competes with main (and the
 * renderer) for the CPU, and the scheduler makes main's event loop wait its turn. At a lower
 * priority the worker gets the CPU main leaves idle, which is almost all of it.
 */
import { readdirSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * Nice value of the worker: below normal (0) but not idle (19), so it still progresses steadily
 * while the user reads. Windows maps it to BELOW_NORMAL_PRIORITY_CLASS.
 */
export const WORKER_NICE = 10

/**
 * Lowers the priority of every thread of process `pid` (V8's garbage-collector helpers included,
 * which run beside a busy heap). On Linux a nice value belongs to a thread and `setpriority` on a
 * pid reaches only the process's first thread, so each thread listed in /proc is lowered; a
 * thread started later inherits the lowered value from the thread that starts it. Elsewhere the
 * value belongs to the process. Never throws: a worker left at normal priority is only slower
 * for main, not wrong.
 */
export function lowerPriority(pid: number | undefined, platform = process.platform): void {
  if (pid === undefined) return
  let threads = [pid]
  if (platform === 'linux') {
    try {
      threads = [
        pid,
        ...readdirSync(`/proc/${pid}/task`)
          .map(Number)
          .filter((id) => id !== pid)
      ]
    } catch {
      // No /proc (or the process already ended): the first thread is the one that matters most.
    }
  }
  for (const thread of threads) {
    try {
      setPriority(thread, WORKER_NICE)
    } catch {
      // The thread ended meanwhile, or the system does not let us: see above.
    }
  }
}
