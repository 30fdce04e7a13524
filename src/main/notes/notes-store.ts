/**
 * The user's highlights and notes, in `notes.json` in the data directory; this is its only
 * writer (a second app instance focuses the first instead of starting). See docs/notes.md.
 *
 * - Every change is written atomically (temporary file, fsync, rename, then an fsync of the
 *   folder so the rename itself is durable), and its promise resolves only once it is on disk.
 *   Changes are queued and applied one batch at a time, in order.
 * - A write that fails rejects every change of its batch and leaves the notes as they were
 *   on disk, so the UI keeps what was typed.
 * - Before the first write of a session, and then at most every `backupIntervalMs`, the last
 *   state on disk is copied into `notes-backups/`; the newest `KEEP_BACKUPS` are kept.
 * - A file of an older format version is migrated on reading; the original is kept as
 *   `notes-backups/notes-v<version>.json`.
 * - A file that cannot be read at start-up is moved aside (kept, never deleted), the newest
 *   backup that reads is loaded, and `status().notice` tells the user what happened.
 */
import { constants } from 'node:fs'
import { copyFile, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { Annotation, ImportReport, NotesStatus } from '@shared/model/annotation'
import { NotFoundError } from '../ipc/dispatcher'
import {
  NOTES_VERSION,
  NotesFileError,
  parseNotes,
  serialiseNotes,
  type ReadNotes
} from './notes-format'

/** The notes file, in the data directory. */
export const NOTES_FILE = 'notes.json'
/** The folder of rotating backups, in the data directory. */
export const BACKUP_DIR = 'notes-backups'
/** Three backups span the last three sessions with changes, or the last half hour of one. */
export const KEEP_BACKUPS = 3
/**
 * Backups are taken at most this often during a session: often enough that a damaged file
 * costs at most a few minutes of notes, rarely enough that a burst of edits does not rotate
 * the older, more different backups away.
 */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000
/** Temporary files older than this, left by a write the process did not live to finish, are removed. */
const STALE_TEMP_MS = 60 * 1000

/** Collaborators a test replaces: logging, the durable write, the clock, the backup interval. */
export interface NotesStoreOptions {
  log?: (message: string) => void
  /** Writes a file durably. Default: write-file-atomic, then an fsync of its folder. */
  writeFile?: (path: string, content: string) => Promise<void>
  now?: () => Date
  backupIntervalMs?: number
}

interface PendingChange {
  /** Applies the change to the working copy, answering its result; throws to refuse it. */
  apply: (annotations: Map<string, Annotation>) => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export class NotesStore {
  private pending: PendingChange[] = []
  private flushing: Promise<void> | null = null
  /** When the newest backup was taken; null: none yet this session. */
  private lastBackup: number | null = null
  /** Whether `notes.json` holds the current state (false before the first write of an empty store). */
  private onDisk: boolean

  private constructor(
    private readonly path: string,
    private annotations: Map<string, Annotation>,
    private readonly notice: string | null,
    onDisk: boolean,
    private readonly options: Required<NotesStoreOptions>
  ) {
    this.onDisk = onDisk
  }

  /** Opens the store, recovering from a missing, damaged or unreadable file (see the top). */
  static async open(dataDir: string, options: NotesStoreOptions = {}): Promise<NotesStore> {
    const settings: Required<NotesStoreOptions> = {
      log: options.log ?? (() => {}),
      writeFile: options.writeFile ?? writeDurably,
      now: options.now ?? (() => new Date()),
      backupIntervalMs: options.backupIntervalMs ?? BACKUP_INTERVAL_MS
    }
    const path = join(dataDir, NOTES_FILE)
    await mkdir(join(dataDir, BACKUP_DIR), { recursive: true })
    await removeStaleTemporaryFiles(dataDir, settings.now())

    const make = (annotations: Annotation[], notice: string | null, onDisk: boolean) => {
      if (notice) settings.log(`[dossier] ${notice}`)
      return new NotesStore(
        path,
        new Map(annotations.map((a) => [a.id, a])),
        notice,
        onDisk,
        settings
      )
    }

    const found = await readNotesFile(path)
    if (found.state === 'read') {
      const { annotations, invalid, version } = found.notes
      // An older version is migrated on reading and written in the current one at the next
      // change; the file as it was is kept once, for an older Dossier (outside the rotation).
      if (version < NOTES_VERSION) {
        const original = join(dataDir, BACKUP_DIR, `notes-v${version}.json`)
        await copyFile(path, original, constants.COPYFILE_EXCL).catch(() => {})
      }
      if (invalid === 0) return make(annotations, null, true)
      // Keep the file as it was, so the notes that could not be read are not lost by the
      // next write; load the rest.
      const aside = await keepAside(path, settings.now(), 'copy').catch(() => null)
      const kept = aside
        ? `the file as it was is kept as ${aside}`
        : 'the file could not be copied aside'
      return make(
        annotations,
        `${plural(invalid, 'note')} in your notes file could not be read and ${invalid === 1 ? 'was' : 'were'} left out; ${kept}.`,
        true
      )
    }
    const backups = await listBackups(dataDir)
    if (found.state === 'missing' && backups.length === 0) return make([], null, false)

    // Unreadable (or gone while backups remain): set it aside, then load the newest backup
    // that reads.
    const problem = found.state === 'missing' ? 'the file is missing' : found.problem
    let kept = ''
    let movedAside = found.state === 'missing'
    if (found.state === 'unreadable') {
      const aside = await keepAside(path, settings.now()).catch(() => null)
      movedAside = aside !== null
      kept = aside ? ` It is kept as ${aside}.` : ' It is left where it is.'
    }
    for (const backup of backups.reverse()) {
      let read: ReadNotes
      try {
        read = parseNotes(await readFile(join(dataDir, BACKUP_DIR, backup), 'utf8'))
      } catch {
        continue
      }
      const store = make(
        read.annotations,
        `Your notes file could not be read (${problem}).${kept} Your notes were restored from the backup of ${backupDate(backup)} (${plural(read.annotations.length, 'note')}); notes changed since then are not in it.`,
        false
      )
      // Put the recovered notes back in place at once, so the next start finds a good file;
      // never over a damaged file that could not be set aside.
      if (!movedAside) return store
      await store
        .persist()
        .catch((error: unknown) =>
          settings.log(`[dossier] Could not write the recovered notes: ${String(error)}`)
        )
      return store
    }
    return make(
      [],
      `Your notes file could not be read (${problem}) and no backup could be read either.${kept} Dossier starts with no notes.`,
      false
    )
  }

  /** What to tell the user about loading (kept for the session), and how many notes there are. */
  status(): NotesStatus {
    return { notice: this.notice, count: this.annotations.size }
  }

  /** Every annotation, or one article's, in the order they were made. */
  list(articleId?: string): Annotation[] {
    const all = [...this.annotations.values()]
    return structuredClone(articleId ? all.filter((a) => a.articleId === articleId) : all)
  }

  /**
   * The stored annotations themselves, without copying, for reading many at once (search).
   * They are replaced on every change, never modified, and must not be modified by the caller.
   */
  snapshot(): readonly Readonly<Annotation>[] {
    return [...this.annotations.values()]
  }

  /** One annotation (a copy), or undefined. */
  get(id: string): Annotation | undefined {
    const found = this.annotations.get(id)
    return found && structuredClone(found)
  }

  /** Adds a new annotation; resolves once it is on disk. */
  create(annotation: Annotation): Promise<Annotation> {
    return this.change((all) => {
      if (all.has(annotation.id)) throw new Error(`An annotation with id ${annotation.id} exists`)
      all.set(annotation.id, structuredClone(annotation))
      return structuredClone(annotation)
    })
  }

  /**
   * Replaces an annotation with `edit(current)` (computed when its turn in the queue comes).
   * @throws NotFoundError (through the promise) when there is no such annotation.
   */
  update(id: string, edit: (current: Annotation) => Annotation): Promise<Annotation> {
    return this.change((all) => {
      const current = all.get(id)
      if (!current) throw new NotFoundError(`No note with id "${id}"`)
      const next = { ...edit(structuredClone(current)), id }
      all.set(id, next)
      return structuredClone(next)
    })
  }

  /** Removes an annotation, answering it as it was (for undo). */
  delete(id: string): Promise<Annotation> {
    return this.change((all) => {
      const current = all.get(id)
      if (!current) throw new NotFoundError(`No note with id "${id}"`)
      all.delete(id)
      return structuredClone(current)
    })
  }

  /** Puts an annotation back exactly as given (undo of a delete; repeating it is harmless). */
  restore(annotation: Annotation): Promise<Annotation> {
    return this.change((all) => {
      all.set(annotation.id, structuredClone(annotation))
      return structuredClone(annotation)
    })
  }

  /**
   * Adds imported annotations in one write: all or none. An id already stored with the same
   * content is counted unchanged; with different content, the more recently updated copy is
   * kept (a stored note edited since the export is not overwritten by the older file).
   */
  importAll(annotations: readonly Annotation[]): Promise<ImportReport> {
    return this.change((all) => {
      let imported = 0
      let unchanged = 0
      for (const annotation of annotations) {
        const current = all.get(annotation.id)
        if (
          current &&
          (sameAnnotation(current, annotation) || current.updated >= annotation.updated)
        ) {
          unchanged++
          continue
        }
        all.set(annotation.id, structuredClone(annotation))
        imported++
      }
      return { imported, unchanged }
    })
  }

  /** Resolves once every change queued so far is settled (written or refused). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  private change<T>(apply: (annotations: Map<string, Annotation>) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply, resolve: resolve as (value: unknown) => void, reject })
      this.flushing ??= this.flush()
    })
  }

  /**
   * Writes the queued changes a batch at a time: each is applied to a working copy in order
   * (one that throws is refused alone), then the batch goes to disk in one write and is
   * acknowledged together, or not at all.
   */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      const next = new Map(this.annotations)
      const applied: { change: PendingChange; value: unknown }[] = []
      for (const change of batch) {
        try {
          applied.push({ change, value: change.apply(next) })
        } catch (error) {
          change.reject(error)
        }
      }
      if (applied.length === 0) continue
      try {
        await this.backUpIfDue()
        await this.options.writeFile(this.path, serialiseNotes(next.values()))
        this.annotations = next
        this.onDisk = true
        for (const { change, value } of applied) change.resolve(value)
      } catch (error) {
        for (const { change } of applied) change.reject(error)
      }
    }
    this.flushing = null
  }

  /** Writes the current state (after recovering from a backup). */
  private persist(): Promise<void> {
    return this.change(() => undefined)
  }

  /** Copies the last state on disk into a new backup when one is due, pruning the oldest. */
  private async backUpIfDue(): Promise<void> {
    if (!this.onDisk) return
    const now = this.options.now().getTime()
    if (this.lastBackup !== null && now - this.lastBackup < this.options.backupIntervalMs) return
    // Names sort by time; two backups in one millisecond get consecutive ones.
    const time = this.lastBackup !== null && now <= this.lastBackup ? this.lastBackup + 1 : now
    const dir = join(dirname(this.path), BACKUP_DIR)
    try {
      await this.options.writeFile(
        join(dir, backupName(time)),
        serialiseNotes(this.annotations.values())
      )
      this.lastBackup = time
      const backups = await listBackups(dirname(this.path))
      for (const old of backups.slice(0, Math.max(0, backups.length - KEEP_BACKUPS)))
        await unlink(join(dir, old)).catch(() => {})
    } catch (error) {
      // The notes themselves still get written (or that write reports its own failure).
      this.options.log(`[dossier] Could not back up the notes: ${String(error)}`)
    }
  }
}

