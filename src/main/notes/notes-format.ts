/**
 * The notes file's format, its versions and the path from each old version to the current one.
 * Pure data work (no fs): the store reads and writes through it, and the tests feed it
 * hand-made files of every version. The format is documented with an example in docs/notes.md.
 *
 *   version 1 (current): { "format": "dossier-notes", "version": 1, "annotations": [...] }
 *       each annotation exactly as `Annotation` in shared/model/annotation.ts
 *   version 0 (the development draft, never released): a bare array of annotations with
 *       no `kind`, the selectors as a W3C-style list `target.selector: [...]`, tags optional,
 *       and only `created`
 */
import type { Annotation } from '@shared/model/annotation'
import { annotationSchema } from '@shared/ipc/schemas'

/** The `format` field: says the JSON is Dossier's notes, not some other file. */
export const NOTES_FORMAT = 'dossier-notes'
/** The version this Dossier writes; it reads every version up to it. */
export const NOTES_VERSION = 1

/** A notes file that cannot be read at all; the message says why in plain words. */
export class NotesFileError extends Error {
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

/** The file's content for `annotations`: pretty-printed, one field per line, ordered stably. */
export function serialiseNotes(annotations: Iterable<Annotation>): string {
  const ordered = [...annotations].sort(
    (a, b) =>
      compare(a.articleId, b.articleId) || compare(a.created, b.created) || compare(a.id, b.id)
  )
  return (
    JSON.stringify(
      { format: NOTES_FORMAT, version: NOTES_VERSION, annotations: ordered },
      null,
      2
    ) + '\n'
  )
}

/**
 * Reads a notes file's text, migrating an older version. An annotation that fails validation
 * is counted and left out rather than costing the whole file.
 * @throws NotesFileError when the text is not a Dossier notes file of a known version.
 */
export function parseNotes(raw: string): ReadNotes {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    throw new NotesFileError(
      raw.trim() === '' ? 'the file is empty' : 'the file is not valid JSON (it may be cut short)'
    )
  }
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
  })
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
