/**
 * The index worker as an Electron utility process: what the desktop app runs. Only the Electron
 * entry (index.ts) imports this file; the browser preview and the bench, which run on plain
 * Node, fork the same script with forked-index-worker.ts.
 */
import { utilityProcess } from 'electron'
import type { StartIndexWorker } from './index-worker-client'
import type { IndexWorkerHandle } from './index-worker-protocol'
import { lowerPriority } from './lower-priority'

/** The process's name in the system's task manager. */
export const INDEX_WORKER_NAME = 'Dossier search index'

/** Starts `script` (the built index-worker.js) as a utility process per worker, at lower priority. */
export function utilityIndexWorker(script: string): StartIndexWorker {
  return (data) => {
    const child = utilityProcess.fork(script, [JSON.stringify(data)], {
      serviceName: INDEX_WORKER_NAME,
      stdio: 'inherit'
    })
    // Its pid exists only once it has spawned.
    child.once('spawn', () => lowerPriority(child.pid))
    const on = (event: string, listener: (value: never) => void): void => {
      if (event === 'error') {
        // A fatal V8 error (out of memory, say); `exit` follows it.
        child.on('error', (type, location) =>
          listener(new Error(`${type} at ${location}`) as never)
        )
      } else if (event === 'exit') {
        child.on('exit', (code) => listener(code as never))
      } else {
        child.on('message', (message) => listener(message as never))
      }
    }
    const handle: IndexWorkerHandle = {
      postMessage: (message) => child.postMessage(message),
      on: on as IndexWorkerHandle['on'],
      terminate: () => child.kill()
    }
    return handle
  }
}
