/**
 * The app's start-up as the bench measures it: main's services with the real index worker, on a
 * library folder, and when its list and its search became usable.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { forkIndexWorker } from '../../src/main/library/forked-index-worker'
import { createServices, indexWorkerScript } from '../../src/main/services'
import { watchEventLoop, type LoopStalls } from './loop-stalls'
import { gc } from './samples'

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
