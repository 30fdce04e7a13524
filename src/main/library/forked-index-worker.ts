/**
 * The index worker as a forked Node process: what the browser preview and the bench run (plain
 * Node, where Electron's utility process does not exist). The packaged app cannot use this: its
 * executable does not run as Node (the RunAsNode fuse is off), so it uses
 * utility-index-worker.ts instead.
 */
import { fork } from 'node:child_process'
import type { StartIndexWorker } from './index-worker-client'
import type { IndexWorkerHandle } from './index-worker-protocol'
import { lowerPriority } from './lower-priority'

/**
 * Starts `script` (the built index-worker.js) as a child process per worker, at lower priority.
 * Messages use V8's serialisation ('advanced'), the structured cloning a worker thread used:
 * faster than JSON for batches of articles, and `undefined` fields survive.
 */
export function forkIndexWorker(script: string): StartIndexWorker {
  return (data) => {
    const child = fork(script, [JSON.stringify(data)], {
      serialization: 'advanced',
      // Not main's flags: an `--inspect` there would make the child fight for the same port.
      execArgv: [],
      // The worker's own logs go through messages; anything else it prints (a crash) shows.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    // At once, before the child has started its own threads, so they inherit the priority.
    lowerPriority(child.pid)
    const on = (event: string, listener: (value: never) => void): void => {
      // Node gives the code, or null and the signal that ended the child.
      if (event === 'exit')
        child.on('exit', (code, signal) => listener((code ?? String(signal)) as never))
      else child.on(event, (value: unknown) => listener(value as never))
    }
    const handle: IndexWorkerHandle = {
      postMessage: (message) => {
        if (child.connected) child.send(message)
      },
      on: on as IndexWorkerHandle['on'],
      terminate: () => child.kill(),
      pid: child.pid
    }
    return handle
  }
}
