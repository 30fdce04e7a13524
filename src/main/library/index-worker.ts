/**
 * Entry of the index worker thread (out/main/index-worker.js): everything slow about search
 * happens here, so the main process never stalls while a large library's index loads.
 */
import { constants, setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type { IndexWorkerData, IndexWorkerPort } from './index-worker-protocol'
import { serveIndex } from './serve-index'

if (!parentPort) throw new Error('index-worker.js runs as a worker thread only')
// On a machine with few cores this thread, busy for seconds, competes with main for the CPU
// and main's event loop waits for its turn. On Linux a nice value is per thread (setpriority
// with pid 0 renices only the caller), so lower this thread's priority; elsewhere the same call
// would lower the whole app, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL)
  } catch {
    // Not allowed here: the worker runs at normal priority, which is only slower for main.
  }
}
void serveIndex(parentPort as unknown as IndexWorkerPort, workerData as IndexWorkerData)
