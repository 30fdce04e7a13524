/**
 * The append-only journal beside a stored file: one line per acknowledged batch of changes
 * since the last backup, each `<SHA-256 of the JSON> <JSON>`, fsynced before the batch is
 * acknowledged. A line cut short by a crash, or damaged, ends what can be replayed: the lines
 * before it are intact by their checksums. See docs/notes.md, "Durability".
 */
import { open, readFile } from 'node:fs/promises'
import { sha256 } from './sealed-file'

/** The journal's format version, in every line: a line of another version is not replayed. */
export const JOURNAL_VERSION = 1

export interface JournalEntry {
  /** The generation this batch made: the file's generation before it, plus one. */
  seq: number
  /** When the batch was written (ISO 8601). */
  at: string
  /** The batch's effect, as the stored file's format describes it. */
  change: unknown
}

/**
 * The journal's intact entries, in order, up to the first line that is not, and the length in
 * bytes of that intact part (anything after it is a line cut short or damaged).
 */
export async function readJournal(
  path: string
): Promise<{ entries: JournalEntry[]; intactBytes: number; bytes: number }> {
  const text = await readFile(path, 'utf8').catch(() => '')
  const entries: JournalEntry[] = []
  let intactBytes = 0
  for (const line of text.split('\n')) {
    if (line === '') break
    const space = line.indexOf(' ')
    const json = line.slice(space + 1)
    if (space !== 64 || sha256(json) !== line.slice(0, space)) break
    let entry: Partial<JournalEntry> & { v?: unknown }
    try {
      entry = JSON.parse(json) as typeof entry
    } catch {
      break
    }
    if (entry.v !== JOURNAL_VERSION || !Number.isInteger(entry.seq) || typeof entry.at !== 'string')
      break
    entries.push({ seq: entry.seq!, at: entry.at, change: entry.change })
    intactBytes += Buffer.byteLength(line) + 1
  }
  return { entries, intactBytes, bytes: Buffer.byteLength(text) }
}

/** Appends one entry and fsyncs it; answers the journal's length before (to take it back) and after. */
export async function appendToJournal(
  path: string,
  entry: JournalEntry
): Promise<{ before: number; after: number }> {
  const json = JSON.stringify({ v: JOURNAL_VERSION, ...entry })
  const line = `${sha256(json)} ${json}\n`
  const file = await open(path, 'a')
  try {
    const before = (await file.stat()).size
    await file.appendFile(line)
    await file.datasync()
    return { before, after: before + Buffer.byteLength(line) }
  } finally {
    await file.close()
  }
}

/** Cuts the journal back to `length` bytes (0 empties it, once a backup holds its changes). */
export async function truncateJournal(path: string, length: number): Promise<void> {
  const file = await open(path, 'r+').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (!file) return
  try {
    await file.truncate(length)
    await file.datasync()
  } finally {
    await file.close()
  }
}
