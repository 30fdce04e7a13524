/**
 * The parsed-library cache: every article as `parseArticle` made it, written by `npm run build`
 * next to the prebuilt index, so start-up reads parsed articles instead of parsing Markdown
 * (~5 ms per article: a minute for 10,000). An entry is used only for a file whose bytes hash to
 * the same value, and only while parsing and quote extraction are the versions that wrote it.
 *
 * One binary file (binary-file.ts): the header lists each file with the hash of its bytes and the
 * size and modification time it had; the body holds the rest of each article (metadata,
 * quotations) as one JSON array, and where each article's text and blocks lie in the texts file
 * beside it (texts-file.ts) with the check of their bytes. Opening it is a single read, one
 * checksum and one parse; the texts and blocks are read one by one when asked for. The file's own checksum covers the body,
 * so a damaged or truncated cache is not used at all: every file is parsed instead, and the
 * reason logged. The body starts with the library's list (summaries, in file order), hashed on
 * its own, so the list can be read before the rest (cached-list.ts).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArticle } from '@shared/content/parse-article'
import { inLibraryOrder, summaryOf, type ArticleView, type Block } from '@shared/model/article'
import { QUOTE_RULES_VERSION } from '@shared/quotes/version'
import { parseBinaryFile, writeBinaryFile } from './binary-file'
import { readBinaryHere, type ReadBinary } from './read-checked'
import { StoredArticle, type StoredParts, type Unstored } from './stored-article'
import { LIBRARY_TEXTS_FILE, TextsFile, writeTextsFile } from './texts-file'

import { LIBRARY_CACHE_FILE } from './shipped-names'

export { LIBRARY_CACHE_FILE }

/**
 * Version of what `parseArticle` makes of a file (canonical text, blocks, marks, metadata,
 * reading time) and of article ids. Bump it with any change to them.
 */
export const PARSE_VERSION = 3

/** The header a cache must carry to be used. */
export const LIBRARY_CACHE_FORMAT = `dossier-library parse:${PARSE_VERSION} quotes:${QUOTE_RULES_VERSION} binary:5`

/**
 * One file's parsed article, the hash of the bytes it was parsed from, and the size and
 * modification time the file had then: a file that still has both is taken as unchanged
 * without reading it (as git's index does), any other is read and hashed.
 */
