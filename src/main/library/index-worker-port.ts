/**
 * The index worker's end of the channel to main, in whichever kind of child process it runs: an
 * Electron utility process (`process.parentPort`, messages wrapped in an event) or a Node child
 * process forked with an IPC channel (`process.send`).
 */
import type { IndexWorkerData, IndexWorkerPort } from './index-worker-protocol'

/** Electron's `process.parentPort`, typed here so this file runs under plain Node too. */
interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
}

/** The parts of `process` the worker talks through. */
export interface ChildProcessSide {
  parentPort?: ParentPort
  send?: (message: unknown, callback?: (error: Error | null) => void) => boolean
  on(event: 'message', listener: (message: unknown) => void): unknown
}

/**
 * The channel to the parent.
 * @throws when the process has none (it was started some other way than by main).
 */
export function parentChannel(side: ChildProcessSide): IndexWorkerPort {
  const { parentPort, send } = side
  if (parentPort) {
    return {
      postMessage: (message, sent) => {
        parentPort.postMessage(message)
        sent?.()
      },
      on: (_event, listener) =>
        parentPort.on('message', (event) => listener(event.data as Parameters<typeof listener>[0]))
    }
  }
  if (send) {
    return {
      postMessage: (message, sent) =>
        void (sent ? send.call(side, message, () => sent()) : send.call(side, message)),
      on: (_event, listener) =>
        side.on('message', (message) => listener(message as Parameters<typeof listener>[0]))
    }
  }
  throw new Error('index-worker.js runs as a child process of Dossier only')
}

/**
 * What main started the worker with: its last command-line argument, as JSON.
 * @throws when it is missing or not a worker's data.
 */
export function workerDataFrom(argv: readonly string[]): IndexWorkerData {
  let data: unknown
  try {
    data = JSON.parse(argv[argv.length - 1] ?? '')
  } catch {
    data = null
  }
  const candidate = data as Partial<IndexWorkerData> | null
  if (typeof candidate?.resourcesDir !== 'string')
    throw new Error('index-worker.js needs its data as JSON in its last argument')
  return { resourcesDir: candidate.resourcesDir, ...(candidate.rebuild ? { rebuild: true } : {}) }
}
