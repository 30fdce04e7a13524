/**
 * The crash and damage trials behind crash.test.ts (a few, in `npm test`) and `npm run soak`
 * (thousands): a child process writes notes through the real store and is killed with SIGKILL
 * at a random moment; a corruption trial then damages the live notes file at a random point.
 * After each trial the store opens the folder and every acknowledged note must be there.
 */
import { spawn } from 'node:child_process'
import { cp, mkdtemp, open, readdir, rm, stat, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { NOTES_FILE, NotesStore } from '../../../src/main/notes/notes-store'
import { seededRandom } from '../../../scripts/bench/corpus'

const root = resolve(__dirname, '../../..')
const NOTES_PER_RUN = 400
const LANES = 16
/** A folder starts afresh after this many runs, so the file stays the size of real use. */
const RUNS_PER_FOLDER = 10

/** Bundles crash-writer.ts with the real store (Node cannot run the sources); answers its folder. */
export async function bundleWriter(): Promise<string> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'dossier-crash-bundle-'))
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
  return bundleDir
}

interface Run {
  acknowledged: string[]
  /** Whether the kill came before the child had finished writing. */
  killedMidway: boolean
}

/** Runs the writer, kills it `afterMs` after it is ready, and answers what it acknowledged. */
function runWriter(bundleDir: string, dataDir: string, afterMs: number): Promise<Run> {
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

export type Corruption = 'truncated' | 'zeroed block' | 'garbage'
export const CORRUPTIONS: readonly Corruption[] = ['truncated', 'zeroed block', 'garbage']

/** Damages a file at a random point, as a disk error or a sync tool might. */
export async function corrupt(path: string, how: Corruption, random: () => number): Promise<void> {
  const { size } = await stat(path)
  // Cut at least the closing brace: a file short of only its last newline is still whole.
  if (how === 'truncated') return truncate(path, Math.floor(random() * (size - 1)))
  const at = Math.floor(random() * size)
  const length = Math.min(size - at, 1 + Math.floor(random() * 4096))
  const bytes = Buffer.alloc(length)
  if (how === 'garbage') for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256)
  const file = await open(path, 'r+')
  try {
    await file.write(bytes, 0, length, at)
  } finally {
    await file.close()
  }
}

export interface TrialFigures {
  trials: number
  acknowledged: number
  /** Acknowledged notes missing after the store reopened. */
  lost: number
  /** The most lost in one trial. */
  worstTrial: number
  /** Opens that recovered (a notice for the user). */
  recoveries: number
  /** Opens that recovered without damage, or found damage and said nothing. */
  wrongNotices: number
}

export interface Figures {
  /** `changes`: notes acknowledged by the writers, each counted once. */
  kills: TrialFigures & { killedMidway: number; changes: number }
  corruptions: TrialFigures & { byKind: Record<string, number> }
}

const emptyTrials = (): TrialFigures => ({
  trials: 0,
  acknowledged: 0,
  lost: 0,
  worstTrial: 0,
  recoveries: 0,
  wrongNotices: 0
})

/** Opens the store on `dataDir` and counts what of `known` it lost, and whether it said so. */
async function reopen(
  dataDir: string,
  known: readonly string[],
  damaged: boolean,
  into: TrialFigures
) {
  const store = await NotesStore.open(dataDir)
  const missing = known.filter((id) => !store.get(id)).length
  into.trials++
  into.acknowledged += known.length
  into.lost += missing
  into.worstTrial = Math.max(into.worstTrial, missing)
  const notice = store.status().notice
  if (notice) into.recoveries++
  if ((notice !== null) !== damaged) into.wrongNotices++
}

/**
 * `kills` runs of the writer, each killed at a random moment within `maxDelayMs` of start-up,
 * `parallel` at a time, each lane in a folder of its own that starts afresh every few runs.
 * After each kill the store must open the folder as it is; then `corruptionsPerKill` copies of
 * the folder have their live file damaged (a way and a point picked at random) and the store
 * must recover each. Figures count acknowledged notes over every trial.
 */
export async function runTrials(options: {
  bundleDir: string
  kills: number
  corruptions: number
  seed: number
  maxDelayMs?: number
  parallel?: number
  onProgress?: (kills: number) => void
}): Promise<Figures> {
  const random = seededRandom(options.seed)
  const figures: Figures = {
    kills: { ...emptyTrials(), killedMidway: 0, changes: 0 },
    corruptions: { ...emptyTrials(), byKind: {} }
  }
  let started = 0
  let corrupted = 0
  const lane = async (laneIndex: number) => {
    let dataDir = ''
    let runs = 0
    const known: string[] = []
    while (started < options.kills) {
      started++
      if (runs++ % RUNS_PER_FOLDER === 0) {
        if (dataDir) await rm(dataDir, { recursive: true, force: true })
        dataDir = await mkdtemp(join(tmpdir(), `dossier-crash-${laneIndex}-`))
        known.length = 0
      }
      const delay = Math.floor(random() * (options.maxDelayMs ?? 400))
      const run = await runWriter(options.bundleDir, dataDir, delay)
      known.push(...run.acknowledged)
      figures.kills.changes += run.acknowledged.length
      if (run.killedMidway) figures.kills.killedMidway++
      // Corruption trials spread evenly over the kills, on copies of the folder as the kill
      // left it; those a kill before the first write had no file for are made up later.
      const due = Math.round((started * options.corruptions) / options.kills) - corrupted
      const live = join(dataDir, NOTES_FILE)
      for (let i = 0; i < due && (await stat(live).catch(() => null)); i++) {
        corrupted++
        const copy = `${dataDir}-damaged`
        await cp(dataDir, copy, { recursive: true })
        const kind = CORRUPTIONS[Math.floor(random() * CORRUPTIONS.length)]!
        figures.corruptions.byKind[kind] = (figures.corruptions.byKind[kind] ?? 0) + 1
        await corrupt(join(copy, NOTES_FILE), kind, random)
        await reopen(copy, known, true, figures.corruptions)
        await rm(copy, { recursive: true, force: true })
      }
      await reopen(dataDir, known, false, figures.kills)
      options.onProgress?.(started)
    }
    if (dataDir) {
      // A kill never leaves a file set aside.
      const aside = (await readdir(dataDir)).filter((name) => name.includes('.damaged-'))
      figures.kills.wrongNotices += aside.length
      await rm(dataDir, { recursive: true, force: true })
    }
  }
  await Promise.all(Array.from({ length: options.parallel ?? 1 }, (_, i) => lane(i)))
  return figures
}

/** The figures as lines, for the test log and the soak report. */
export function describeFigures({ kills, corruptions }: Figures): string {
  const line = (name: string, f: TrialFigures) =>
    `${name}: ${f.trials} trials, ${f.acknowledged} acknowledged notes checked, ${f.lost} lost (worst trial ${f.worstTrial}), ${f.recoveries} recoveries, ${f.wrongNotices} wrong notices`
  const kinds = Object.entries(corruptions.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ')
  return [
    `[crash test] ${line('kills', kills)}; ${kills.killedMidway} killed mid-write; ${kills.changes} notes acknowledged in all`,
    `[crash test] ${line('corruptions', corruptions)}; ${kinds}`
  ].join('\n')
}
