import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotesStore } from '../../../src/main/notes/notes-store'

/**
 * A child process writes notes through the real store and is killed with SIGKILL at random
 * moments, again and again, on one data folder. After every kill the file must load as it is
 * (no recovery needed) and hold every note whose write the child saw acknowledged.
 */
const RUNS = 20
const NOTES_PER_RUN = 400
const LANES = 16
const root = resolve(__dirname, '../../..')
let bundleDir: string

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'dossier-crash-bundle-'))
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    resolve: { alias: { '@shared': join(root, 'src/shared') } },
    build: {
      ssr: join(__dirname, 'crash-writer.ts'),
      outDir: bundleDir,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'crash-writer.js' } }
    },
    ssr: { noExternal: true }
  })
}, 60_000)

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true })
})

interface Run {
  acknowledged: string[]
  /** Whether the kill came before the child had finished writing. */
  killedMidway: boolean
}

/** Runs the writer, kills it `afterMs` after it is ready, and answers what it acknowledged. */
function runWriter(dataDir: string, afterMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(bundleDir, 'crash-writer.js'), dataDir, String(NOTES_PER_RUN), String(LANES)],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let buffer = ''
    let stderr = ''
    const acknowledged: string[] = []
    let finished = false
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop()! // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        if (line.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs)
        else if (line.startsWith('ack ')) acknowledged.push(line.slice(4))
        else if (line === 'done') finished = true
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`writer failed: ${stderr}`))
      else done({ acknowledged, killedMidway: signal === 'SIGKILL' && !finished })
    })
  })
}

describe('notes survive SIGKILL', () => {
  it(`keep every acknowledged note through ${RUNS} kills at random moments`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-crash-'))
    const acknowledged: string[] = []
    let killedMidway = 0
    let lost = 0
    for (let run = 0; run < RUNS; run++) {
      // From just after start-up to well into the run: early kills land during the first
      // writes and backups, later ones on a file of hundreds of notes.
      const result = await runWriter(dataDir, Math.floor(Math.random() * 400))
      acknowledged.push(...result.acknowledged)
      if (result.killedMidway) killedMidway++

      const store = await NotesStore.open(dataDir)
      // The file always reads as it is: no recovery, nothing set aside.
      expect(store.status().notice).toBeNull()
      const missing = acknowledged.filter((id) => !store.get(id))
      lost += missing.length
      expect(missing).toEqual([])
    }
    expect((await readdir(dataDir)).filter((name) => name.includes('.damaged-'))).toEqual([])
    console.log(
      `[crash test] runs: ${RUNS}, killed mid-write: ${killedMidway}, acknowledged: ${acknowledged.length}, lost: ${lost}`
    )
    expect(killedMidway).toBeGreaterThan(RUNS / 2)
    expect(acknowledged.length).toBeGreaterThan(RUNS * 10)
  }, 60_000)
})
