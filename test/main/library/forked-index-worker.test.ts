import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { forkIndexWorker } from '../../../src/main/library/forked-index-worker'
import { IndexWorkerClient } from '../../../src/main/library/index-worker-client'
import type { IndexWorkerHandle } from '../../../src/main/library/index-worker-protocol'
import { WORKER_NICE } from '../../../src/main/library/lower-priority'

const root = join(__dirname, '../../..')
let script = ''

// A child process cannot run TypeScript sources: build the real worker entry once, as
// electron-vite builds it (one CommonJS file, dependencies bundled), into a temporary folder.
beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'dossier-worker-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@shared': join(root, 'src/shared') } },
    build: {
      ssr: true,
      outDir,
      target: 'node20',
      rollupOptions: {
        input: { 'index-worker': join(root, 'src/main/library/index-worker.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    },
    ssr: { noExternal: true }
  })
  script = join(outDir, 'index-worker.js')
}, 60_000)

const clients: IndexWorkerClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
})

async function library(): Promise<string> {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(root, 'test/fixtures/library'), join(resourcesDir, 'articles'), { recursive: true })
  return resourcesDir
}

/** The child processes of this process, with their nice value per thread (Linux's /proc). */
async function childThreadsNice(): Promise<number[][]> {
  const children: number[][] = []
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const fields = (pid: string, task: string) =>
      readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').then((stat) =>
        // After the command name in parentheses: state, ppid (index 1), …, nice (index 16).
        stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      )
    try {
      if (Number((await fields(pid, pid))[1]) !== process.pid) continue
      const tasks = await readdir(`/proc/${pid}/task`)
      children.push(
        await Promise.all(tasks.map(async (task) => Number((await fields(pid, task))[16])))
      )
    } catch {
      // The process ended while we looked.
    }
  }
  return children
}

describe('the index worker as a forked Node process', () => {
  it('parses the library, sends it over, and answers searches once its index is ready', async () => {
    const logs: string[] = []
    const client = new IndexWorkerClient(forkIndexWorker(script), await library(), (m) =>
      logs.push(m)
    )
    clients.push(client)
    const listed = await client.list()
    expect(listed?.summaries.map((a) => a.id).sort()).toEqual([
      'garden-notes',
      'harbour-strike',
      'summit-diary'
    ])
    expect(await client.settled()).toMatchObject({ state: 'ready', articles: 3 })
    expect(client.origin).toBe('rebuilt')
    expect(logs.some((m) => m.includes('library-index.bin'))).toBe(true)
    const response = await client.search('tomatoes')
    expect(response.results.map((r) => r.articleId)).toEqual(['garden-notes'])
    expect(await client.matches('garden-notes', 'tomatoes')).not.toEqual([])
  })

  it.runIf(process.platform === 'linux')(
    'runs below normal priority, every thread of it',
    async () => {
      const client = new IndexWorkerClient(forkIndexWorker(script), await library(), () => {})
      clients.push(client)
      await client.settled()
      const children = await childThreadsNice()
      expect(children).toHaveLength(1)
      expect(new Set(children[0])).toEqual(new Set([WORKER_NICE]))
    }
  )

  it('reports how it ended when it is stopped', async () => {
    const worker: IndexWorkerHandle = forkIndexWorker(script)({ resourcesDir: await library() })
    const ended = new Promise((resolve) => worker.on('exit', resolve))
    worker.terminate()
    expect(await ended).toBe('SIGTERM')
  })

  it('is replaced once by a rebuilding worker when it dies, then search fails', async () => {
    // A worker that dies before its first message, the way a crash at start-up looks to main.
    const dying = join(await mkdtemp(join(tmpdir(), 'dossier-worker-')), 'dying-worker.js')
    await writeFile(dying, 'process.exit(3)\n')
    const logs: string[] = []
    const client = new IndexWorkerClient(forkIndexWorker(dying), await library(), (m) =>
      logs.push(m)
    )
    clients.push(client)
    const status = await client.settled()
    expect(status).toMatchObject({ state: 'failed', message: expect.stringMatching(/exit code 3/) })
    expect(logs.filter((m) => /exit code 3/.test(m))).toHaveLength(2)
    expect(await client.list()).toBeNull()
  })
})
