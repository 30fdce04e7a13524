/**
 * The parsed-library cache: every article as `parseArticle` made it, written by `npm run build`
 * next to the prebuilt index, so start-up reads parsed articles instead of parsing Markdown
 * (~5 ms per article: a minute for 10,000). An entry is used only for a file whose bytes hash to
 * the same value, and only while parsing and quote extraction are the versions that wrote it.
 *
 * JSON Lines, not one JSON document: a header line, then one article per line. A damaged or
 * truncated line costs the parse of that one article, not the whole cache, and neither writing
 * nor reading ever holds the whole library in one string (V8 caps a string at ~512 MB).
 */
import { createHash } from 'node:crypto'
import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleView } from '@shared/model/article'
import { QUOTE_RULES_VERSION } from '@shared/quotes/version'

export const LIBRARY_CACHE_FILE = 'library-cache.jsonl'

/**
 * Version of what `parseArticle` makes of a file (canonical text, blocks, marks, metadata,
 * reading time) and of article ids. Bump it with any change to them.
 */
export const PARSE_VERSION = 3

/** The header a cache must carry to be used. */
export const LIBRARY_CACHE_FORMAT = `dossier-library parse:${PARSE_VERSION} quotes:${QUOTE_RULES_VERSION}`

/** One file's parsed article, and the hash of the bytes it was parsed from. */
export interface CachedArticle {
  hash: string
  article: ArticleView
}

/** Parsed articles by file name (within the articles folder). */
export type ParsedCache = ReadonlyMap<string, CachedArticle>

/** An article file as loaded, for writing the cache. */
export interface LoadedFile extends CachedArticle {
  file: string
}

/** The hash an entry is keyed on: of the file's bytes, so any edit to the file misses. */
export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Reads the cache in `resourcesDir`. Never fails: a missing, damaged or outdated cache gives
 * fewer entries (maybe none) and `problem` says why, for the log; those files are then parsed.
 */
export async function readLibraryCache(
  resourcesDir: string
): Promise<{ cache: ParsedCache; problem: string | null }> {
  const cache = new Map<string, CachedArticle>()
  let bytes: Buffer
  try {
    bytes = await readFile(join(resourcesDir, LIBRARY_CACHE_FILE))
  } catch (error) {
    const problem =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is none'
        : `it could not be read (${(error as Error).message})`
    return { cache, problem }
  }
  let damaged = 0
  let line = 0
  for (let start = 0; start < bytes.length; line++) {
    const newline = bytes.indexOf(10, start)
    const end = newline === -1 ? bytes.length : newline
    const text = bytes.toString('utf8', start, end)
    start = end + 1
    if (line === 0) {
      const format = parseLine(text) as { format?: unknown } | null
      if (format?.format !== LIBRARY_CACHE_FORMAT) {
        const found = typeof format?.format === 'string' ? format.format : 'none readable'
        return { cache, problem: `its format (${found}) is not ${LIBRARY_CACHE_FORMAT}` }
      }
      continue
    }
    if (text === '') continue
    const entry = parseLine(text)
    if (isLoadedFile(entry)) cache.set(entry.file, { hash: entry.hash, article: entry.article })
    else damaged++
  }
  if (line === 0) return { cache, problem: 'it is empty' }
  return {
    cache,
    problem: damaged > 0 ? `${damaged} of its entries are damaged` : null
  }
}

/**
 * Writes the cache for `files` into `resourcesDir`, through a temporary file renamed into place,
 * so an interrupted build never leaves half a cache behind.
 * @returns the path written.
 */
export async function writeLibraryCache(
  resourcesDir: string,
  files: readonly LoadedFile[]
): Promise<string> {
  const path = join(resourcesDir, LIBRARY_CACHE_FILE)
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.write(`${JSON.stringify({ format: LIBRARY_CACHE_FORMAT })}\n`)
    // A few hundred lines per write: few system calls, no string near V8's limit.
    for (let at = 0; at < files.length; at += WRITE_BATCH) {
      const lines = files.slice(at, at + WRITE_BATCH).map(({ file, hash, article }) => {
        const entry: LoadedFile = { file, hash, article }
        return `${JSON.stringify(entry)}\n`
      })
      await handle.write(lines.join(''))
    }
  } finally {
    await handle.close()
  }
  await rename(temporary, path)
  return path
}

const WRITE_BATCH = 200

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * Enough of an entry's shape to serve it: the version in the header vouches for the rest, this
 * catches a line cut short or edited by hand.
 */
function isLoadedFile(value: unknown): value is LoadedFile {
  const entry = value as Partial<LoadedFile> | null
  const article = entry?.article as Partial<ArticleView> | undefined
  return (
    typeof entry?.file === 'string' &&
    typeof entry.hash === 'string' &&
    typeof article === 'object' &&
    article !== null &&
    typeof article.id === 'string' &&
    typeof article.title === 'string' &&
    typeof article.text === 'string' &&
    typeof article.words === 'number' &&
    Array.isArray(article.blocks) &&
    Array.isArray(article.quotes)
  )
}
