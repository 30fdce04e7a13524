/**
 * The extraction process as an Electron utility process: what the desktop app runs (only
 * index.ts imports this file). Sandboxed by its own heap limit and by having no window, no
 * Electron API and nothing but the bytes it is sent.
 */
import { utilityProcess } from 'electron'
import {
  EXTRACTOR_EXEC_ARGV,
  type ExtractorHandle,
  type StartExtractor
} from './extraction-protocol'

export const EXTRACTOR_NAME = 'Dossier article import'

export function utilityExtractor(script: string): StartExtractor {
  return () => {
    const child = utilityProcess.fork(script, [], {
      serviceName: EXTRACTOR_NAME,
      execArgv: EXTRACTOR_EXEC_ARGV,
      stdio: 'inherit'
    })
    return {
      postMessage: (message) => child.postMessage(message),
      on: ((event: string, listener: (value: never) => void) => {
        if (event === 'exit') child.on('exit', (code) => listener(code as never))
        else if (event === 'message') child.on('message', (message) => listener(message as never))
      }) as ExtractorHandle['on'],
      terminate: () => child.kill()
    }
  }
}
