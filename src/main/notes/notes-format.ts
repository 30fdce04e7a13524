/**
 * The notes file's format, its versions and the path from each old version to the current one,
 * and the journal's record of a batch of changes. Pure data work (no fs): the store reads and
 * writes through it (as a `StoredFormat`), and the tests feed it hand-made files of every
 * version. The format is documented with an example in docs/notes.md.
 *
 *   version 2 (current): { "format": "dossier-notes", "version": 2, "annotations": [...],
 *       "generation": n, "saved": ISO time, "checksum": SHA-256 } — the last three are the
 *       journaled file's envelope (src/main/storage), read and checked there
 *   version 1: the same without the envelope
 *       each annotation exactly as `Annotation` in shared/model/annotation.ts
 *   version 0 (the development draft, never released): a bare array of annotations with
 *       no `kind`, the selectors as a W3C-style list `target.selector: [...]`, tags optional,
 *       and only `created`
 */
import { z } from 'zod'
import type { Annotation } from '@shared/model/annotation'
import { annotationSchema } from '@shared/ipc/schemas'
import { DamagedFileError, parseJsonFile } from '../storage/damaged-file-error'
import type { StoredFormat } from '../storage/stored-format'

/** The `format` field: says the JSON is Dossier's notes, not some other file. */
export const NOTES_FORMAT = 'dossier-notes'
/** The version this Dossier writes; it reads every version up to it. */
export const NOTES_VERSION = 2

/** A notes file that cannot be read at all; the message says why in plain words. */
export class NotesFileError extends DamagedFileError {
  override name = 'NotesFileError'
}

/** What a file holds once read: the annotations that are valid, and how many were not. */
export interface ReadNotes {
  annotations: Annotation[]
  /** Annotations present but invalid (or repeating an id), left out. */
  invalid: number
  /** The version the file was written in (older ones are migrated on reading). */
  version: number
}

/** The file's content for `annotations` (before the envelope), ordered stably. */
export function notesObject(annotations: Iterable<Annotation>): Record<string, unknown> {
  const ordered = [...annotations].sort(
    (a, b) =>
      compare(a.articleId, b.articleId) || compare(a.created, b.created) || compare(a.id, b.id)
  )
  return { format: NOTES_FORMAT, version: NOTES_VERSION, annotations: ordered }
}

/**
 * Reads a notes file's text, migrating an older version. An annotation that fails validation
 * is counted and left out rather than costing the whole file.
 * @throws DamagedFileError when the text is not a Dossier notes file of a known version.
 */
export function parseNotes(raw: string): ReadNotes {
  return readNotes(parseJsonFile(raw))
}

/** The same, from the file's JSON value. @throws NotesFileError as `parseNotes`. */
export function readNotes(data: unknown): ReadNotes {
  const version = versionOf(data)
  if (version > NOTES_VERSION)
    throw new NotesFileError(
      `the file was written by a newer Dossier (format version ${version}; this one reads up to ${NOTES_VERSION})`
    )
  let current = data
  for (let v = version; v < NOTES_VERSION; v++) current = MIGRATIONS[v]!(current)
  const list = (current as { annotations: unknown }).annotations
  if (!Array.isArray(list)) throw new NotesFileError('the file has no list of annotations')

  const annotations: Annotation[] = []
  const seen = new Set<string>()
  let invalid = 0
  for (const item of list) {
    const parsed = annotationSchema.safeParse(item)
    if (!parsed.success || seen.has(parsed.data.id)) {
      invalid++
      continue
    }
    seen.add(parsed.data.id)
    annotations.push(parsed.data)
  }
  return { annotations, invalid, version }
}

function versionOf(data: unknown): number {
  if (Array.isArray(data)) return 0
  if (!data || typeof data !== 'object') throw new NotesFileError('the file is not a JSON object')
  const { format, version } = data as { format?: unknown; version?: unknown }
  if (format !== NOTES_FORMAT) throw new NotesFileError('the file is not a Dossier notes file')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new NotesFileError('the file has no valid format version')
  return version
}

/**
 * `MIGRATIONS[v]` turns a version-v file into a version v+1 one. Each step is small and kept
 * forever, so a file from any released version reads by running the steps in turn. A step
 * leaves what it does not understand for validation to count as invalid, never throwing on
 * one bad annotation.
 */
export const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
  0: (data) => ({
    format: NOTES_FORMAT,
    version: 1,
    annotations: (data as unknown[]).map((item) => {
      if (!item || typeof item !== 'object') return item
      const { target, tags, created, updated, ...rest } = item as Record<string, unknown>
      const selectors = (target as { selector?: unknown } | null | undefined)?.selector
      const list = Array.isArray(selectors) ? (selectors as { type?: unknown }[]) : []
      const position = list.find((s) => s?.type === 'TextPositionSelector')
      const quote = list.find((s) => s?.type === 'TextQuoteSelector')
      return {
        ...rest,
        kind: target ? 'highlight' : 'article-note',
        target: target ? { position, quote } : null,
        tags: tags ?? [],
        created,
        updated: updated ?? created
      }
    })
  }),
  // Version 2 adds the envelope (generation, time, checksum), which a step need not make up.
  1: (data) => ({ ...(data as object), version: 2 })
}

/** A batch of changes as the journal records it: the annotations it put, the ids it removed. */
const notesChange = z.strictObject({
  put: z.array(annotationSchema),
  remove: z.array(z.string())
})

/** The notes as the journaled file stores them: annotations by id. */
export const notesFormat: StoredFormat<Map<string, Annotation>> = {
  file: 'notes.json',
  version: NOTES_VERSION,
  empty: () => new Map(),
  toFile: (state) => notesObject(state.values()),
  fromFile: (data) => {
    const { annotations, invalid, version } = readNotes(data)
    return { state: new Map(annotations.map((a) => [a.id, a])), invalid, version }
  },
  copy: (state) => new Map(state),
  // Every change puts a new object, so only those that are not the same object are compared.
  diff: (before, after) => {
    const put = [...after.values()].filter((a) => {
      const old = before.get(a.id)
      return old !== a && JSON.stringify(old) !== JSON.stringify(a)
    })
    const remove = [...before.keys()].filter((id) => !after.has(id))
    return put.length === 0 && remove.length === 0 ? null : { put, remove }
  },
  replay: (state, change) => {
    const { put, remove } = notesChange.parse(change)
    for (const id of remove) state.delete(id)
    for (const annotation of put) state.set(annotation.id, annotation)
    return state
  },
  entry: 'note',
  describe: (state) => `${state.size} note${state.size === 1 ? '' : 's'}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
