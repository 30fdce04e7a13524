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
import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { backupName, listBackups } from './backups'
import { keepPrevious, writeDurably } from './durable-write'
import { appendToJournal, truncateJournal } from './journal'
import { pathsOf, recoverState } from './recover-state'
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

    const recovered = await recoverState(paths, format, settings.log, settings.now())
    if (recovered.notice) settings.log(`[dossier] ${recovered.notice}`)
    const file = new JournaledFile(
      dataDir,
      format,
      recovered.state,
      recovered.generation,
      recovered.stored,
      recovered.notice,
      settings
    )
    file.journalBytes = recovered.journalBytes
    file.liveGeneration = recovered.liveGeneration
    return recovered.persist ? file.persistedIfChanged(true) : file
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
      // If it cannot be taken back, the next batch backs up first, which empties the journal
      // (a line left would repeat the next one's number and end any replay there).
      if (journalBefore !== null)
        await truncateJournal(paths.journal, journalBefore).then(
          () => (this.journalBytes = journalBefore),
          () => (this.journalBytes = Infinity)
        )
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
