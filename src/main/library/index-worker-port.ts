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

type Listener = Parameters<IndexWorkerPort['on']>[1]

/**
 * The channel to the parent. Messages that come before anyone listens are kept and handed to the
 * listener once there is one: the worker listens only once its code is loaded (index-worker.ts),
 * and main may have written by then. One listener at a time.
 * @throws when the process has none (it was started some other way than by main).
 */
export function parentChannel(side: ChildProcessSide): IndexWorkerPort {
  const { parentPort, send } = side
  const waiting: unknown[] = []
  let listener: Listener | null = null
  const hear = (message: unknown): void => {
    if (listener) listener(message as Parameters<Listener>[0])
    else waiting.push(message)
  }
  const on: IndexWorkerPort['on'] = (_event, heard) => {
    listener = heard
    for (const message of waiting.splice(0)) heard(message as Parameters<Listener>[0])
  }
  if (parentPort) {
    parentPort.on('message', (event) => hear(event.data))
    return {
      postMessage: (message, sent) => {
        parentPort.postMessage(message)
        sent?.()
      },
      on
    }
  }
  if (send) {
    side.on('message', hear)
    return {
      postMessage: (message, sent) =>
        void (sent ? send.call(side, message, () => sent()) : send.call(side, message)),
      on
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
