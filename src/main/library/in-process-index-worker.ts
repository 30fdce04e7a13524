/**
 * The index worker run in the calling thread over a MessageChannel: same messages, same
 * structured cloning, no separate bundle. Tests use it (they run TypeScript sources, which a
 * child process cannot load); the app always uses the real child process.
 */
import { EventEmitter } from 'node:events'
import { MessageChannel } from 'node:worker_threads'
import type {
  FromIndexWorker,
  IndexWorkerData,
  IndexWorkerHandle,
  IndexWorkerPort
} from './index-worker-protocol'
import { serveIndex } from './serve-index'

export function startInProcessIndexWorker(data: IndexWorkerData): IndexWorkerHandle {
  const { port1, port2 } = new MessageChannel()
  const events = new EventEmitter()
  // Like a worker's own port, these must not keep a finished test run alive.
  port1.unref()
  port2.unref()
  port1.on('message', (message: FromIndexWorker) => events.emit('message', message))
  const port: IndexWorkerPort = {
    postMessage: (message, sent) => {
      port2.postMessage(message)
      sent?.()
    },
    on: (_event, listener) => port2.on('message', listener)
  }
  void serveIndex(port, data)
  return {
    postMessage: (message) => port1.postMessage(message),
    on: ((event: string, listener: (...args: never[]) => void) =>
      events.on(event, listener as (...args: unknown[]) => void)) as IndexWorkerHandle['on'],
    terminate: () => {
      port1.close()
      port2.close()
    }
  }
}