/** write-file-atomic (temp file, fsync, rename), then an fsync of the folder for the rename. */
export async function writeDurably(path: string, content: string): Promise<void> {
  await writeFileAtomic(path, content)
  let folder
  try {
    folder = await open(dirname(path), 'r')
    await folder.sync()
  } catch {
    // Not every platform can open or sync a folder (Windows cannot); the file itself is synced.
  } finally {
    await folder?.close()
  }
}

const BACKUP_PATTERN = /^notes-(\d{8}T\d{9}Z)\.json$/

function backupName(time: number): string {
  return `notes-${new Date(time).toISOString().replace(/[-:.]/g, '')}.json`
}

function backupDate(name: string): string {
  const stamp = BACKUP_PATTERN.exec(name)?.[1] ?? ''
  const iso = stamp.replace(
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/,
    '$1-$2-$3T$4:$5:$6.$7Z'
  )
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? name : date.toUTCString()
}

/** Backup file names, oldest first. */
async function listBackups(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, BACKUP_DIR)).catch(() => [] as string[])
  return names.filter((name) => BACKUP_PATTERN.test(name)).sort()
}

/** Moves (or copies) the notes file to `notes.json.damaged-<time>`; answers that name. */
async function keepAside(path: string, now: Date, how: 'move' | 'copy' = 'move'): Promise<string> {
  const aside = `${path}.damaged-${now.getTime()}`
  if (how === 'move') await rename(path, aside)
  else await copyFile(path, aside)
  return aside
}

