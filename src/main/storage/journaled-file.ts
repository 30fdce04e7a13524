/**
 * A user-data file kept so that damage costs at most the last acknowledged change (notes,
 * settings). Beside the live file `<name>` it keeps:
 *
 * - `<name>.prev`, the previous generation, taken (as a hard link) at every write;
 * - `<name>.journal`, one checksummed line per acknowledged batch of changes since the last
 *   backup, fsynced before the batch is acknowledged;
 * - `<stem>-backups/`, a copy of the whole state before the first write of a session, then at
 *   most every `backupIntervalMs` (or when the journal grows past `JOURNAL_LIMIT`); the newest
 *   `keepBackups` are kept, and the journal restarts after each.
 *
 * Every file is written sealed (a checksum of its own text) and atomically. Changes queue and
 * go to disk a batch at a time: journal line, then the live file; each change's promise
 * resolves once both are on disk, or rejects with its batch. At start-up the newest consistent
 * state is loaded (recovery.ts) and, when that was not the live file, the user is told in plain
 * words what was restored and from where. See docs/notes.md, "Durability".
 */
import { constants } from 'node:fs'
import { copyFile, link, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { backupDate, backupName, listBackups } from './backups'
import { appendToJournal, readJournal, truncateJournal } from './journal'
import { readStoredFile, replayJournal, type Found, type Replayed } from './recovery'
import { writeDurably } from './durable-write'
import { seal } from './sealed-file'
import type { StoredFormat } from './stored-format'

/** Three backups span the last three sessions with changes, or the last half hour of one. */
export const KEEP_BACKUPS = 3
/** Often enough to bound the journal, rarely enough that a burst keeps older backups. */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000
/** A journal this long is folded into a backup early, so recovery replays little. */
export const JOURNAL_LIMIT = 4 * 1024 * 1024
/** Temporary files older than this, left by a write the process did not live to finish, go. */
const STALE_TEMP_MS = 60 * 1000

/** Collaborators a test replaces: logging, the durable write, the clock, the backup policy. */
export interface JournaledFileOptions {
  log?: (message: string) => void
  /** Writes a file durably. Default: write-file-atomic, then an fsync of its folder. */
  writeFile?: (path: string, content: string) => Promise<void>
  now?: () => Date
  backupIntervalMs?: number
  keepBackups?: number
}

interface PendingChange<T> {
  /** Applies the change to the batch's working copy, answering its result; throws to refuse. */
  apply: (draft: T) => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export class JournaledFile<T> {
  private pending: PendingChange<T>[] = []
  private flushing: Promise<void> | null = null
  /** When the newest backup was taken; null: none yet this session. */
  private lastBackup: number | null = null
  private journalBytes = 0
  /** The generation the live file holds (-1: none readable); behind after a replay. */
  private liveGeneration = -1
  /** Whether the next batch writes the file even if it changes nothing (after a recovery). */
  private rewrite = false

  private constructor(
    private readonly dataDir: string,
    private readonly format: StoredFormat<T>,
    private current: T,
    private generation: number,
    /** Whether anything durable holds the current state (false for a new, empty store). */
    private stored: boolean,
    /** What to tell the user about loading, kept for the session. */
    readonly notice: string | null,
    private readonly options: Required<JournaledFileOptions>
  ) {}

  /** Opens the file, recovering the newest consistent state (see the top). */
  static async open<T>(
    dataDir: string,
    format: StoredFormat<T>,
    options: JournaledFileOptions = {}
  ): Promise<JournaledFile<T>> {
    const settings: Required<JournaledFileOptions> = {
      log: options.log ?? (() => {}),
      writeFile: options.writeFile ?? writeDurably,
      now: options.now ?? (() => new Date()),
      backupIntervalMs: options.backupIntervalMs ?? BACKUP_INTERVAL_MS,
      keepBackups: options.keepBackups ?? KEEP_BACKUPS
    }
    const paths = pathsOf(dataDir, format)
    await mkdir(paths.backups, { recursive: true })
    await removeStaleTemporaryFiles(dataDir, format.file, settings.now())

    const { entries: journal, intactBytes, bytes } = await readJournal(paths.journal)
    // A line cut short by a crash is cut off, so the next one follows the intact ones.
    if (intactBytes < bytes) await truncateJournal(paths.journal, intactBytes)
    const newest = journal.at(-1)?.seq ?? 0
    const live = await readStoredFile(paths.live, format)
    const make = (found: Replayed<T>, stored: boolean, notice: string | null) => {
      if (notice) settings.log(`[dossier] ${notice}`)
      const file = new JournaledFile(
        dataDir,
        format,
        found.state,
        found.generation,
        stored,
        notice,
        settings
      )
      file.journalBytes = intactBytes
      file.liveGeneration = live.state === 'read' ? live.file.generation : -1
      return file
    }

    if (live.state === 'read') {
      const { file } = live
      const onLive = replayJournal(file, journal, format)
      if (file.version < format.version) {
        // Migrated on reading; the file as it was is kept once, for an older Dossier.
        const original = join(paths.backups, `${paths.stem}-v${file.version}.json`)
        await copyFile(paths.live, original, constants.COPYFILE_EXCL).catch(() => {})
      }
      if (onLive.replayed > 0)
        settings.log(
          `[dossier] ${format.file}: replayed ${plural(onLive.replayed, 'change')} from the journal`
        )
      if (file.invalid > 0) {
        // Keep the file as it was, so what could not be read is not lost by the next write.
        const aside = await keepAside(paths.live, settings.now(), 'copy').catch(() => null)
        const kept = aside
          ? `the file as it was is kept as ${aside}`
          : 'it could not be copied aside'
        return make(
          onLive,
          true,
          `${plural(file.invalid, format.entry)} in ${format.file} could not be read and ${file.invalid === 1 ? 'was' : 'were'} left out; ${kept}.`
        )
      }
      if (onLive.generation >= newest) return make(onLive, true, null)
    }

    // The live file is damaged, missing or behind the journal: try each older base in turn.
    const backups = (await listBackups(paths.backups, paths.stem)).reverse()
    const bases: { from: string; found: () => Promise<Found<T>> }[] = [
      ...(live.state === 'read' ? [{ from: 'live', found: async () => live }] : []),
      { from: 'the previous copy', found: () => readStoredFile(paths.prev, format) },
      ...backups.map((name) => ({
        from: `the backup of ${backupDate(paths.stem, name)}`,
        found: () => readStoredFile(join(paths.backups, name), format)
      }))
    ]
    // Every base is tried (this is the rare path): a backup with the journal after it can be
    // newer than the previous copy.
    let best: (Replayed<T> & { from: string; saved: string | null }) | null = null
    for (const base of bases) {
      const found = await base.found()
      if (found.state !== 'read') continue
      const result = replayJournal(found.file, journal, format)
      if (!best || result.generation > best.generation)
        best = { ...result, from: base.from, saved: found.file.saved }
    }
    // A journal that starts at the first change needs no base (a crash before any file).
    const fromNothing = replayJournal({ state: format.empty(), generation: 0 }, journal, format)
    if (fromNothing.replayed > 0 && (!best || fromNothing.generation > best.generation))
      best = { ...fromNothing, from: 'nothing', saved: null }

    if (live.state === 'missing' && (!best || best.from === 'nothing')) {
      // A new user, or a crash before the first file was written: nothing was lost.
      const start = best ?? { state: format.empty(), generation: 0, replayed: 0 }
      return make(start, start.replayed > 0, null).persistedIfChanged(start.replayed > 0)
    }
    if (live.state === 'read' && best?.from === 'live') return make(best, true, null) // behind the journal only where the journal is broken
    if (live.state === 'read' && best) {
      // Intact but older than the journal (a crash between a backup and the next write, or an
      // old copy put back): nothing is damaged or lost, so nothing to tell.
      settings.log(`[dossier] ${format.file} was behind its journal; restored from ${best.from}`)
      return make(best, true, null).persistedIfChanged(true)
    }

    const problem =
      live.state === 'missing'
        ? 'was missing'
        : `was damaged (${live.state === 'unreadable' ? live.problem : ''})`
    let kept = ''
    let movedAside = live.state === 'missing'
    if (live.state === 'unreadable') {
      const aside = await keepAside(paths.live, settings.now()).catch(() => null)
      movedAside = aside !== null
      kept = aside
        ? ` The damaged file was kept as ${aside}.`
        : ' The damaged file is left where it is.'
    }
    if (!best)
      return make(
        { state: format.empty(), generation: 0, replayed: 0 },
        false,
        `${format.file} ${problem} and nothing could be restored: no previous copy, backup or journal could be read. Dossier starts with ${format.describe(format.empty())}.${kept}`
      )
    const from =
      best.from === 'nothing'
        ? `restored ${format.describe(best.state)} from the journal`
        : `restored ${format.describe(best.state)} from ${best.from}${best.saved ? ` (saved ${new Date(best.saved).toUTCString()})` : ''}${best.replayed > 0 ? ` and ${plural(best.replayed, 'change')} from the journal` : ''}`
    const file = make(best, true, `${format.file} ${problem}; ${from}.${kept}`)
    // Put the recovered state back in place at once, so the next start finds a good file;
    // never over a damaged file that could not be set aside.
    return movedAside ? file.persistedIfChanged(true) : file
  }

  /** The state as last acknowledged. Replaced on every change, never modified: do not modify it. */
  get state(): T {
    return this.current
  }

  /**
   * Queues a change; `apply` edits the batch's working copy (`format.copy` of the state as it
   * is when its turn comes) and answers the change's result. Resolves once on disk.
   */
  change<R>(apply: (draft: T) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ apply, resolve: resolve as (value: unknown) => void, reject })
      this.flushing ??= this.flush()
    })
  }

  /** Resolves once every change queued so far is settled (written or refused). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /** After a recovery: writes the state in place (errors are logged; the journal holds it). */
  private async persistedIfChanged(changed: boolean): Promise<JournaledFile<T>> {
    if (!changed) return this
    this.rewrite = true
    await this.change(() => undefined).catch((error: unknown) =>
      this.options.log(
        `[dossier] Could not write the recovered ${this.format.file}: ${String(error)}`
      )
    )
    return this
  }

  /**
   * Writes the queued changes a batch at a time: each is applied to a working copy in order
   * (one that throws is refused alone); the batch's effect goes to the journal (fsynced), then
   * the whole state to the live file; all of the batch is acknowledged together, or none.
   */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      const draft = this.format.copy(this.current)
      const applied: { change: PendingChange<T>; value: unknown }[] = []
      for (const change of batch) {
        try {
          applied.push({ change, value: change.apply(draft) })
        } catch (error) {
          change.reject(error)
        }
      }
      if (applied.length === 0) continue
      try {
        await this.write(draft)
        for (const { change, value } of applied) change.resolve(value)
      } catch (error) {
        for (const { change } of applied) change.reject(error)
      }
    }
    this.flushing = null
  }

  private async write(next: T): Promise<void> {
    const paths = pathsOf(this.dataDir, this.format)
    const change = this.format.diff(this.current, next)
    // A batch that changed nothing (a repeated restore, the same setting) writes nothing.
    if (change === null && !this.rewrite) return
    await this.backUpIfDue()
    const generation = change === null ? this.generation : this.generation + 1
    const at = this.options.now().toISOString()
    let journalBefore: number | null = null
    if (change !== null) {
      const lengths = await appendToJournal(paths.journal, { seq: generation, at, change })
      journalBefore = lengths.before
      this.journalBytes = lengths.after
    }
    try {
      await keepPrevious(paths.live, paths.prev)
      await this.options.writeFile(
        paths.live,
        seal({ ...this.format.toFile(next), generation, saved: at })
      )
    } catch (error) {
      // Not acknowledged, so not to be replayed either.
      if (journalBefore !== null)
        await truncateJournal(paths.journal, journalBefore).catch(() => {})
      this.journalBytes = journalBefore ?? this.journalBytes
      throw error
    }
    this.current = next
    this.generation = generation
    this.liveGeneration = generation
    this.stored = true
    this.rewrite = false
  }

  /** Copies the state into a new backup when one is due, prunes the oldest, restarts the journal. */
  private async backUpIfDue(): Promise<void> {
    if (!this.stored) return
    const now = this.options.now().getTime()
    const due =
      this.lastBackup === null ||
      now - this.lastBackup >= this.options.backupIntervalMs ||
      this.journalBytes > JOURNAL_LIMIT
    if (!due) return
    // Names sort by time; two backups in one millisecond get consecutive ones.
    const time = this.lastBackup !== null && now <= this.lastBackup ? this.lastBackup + 1 : now
    const paths = pathsOf(this.dataDir, this.format)
    try {
      await this.options.writeFile(
        join(paths.backups, backupName(paths.stem, time)),
        seal({
          ...this.format.toFile(this.current),
          generation: this.generation,
          saved: new Date(now).toISOString()
        })
      )
      this.lastBackup = time
      // The backup holds every change so far: the journal starts again after it, unless the
      // live file is behind (just replayed), when only the journal links it to the backup.
      if (this.liveGeneration === this.generation) {
        await truncateJournal(paths.journal, 0)
        this.journalBytes = 0
      }
      const backups = await listBackups(paths.backups, paths.stem)
      for (const old of backups.slice(0, Math.max(0, backups.length - this.options.keepBackups)))
        await unlink(join(paths.backups, old)).catch(() => {})
    } catch (error) {
      // The change itself still gets written (or that write reports its own failure).
      this.options.log(`[dossier] Could not back up ${this.format.file}: ${String(error)}`)
    }
  }
}

