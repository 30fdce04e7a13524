/**
 * An import batch, file by file: what the renderer refuses before sending (a file too big or
 * of another kind), then each file read, encoded and sent in turn, so one bad file never
 * stops the rest, and a cancel stops at the next file. No Svelte and no IPC here: the state
 * module passes in how to read, send and report.
 */
import type { ArticleImportRow } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES, importExtension } from '@shared/import/limits'
import { blobToBase64 } from './base64'

/** A file picked or dropped: `path` is its place within a dropped folder. */
export interface ImportSource {
  name: string
  size: number
  path?: string
  /** The file's content (a `File` is a Blob); rejects when it can no longer be read. */
  read: () => Promise<Blob>
}

export interface ImportRequest {
  batchId: string
  name: string
  path?: string
  data: string
}

export interface ImportDeps {
  batchId: string
  send: (request: ImportRequest) => Promise<Result<ArticleImportRow>>
  /** Called before each file with its 0-based position. */
  onProgress?: (index: number, source: ImportSource) => void
  /** Called after each file with its row, in order. */
  onRow?: (row: ArticleImportRow) => void
  cancelled: () => boolean
}

export const CANCELLED_REASON = 'Cancelled before it was imported.'

/** Why the renderer refuses `name` of `size` bytes before reading it, or null to send it. */
export function localRefusal(name: string, size: number): string | null {
  if (importExtension(name) === null) {
    return `Not a file Dossier imports: only ${IMPORT_EXTENSIONS.join(', ')} files.`
  }
  if (size > IMPORT_MAX_BYTES) {
    return `Too big to import: ${megabytes(size)} MB (the limit is ${megabytes(IMPORT_MAX_BYTES)} MB).`
  }
  return null
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)
}

/** Imports every source in turn and answers one row per source, in the order given. */
export async function runImport(
  sources: readonly ImportSource[],
  deps: ImportDeps
): Promise<ArticleImportRow[]> {
  const rows: ArticleImportRow[] = []
  for (const [index, source] of sources.entries()) {
    let row: ArticleImportRow
    if (deps.cancelled()) {
      row = failed(source.name, CANCELLED_REASON)
    } else {
      deps.onProgress?.(index, source)
      row = await importOne(source, deps)
    }
    rows.push(row)
    deps.onRow?.(row)
  }
  return rows
}

async function importOne(source: ImportSource, deps: ImportDeps): Promise<ArticleImportRow> {
  const refusal = localRefusal(source.name, source.size)
  if (refusal !== null) return failed(source.name, refusal)
  let data: string
  try {
    data = await blobToBase64(await source.read())
  } catch (error) {
    return failed(source.name, `Could not read the file (${describe(error)}).`)
  }
  if (deps.cancelled()) return failed(source.name, CANCELLED_REASON)
  const request: ImportRequest = { batchId: deps.batchId, name: source.name, data }
  if (source.path !== undefined) request.path = source.path
  const result = await deps.send(request)
  if (!result.ok) return failed(source.name, result.error.message)
  return result.value
}

function failed(name: string, reason: string): ArticleImportRow {
  return { name, status: 'failed', reason }
}

/** A read error's message; a File gone from disk gives a DOMException with none in some engines. */
function describe(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : ''
  return message === '' ? 'it may have been moved or deleted' : message
}

/**
 * "3 imported, 1 already in the library, 2 failed.", leaving out what did not happen, and
 * saying how many resource files of a dropped folder were left out.
 */
export function summarizeRows(rows: readonly ArticleImportRow[], leftOut = 0): string {
  const count = (status: ArticleImportRow['status']) =>
    rows.filter((row) => row.status === status).length
  const parts = [
    [count('imported'), 'imported'],
    [count('duplicate'), 'already in the library'],
    [count('failed'), 'failed']
  ] as const
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`)
  const counted = said.length > 0 ? said.join(', ') : 'No files'
  const resources = leftOut === 1 ? 'file' : 'files'
  return leftOut > 0
    ? `${counted}; ${leftOut} resource ${resources} of saved pages left out.`
    : `${counted}.`
}
