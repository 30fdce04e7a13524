/**
 * Ways to start the extraction process: a forked Node child (the preview, the bench, the CLI)
 * or, in tests, the same code in the calling thread. The Electron app's utility process is in
 * utility-extractor.ts, which only index.ts imports.
 */
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import {
  EXTRACTOR_EXEC_ARGV,
  type ExtractorHandle,
  type FromExtractor,
  type StartExtractor
} from './extraction-protocol'
import { answer } from './serve-extraction'

/**
 * A forked Node child. Unlike the index worker it keeps normal priority: an import is work the
 * user is waiting for, and main stays responsive because the work is in another process.
 */
export function forkExtractor(script: string): StartExtractor {
  return () => {
    const child = fork(script, [], {
      serialization: 'advanced',
      execArgv: EXTRACTOR_EXEC_ARGV,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    return {
      postMessage: (message) => {
        if (child.connected) child.send(message)
      },
      on: ((event: string, listener: (value: never) => void) => {
        if (event === 'exit')
          child.on('exit', (code, signal) => listener((code ?? String(signal)) as never))
        else child.on(event, (value: unknown) => listener(value as never))
      }) as ExtractorHandle['on'],
      terminate: () => child.kill('SIGKILL')
    }
  }
}

/**
 * The extraction in the calling thread, answered on a later turn as a process would. No budget
 * can stop it: tests only, which cannot start a child from TypeScript sources.
 */
export const inProcessExtractor: StartExtractor = () => {
  const events = new EventEmitter()
  let alive = true
  return {
    postMessage: (message) =>
      setImmediate(() => {
        if (alive) events.emit('message', answer(message) satisfies FromExtractor)
      }),
    on: ((event: string, listener: (...args: never[]) => void) =>
      events.on(event, listener as (...args: unknown[]) => void)) as ExtractorHandle['on'],
    terminate: () => {
      alive = false
      events.emit('exit', 'SIGKILL')
    }
  }
}