export interface CachedArticle {
  hash: string
  article: ArticleView
  size?: number
  mtimeMs?: number
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

interface CacheMeta {
  format: string
  files: string[]
  hashes: string[]
  sizes: (number | null)[]
  mtimes: (number | null)[]
  /** Of the `summaries` section, which start-up reads and checks alone (cached-list.ts). */
  summariesSha256: string
}

/** The cache as read: its entries, or why there are none. */
export interface CacheRead {
  cache: ParsedCache
  problem: string | null
  /** The hash of its list section (cached-list.ts), which names that list; null without one. */
  listDigest?: string | null
}

/**
 * Reads the cache in `resourcesDir`. Never fails: a missing, damaged or outdated cache gives
 * no entries and `problem` says why, for the log; those files are then parsed. Its articles read
 * their texts from the texts file when asked (stored-article.ts); one that cannot be read there
 * is parsed from its own file again, which the cache vouches is unchanged.
 * @param read the file as already being read (read-checked.ts).
 */
export async function readLibraryCache(
  resourcesDir: string,
  read: Promise<ReadBinary | Error> = readBinaryHere(join(resourcesDir, LIBRARY_CACHE_FILE)),
  log?: (message: string) => void
): Promise<CacheRead> {
  const cache = new Map<string, CachedArticle>()
  try {
    const done = await read
    if (done instanceof Error) throw done
    const { bytes, bodyChecksum } = done
    // Its header parsed once (a megabyte of JSON at 10,000 articles), and its checksum, which
    // the reading thread computed anyway, checked before its format.
    const file = parseBinaryFile(bytes, bodyChecksum)
    const meta = file.meta as Partial<CacheMeta> | null
    if (meta?.format !== LIBRARY_CACHE_FORMAT) {
      const found = typeof meta?.format === 'string' ? meta.format : 'none readable'
      return { cache, problem: `its format (${found}) is not ${LIBRARY_CACHE_FORMAT}` }
    }
    const layout = { starts: file.u32('textStarts'), checks: file.u32('textChecks') }
    const rest = JSON.parse(file.text('articles')) as unknown
    const { files = [], hashes = [], sizes = [], mtimes = [] } = meta
    if (
      !Array.isArray(rest) ||
      [rest.length, layout.checks.length / 2, hashes.length, sizes.length, mtimes.length].some(
        (length) => length !== files.length
      ) ||
      !ascending(layout.starts, 2 * files.length + 1)
    )
      return { cache, problem: 'its parts do not agree (damaged)' }
    if (!rest.every(isUnstored)) return { cache, problem: 'its entries are damaged' }
    let texts: TextsFile
    const parsed = reparse(join(resourcesDir, 'articles'), files, rest, log)
    try {
      const path = join(resourcesDir, LIBRARY_TEXTS_FILE)
      // Each article's text, then its blocks as JSON (see writeLibraryCache).
      texts = TextsFile.open(path, layout, (entry, problem) => {
        const article = parsed(entry >> 1, problem)
        return entry % 2 === 0 ? article.text : JSON.stringify(article.blocks)
      })
    } catch (error) {
      return { cache, problem: `its texts file could not be used (${(error as Error).message})` }
    }
    const parts: StoredParts = {
      text: (i) => texts.text(2 * i),
      blocks: (i) => {
        try {
          const list = JSON.parse(texts.once(2 * i + 1))
          if (Array.isArray(list)) return list as Block[]
        } catch {
          // Their check vouched for these bytes: only a bug gets here. Parsed instead.
        }
        return parsed(i, 'the blocks are damaged').blocks
      }
    }
    for (let i = 0; i < files.length; i++) {
      cache.set(files[i]!, {
        hash: hashes[i]!,
        article: new StoredArticle(rest[i] as Unstored, parts, i),
        ...(sizes[i] != null ? { size: sizes[i]! } : {}),
        ...(mtimes[i] != null ? { mtimeMs: mtimes[i]! } : {})
      })
    }
    return { cache, problem: null, listDigest: meta.summariesSha256 ?? null }
  } catch (error) {
    cache.clear()
    const problem =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is none'
        : `it could not be read (${(error as Error).message})`
    return { cache, problem }
  }
}

/** Whether `offsets` holds `count` offsets, ascending, none past `end`. */
function ascending(offsets: Uint32Array, count: number, end = Infinity): boolean {
  if (offsets.length !== count) return false
  for (let i = 1; i < count; i++) if (offsets[i]! < offsets[i - 1]!) return false
  return count === 0 || offsets[count - 1]! <= end
}

/**
 * A cached article parsed again from its own file, which the cache vouches is unchanged: what
 * answers when its stored text or blocks cannot be used. The reason is logged.
 */
function reparse(
  articlesDir: string,
  files: readonly string[],
  rest: readonly unknown[],
  log: ((message: string) => void) | undefined
): (index: number, problem: string) => ArticleView {
  return (index, problem) => {
    const file = files[index]!
    log?.(`[dossier] The library cache could not be used for ${file} (${problem}): parsed instead`)
    // Decoded as loadLibrary decodes a file, so the text is the one the cache was made from.
    const source = new TextDecoder('utf-8').decode(readFileSync(join(articlesDir, file)))
    return parseArticle((rest[index] as Unstored).id, source)
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
  const rest: Unstored[] = []
  // Each article's text, then its blocks as JSON: both read when the article is asked for,
  // neither at start-up (7 MiB of blocks at 10,000 articles).
  const entries = files.flatMap(({ article }) => {
    const { text, blocks, ...unstored } = article
    rest.push(unstored)
    return [text, JSON.stringify(blocks)]
  })
  // The texts first: a cache never names texts that are not there yet. One left from an earlier
  // build beside the new texts fails its checks and its articles are parsed instead.
  const layout = await writeTextsFile(join(resourcesDir, LIBRARY_TEXTS_FILE), entries)
  // First in the body, with a hash of its own: main reads it alone at start-up. In library order
  // already, so main's sort of it is one pass of comparisons.
  const summaries = JSON.stringify(
    files.map(({ article }) => summaryOf(article)).sort(inLibraryOrder)
  )
  const meta: CacheMeta = {
    format: LIBRARY_CACHE_FORMAT,
    files: files.map(({ file }) => file),
    hashes: files.map(({ hash }) => hash),
    sizes: files.map(({ size }) => size ?? null),
    mtimes: files.map(({ mtimeMs }) => mtimeMs ?? null),
    summariesSha256: fileHash(Buffer.from(summaries, 'utf8'))
  }
  await writeBinaryFile(path, meta, {
    summaries,
    textStarts: layout.starts,
    textChecks: layout.checks,
    articles: JSON.stringify(rest)
  })
  return path
}

/**
 * Enough of an entry's shape to serve it: the file's hash and the version in the header vouch
 * for the rest, this catches a cache that is well formed but not what it claims.
 */
function isUnstored(value: unknown): value is Unstored {
  const article = value as Partial<ArticleView> | null
  return (
    typeof article === 'object' &&
    article !== null &&
    typeof article.id === 'string' &&
    typeof article.title === 'string' &&
    typeof article.words === 'number' &&
    Array.isArray(article.quotes)
  )
}
