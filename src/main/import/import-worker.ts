/**
 * Entry of the extraction process (out/main/import-worker.js): an Electron utility process in
 * the app, a forked Node process in the preview, the bench and `npm run import`.
 */
import { parentChannel, type ChildProcessSide } from '../library/index-worker-port'
import type { ExtractorPort } from './extraction-protocol'
import { serveExtraction } from './serve-extraction'

const side = process as unknown as ChildProcessSide
if (!side.parentPort) process.on('disconnect', () => process.exit(0))
// The same parent channel as the index worker's, carrying the extraction messages.
serveExtraction(parentChannel(side) as unknown as ExtractorPort)