function pathsOf(dataDir: string, format: StoredFormat<unknown>) {
  const live = join(dataDir, format.file)
  const stem = basename(format.file, '.json')
  return {
    live,
    prev: `${live}.prev`,
    journal: `${live}.journal`,
    stem,
    backups: join(dataDir, `${stem}-backups`)
  }
}

/** Makes `prev` the live file as it is now: a hard link (no copy), else a copy. */
async function keepPrevious(live: string, prev: string): Promise<void> {
  await unlink(prev).catch(ignore('ENOENT'))
  await link(live, prev).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return // no live file yet
    await copyFile(live, prev)
  })
}

const ignore = (code: string) => (error: NodeJS.ErrnoException) => {
  if (error.code !== code) throw error
}

/** Moves (or copies) the live file to `<name>.damaged-<time>`; answers that path. */
async function keepAside(path: string, now: Date, how: 'move' | 'copy' = 'move'): Promise<string> {
  const aside = `${path}.damaged-${now.getTime()}`
  if (how === 'move') await rename(path, aside)
  else await copyFile(path, aside)
  return aside
}

/** write-file-atomic names its temporary files `<name>.<number>`. */
async function removeStaleTemporaryFiles(dataDir: string, file: string, now: Date): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[])
  const temporary = new RegExp(`^${file.replace(/\./g, '\\.')}\\.\\d+$`)
  for (const name of names) {
    if (!temporary.test(name)) continue
    const path = join(dataDir, name)
    const info = await stat(path).catch(() => null)
    if (info && now.getTime() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => {})
  }
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}
