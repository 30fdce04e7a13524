/**
 * The extraction process's work, apart from the process: each message is one file, answered
 * in order. import-worker.ts runs it in a child process; tests run it in their own thread.
 */
import { decodeBytes } from '@shared/import/decode'
import type { ExtractorPort, ToExtractor, FromExtractor } from './extraction-protocol'
import { pageText } from './extract-html'
import { runPipeline } from './import-pipeline'

export function answer(message: ToExtractor): FromExtractor {
  try {
    if (message.type === 'import') {
      const { type: _type, id, ...input } = message
      return { type: 'import', id, result: runPipeline(input) }
    }
    const decoded = decodeBytes(message.bytes, true)
    return { type: 'page-text', id: message.id, blocks: decoded.ok ? pageText(decoded.text) : [] }
  } catch (error) {
    return { type: 'error', id: message.id, message: (error as Error).message }
  }
}

export function serveExtraction(port: ExtractorPort): void {
  port.on('message', (message) => port.postMessage(answer(message)))
}
