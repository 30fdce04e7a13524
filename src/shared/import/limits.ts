/**
 * What an import accepts, shared by the renderer (which refuses a file before sending it) and
 * main (which refuses it again: the renderer is untrusted).
 */

/** The largest file an import reads: 50 MiB, far past any saved article page. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024

/** File name endings an import accepts, lower case. */
export const IMPORT_EXTENSIONS = ['.html', '.htm', '.md', '.markdown', '.txt'] as const

export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number]

/** The accepted extension `name` ends with (case-insensitive), or null. */
export function importExtension(name: string): ImportExtension | null {
  const lower = name.toLowerCase()
  return IMPORT_EXTENSIONS.find((extension) => lower.endsWith(extension)) ?? null
}

/** How long a base64 string of IMPORT_MAX_BYTES bytes is. */
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4
