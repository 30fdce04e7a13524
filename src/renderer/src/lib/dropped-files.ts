/**
 * The files of a drop, folders walked. Entries (`webkitGetAsEntry`) must be taken while the
 * drop event is being handled, so `entriesOf` is called synchronously and the walk happens
 * after. A saved page's resources (its `_files` folder's images, styles, scripts) and hidden
 * files are left out rather than each reported as refused; pages inside are still sent, with
 * their path, for main to judge.
 */
import { importExtension } from '@shared/import/limits'
import type { ImportSource } from './import-queue'

/** The parts of the File and Directory Entries API used here. */
export interface EntryLike {
  isFile: boolean
  isDirectory: boolean
  name: string
  fullPath: string
}
interface FileEntryLike extends EntryLike {
  file: (success: (file: File) => void, failure?: (error: unknown) => void) => void
}
interface DirectoryEntryLike extends EntryLike {
  createReader: () => {
    readEntries: (
      success: (entries: EntryLike[]) => void,
      failure?: (error: unknown) => void
    ) => void
  }
}

export interface DroppedFiles {
  sources: ImportSource[]
  /** Resource and hidden files left out. */
  skipped: number
}

/** The top-level entries of a drop, or null when the browser gives none (then use `files`). */
export function entriesOf(transfer: DataTransfer): EntryLike[] | null {
  const items = [...transfer.items].filter((item) => item.kind === 'file')
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null)
  if (entries.length === 0 || entries.some((entry) => entry === null)) return null
  return entries as EntryLike[]
}

/** Every file under `entries`, depth first in name order, with its path within the drop. */
export async function walkEntries(entries: readonly EntryLike[]): Promise<DroppedFiles> {
  const found: DroppedFiles = { sources: [], skipped: 0 }
  for (const entry of sortByName(entries)) await walk(entry, found)
  return found
}

async function walk(entry: EntryLike, found: DroppedFiles): Promise<void> {
  if (entry.isDirectory) {
    const children = await readAll(entry as DirectoryEntryLike)
    for (const child of sortByName(children)) await walk(child, found)
    return
  }
  if (!entry.isFile) return
  const path = entry.fullPath.replace(/^\/+/, '')
  if (isLeftOut(path)) {
    found.skipped++
    return
  }
  const file = await fileOf(entry as FileEntryLike)
  found.sources.push(sourceOf(file, path.includes('/') ? path : undefined))
}

/** A directory reader answers in pages until it answers an empty one. */
async function readAll(directory: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = directory.createReader()
  const all: EntryLike[] = []
  for (;;) {
    const page = await new Promise<EntryLike[]>((done, fail) => reader.readEntries(done, fail))
    if (page.length === 0) return all
    all.push(...page)
  }
}

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((done, fail) => entry.file(done, fail))
}

/** Hidden files, and anything not importable inside a saved page's `_files` folder. */
export function isLeftOut(path: string): boolean {
  const parts = path.split('/')
  if (parts.some((part) => part.startsWith('.'))) return true
  const inResources = parts.slice(0, -1).some((part) => /_files$/i.test(part))
  return inResources && importExtension(path) === null
}

/** By code point, so a saved page (`a.html`) comes before its resources (`a_files`). */
function sortByName<T extends { name: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** A picked or dropped `File` as the queue reads it. */
export function sourceOf(file: File, path?: string): ImportSource {
  const source: ImportSource = { name: file.name, size: file.size, read: async () => file }
  if (path !== undefined) source.path = path
  return source
}
