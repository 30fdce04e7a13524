/**
 * The crash test's child process: opens the real notes store in a data folder and writes notes
 * as fast as it can, a few at a time, printing `ack <id>` for each once its write has resolved.
 * The test kills it with SIGKILL at a random moment. Bundled by crash.test.ts (Node cannot run
 * the TypeScript sources, and the store must be exactly the module the app ships).
 */
import { randomUUID } from 'node:crypto'
import { NotesStore } from '../../../src/main/notes/notes-store'

const [dataDir, countArg = '300', lanesArg = '4'] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: crash-writer <data dir> [count] [lanes]')

// On Linux, writes to a pipe are synchronous: a printed ack has left the process before the
// next write starts, so the test never misses one the store acknowledged.
const say = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const store = await NotesStore.open(dataDir!)
  say(`ready ${store.status().count}`)
  let next = 0
  const count = Number(countArg)
  const lane = async () => {
    while (next < count) {
      const n = next++
      const stamp = new Date().toISOString()
      const id = randomUUID()
      await store.create({
        id,
        articleId: 'crash-test',
        kind: 'article-note',
        target: null,
        color: 'yellow',
        // Sizes vary so writes take different times and kills land at different stages.
        note: `Note ${n}: ${'lorem ipsum '.repeat(1 + ((n * 37) % 60))}`,
        tags: [`run-note-${n}`],
        created: stamp,
        updated: stamp
      })
      say(`ack ${id}`)
    }
  }
  await Promise.all(Array.from({ length: Number(lanesArg) }, lane))
  say('done')
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
