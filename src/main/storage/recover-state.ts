/**
 * What a journaled file starts from: the newest consistent state of the live file, its previous
 * generation, its backups and its journal, and what to tell the user about it. The order is in
 * docs/notes.md, "Recovery"; recovery.ts reads each candidate.
 */
import { constants } from 'node:fs'
import { copyFile, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { backupDate, listBackups } from './backups'
import { readJournal, truncateJournal } from './journal'
import { readStoredFile, replayJournal, type Found, type Replayed } from './recovery'
import type { StoredFormat } from './stored-format'

export type StoredPaths = ReturnType<typeof pathsOf>

export function pathsOf(dataDir: string, format: StoredFormat<unknown>) {
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

/** The recovered state and what the file needs to carry on from it. */
export interface Recovered<T> {
  state: T
  generation: number
  /** Whether anything durable holds it (false for a new, empty store). */
  stored: boolean
  notice: string | null
  /** Whether to write it back as the live file at once. */
  persist: boolean
  /** The journal's intact length. */
  journalBytes: number
  /** The generation the live file holds (-1: none readable). */
  liveGeneration: number
}

export async function recoverState<T>(
  paths: StoredPaths,
  format: StoredFormat<T>,
  log: (message: string) => void,
  now: Date
): Promise<Recovered<T>> {
  const { entries: journal, intactBytes, bytes } = await readJournal(paths.journal)
  // A line cut short by a crash is cut off, so the next one follows the intact ones.
  if (intactBytes < bytes) await truncateJournal(paths.journal, intactBytes)
  const newest = journal.at(-1)?.seq ?? 0
  const live = await readStoredFile(paths.live, format)
  const make = (
    found: Replayed<T>,
    stored: boolean,
    notice: string | null,
    persist = false
  ): Recovered<T> => ({
    state: found.state,
    generation: found.generation,
    stored,
    notice,
    persist,
    journalBytes: intactBytes,
    liveGeneration: live.state === 'read' ? live.file.generation : -1
  })

  if (live.state === 'read') {
    const { file } = live
    const onLive = replayJournal(file, journal, format)
    if (file.version < format.version) {
      // Migrated on reading; the file as it was is kept once, for an older Dossier.
      const original = join(paths.backups, `${paths.stem}-v${file.version}.json`)
      await copyFile(paths.live, original, constants.COPYFILE_EXCL).catch(() => {})
    }
    if (onLive.replayed > 0)
      log(
        `[dossier] ${format.file}: replayed ${plural(onLive.replayed, 'change')} from the journal`
      )
    if (file.invalid > 0) {
      // Keep the file as it was, so what could not be read is not lost by the next write.
      const aside = await keepAside(paths.live, now, 'copy').catch(() => null)
      const kept = aside ? `the file as it was is kept as ${aside}` : 'it could not be copied aside'
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
    return make(start, start.replayed > 0, null, start.replayed > 0)
  }
  if (live.state === 'read' && best?.from === 'live') return make(best, true, null) // behind the journal only where the journal is broken
  if (live.state === 'read' && best) {
    // Intact but older than the journal (a crash between a backup and the next write, or an
    // old copy put back): nothing is damaged or lost, so nothing to tell.
    log(`[dossier] ${format.file} was behind its journal; restored from ${best.from}`)
    return make(best, true, null, true)
  }

  const problem =
    live.state === 'missing'
      ? 'was missing'
      : `was damaged (${live.state === 'unreadable' ? live.problem : ''})`
  let kept = ''
  let movedAside = live.state === 'missing'
  if (live.state === 'unreadable') {
    const aside = await keepAside(paths.live, now).catch(() => null)
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
  // Put the recovered state back in place at once, so the next start finds a good file;
  // never over a damaged file that could not be set aside.
  return make(best, true, `${format.file} ${problem}; ${from}.${kept}`, movedAside)
}

/** Moves (or copies) the live file to `<name>.damaged-<time>`; answers that path. */
async function keepAside(path: string, now: Date, how: 'move' | 'copy' = 'move'): Promise<string> {
  const aside = `${path}.damaged-${now.getTime()}`
  if (how === 'move') await rename(path, aside)
  else await copyFile(path, aside)
  return aside
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}
