/**
 * Finding the newest consistent state of a journaled file at start-up: the live file if it
 * reads, else its previous generation, else the newest backup that reads, each with the
 * journal's changes made since it replayed on top; the candidate that reaches the newest
 * change wins. See docs/notes.md, "Recovery".
 */
import { readFile } from 'node:fs/promises'
import { DamagedFileError } from './damaged-file-error'
import type { JournalEntry } from './journal'
import { unseal } from './sealed-file'
import type { StoredFormat } from './stored-format'

/** A stored file as read: its state and the envelope around it. */
export interface ReadFile<T> {
  state: T
  /** The number of the last batch of changes the file holds (0 before journaling). */
  generation: number
  /** When it was written (ISO 8601), when it says. */
  saved: string | null
  /** Entries that were present but invalid, left out. */
  invalid: number
  version: number
}

export type Found<T> =
  | { state: 'read'; file: ReadFile<T> }
  | { state: 'missing' }
  | { state: 'unreadable'; problem: string }

/** Reads one stored file (live, previous, a backup): read, missing, or why it cannot be used. */
export async function readStoredFile<T>(path: string, format: StoredFormat<T>): Promise<Found<T>> {
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
    return { state: 'read', file: parseStoredFile(raw, format) }
  } catch (error) {
    if (error instanceof DamagedFileError) return { state: 'unreadable', problem: error.message }
    throw error
  }
}

/** A stored file's text: the envelope (generation, time, checksum) checked, the state read. */
export function parseStoredFile<T>(raw: string, format: StoredFormat<T>): ReadFile<T> {
  const { data, sealed } = unseal(raw)
  const envelope = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>
  const { generation = 0, saved = null } = envelope
  // Files that carry a generation are always written sealed: one without is not as written.
  if (!sealed && 'generation' in envelope)
    throw new DamagedFileError('its checksum is missing (the end of the file was changed)')
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 0)
    throw new DamagedFileError('it has no valid generation number')
  const { state, invalid, version } = format.fromFile(data)
  return { state, generation, saved: typeof saved === 'string' ? saved : null, invalid, version }
}

/** A base with the journal's later changes applied: where a recovery would end. */
export interface Replayed<T> {
  state: T
  generation: number
  /** Journal entries applied on top of the base. */
  replayed: number
}

/**
 * `base` with the journal entries that follow it, in order, up to the first gap or the first
 * change that does not apply (entries the base already holds are skipped).
 */
export function replayJournal<T>(
  base: { state: T; generation: number },
  journal: readonly JournalEntry[],
  format: StoredFormat<T>
): Replayed<T> {
  let state = base.state
  let generation = base.generation
  let replayed = 0
  for (const entry of journal) {
    if (entry.seq <= generation) continue
    if (entry.seq !== generation + 1) break
    try {
      state = format.replay(format.copy(state), entry.change)
    } catch {
      break
    }
    generation = entry.seq
    replayed++
  }
  return { state, generation, replayed }
}