/** write-file-atomic names its temporary files `notes.json.<number>`. */
async function removeStaleTemporaryFiles(dataDir: string, now: Date): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[])
  for (const name of names) {
    if (!/^notes\.json\.\d+$/.test(name)) continue
    const path = join(dataDir, name)
    const info = await stat(path).catch(() => null)
    if (info && now.getTime() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => {})
  }
}

type FileState =
  | { state: 'read'; notes: ReadNotes }
  | { state: 'missing' }
  | { state: 'unreadable'; problem: string }

async function readNotesFile(path: string): Promise<FileState> {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { state: 'missing' }
    if (code === 'EACCES' || code === 'EPERM')
      return { state: 'unreadable', problem: 'Dossier is not allowed to read it' }
    if (code === 'EISDIR') return { state: 'unreadable', problem: 'it is a folder, not a file' }
    return { state: 'unreadable', problem: `it could not be read: ${(error as Error).message}` }
  }
  try {
    return { state: 'read', notes: parseNotes(raw) }
  } catch (error) {
    if (error instanceof NotesFileError) return { state: 'unreadable', problem: error.message }
    throw error
  }
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(serialisable(a)) === JSON.stringify(serialisable(b))
}

/** Fields in one order, so equal annotations serialise equally whatever their key order. */
function serialisable(a: Annotation): unknown[] {
  const t = a.target
  const target = t && [
    t.position.start,
    t.position.end,
    t.quote.exact,
    t.quote.prefix,
    t.quote.suffix
  ]
  return [a.id, a.articleId, a.kind, target, a.color, a.note, a.tags, a.created, a.updated]
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
