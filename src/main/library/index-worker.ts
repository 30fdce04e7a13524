/**
 * Entry of the index worker (out/main/index-worker.js), a child process of main: an Electron
 * utility process in the app, a forked Node process in the browser preview and the bench.
 * Everything slow about search happens here, in a process of its own, so neither its CPU time
 * nor its large heap's garbage collection can stall main's event loop.
 */
import { parentChannel, workerDataFrom, type ChildProcessSide } from './index-worker-port'
import { readShippedFiles } from './read-checked'

const side = process as unknown as ChildProcessSide
const data = workerDataFrom(process.argv)
// The shipped files are read, each on a thread of its own, and the article files checked against
// the cache, from the first moment: loading the rest of the worker's code (Markdown, YAML,
// quotation rules, lunr) takes a few hundred milliseconds on a slow machine, and the reading goes
// on meanwhile. Messages from main wait in the port.
const reading = data.rebuild ? undefined : readShippedFiles(data.resourcesDir)
const port = parentChannel(side)
// A forked worker whose parent has gone has nobody left to answer (a utility process is ended
// by Electron itself).
if (!side.parentPort) process.on('disconnect', () => process.exit(0))
void import('./serve-index').then(({ serveIndex }) => serveIndex(port, data, reading))
