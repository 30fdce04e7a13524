/**
 * The user's highlights and notes, in `notes.json` in the data directory; this is its only
 * writer (a second app instance focuses the first instead of starting). See docs/notes.md.
 *
 * The file is a journaled file (src/main/storage/journaled-file.ts): every change is in the
 * journal and the live file, fsynced, before its promise resolves; the previous generation,
 * the journal and rotating backups let a damaged file cost at most the last change; a failed
 * write rejects its whole batch and leaves the notes as they were on disk. This module adds
 * what notes mean: creating, editing, deleting, restoring and importing them.
 */
import type { Annotation, ImportReport, NotesStatus } from '@shared/model/annotation'
import { NotFoundError } from '../ipc/dispatcher'
import { JournaledFile, type JournaledFileOptions } from '../storage/journaled-file'
import { notesFormat } from './notes-format'

export { writeDurably } from '../storage/durable-write'
export { KEEP_BACKUPS, BACKUP_INTERVAL_MS } from '../storage/journaled-file'

/** The notes file, in the data directory. */
export const NOTES_FILE = notesFormat.file
/** The folder of rotating backups, in the data directory. */
export const BACKUP_DIR = 'notes-backups'

export type NotesStoreOptions = JournaledFileOptions

export class NotesStore {
  private constructor(private readonly file: JournaledFile<Map<string, Annotation>>) {}

  /** Opens the store, recovering the newest consistent notes (see journaled-file.ts). */
  static async open(dataDir: string, options: NotesStoreOptions = {}): Promise<NotesStore> {
    return new NotesStore(await JournaledFile.open(dataDir, notesFormat, options))
  }

  private get annotations(): Map<string, Annotation> {
    return this.file.state
  }

  /** What to tell the user about loading (kept for the session), and how many notes there are. */
  status(): NotesStatus {
    return { notice: this.file.notice, count: this.annotations.size }
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
  idle(): Promise<void> {
    return this.file.idle()
  }

  private change<T>(apply: (annotations: Map<string, Annotation>) => T): Promise<T> {
    return this.file.change(apply)
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
