/**
 * The parsed-library cache: every article as `parseArticle` made it, written by `npm run build`
 * next to the prebuilt index, so start-up reads parsed articles instead of parsing Markdown
 * (~5 ms per article: a minute for 10,000). An entry is used only for a file whose bytes hash to
 * the same value, and only while parsing and quote extraction are the versions that wrote it.
 *
 * One binary file (binary-file.ts): the header lists each file with the hash of its bytes and the
 * size and modification time it had; the body holds every article's text end to end, with their
 * ends, and the rest of each article (metadata, blocks, quotations) as one JSON array. Opening it
 * is a single read, one hash check and one parse of the small part. The file's own hash covers
 * the body, so a damaged or truncated cache is not used at all: every file is parsed instead,
 * and the reason logged. The body starts with the library's list (summaries, in file order),
 * hashed on its own, so the list can be read before the rest (cached-list.ts).
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { summaryOf, type ArticleView } from '@shared/model/article'
import { QUOTE_RULES_VERSION } from '@shared/quotes/version'
import { binaryFileMeta, parseBinaryFile, writeBinaryFile } from './binary-file'
import { readBinaryHere, type ReadBinary } from './read-checked'

export const LIBRARY_CACHE_FILE = 'library-cache.bin'

/**
 * Version of what `parseArticle` makes of a file (canonical text, blocks, marks, metadata,
 * reading time) and of article ids. Bump it with any change to them.
 */
export const PARSE_VERSION = 3

/** The header a cache must carry to be used. */
export const LIBRARY_CACHE_FORMAT = `dossier-library parse:${PARSE_VERSION} quotes:${QUOTE_RULES_VERSION} binary:3`

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

/** An article without its text: what the cache's JSON part holds per article. */
type Untexted = Omit<ArticleView, 'text'>

/**
 * Reads the cache in `resourcesDir`. Never fails: a missing, damaged or outdated cache gives
 * no entries and `problem` says why, for the log; those files are then parsed.
 * @param read the file as already being read (read-checked.ts).
 */
export async function readLibraryCache(
  resourcesDir: string,
  read: Promise<ReadBinary | Error> = readBinaryHere(join(resourcesDir, LIBRARY_CACHE_FILE))
): Promise<{ cache: ParsedCache; problem: string | null }> {
  const cache = new Map<string, CachedArticle>()
  try {
    const done = await read
    if (done instanceof Error) throw done
    const { bytes, bodyChecksum } = done
    // The format first: a cache of another version is not worth checking.
    const meta = binaryFileMeta(bytes) as Partial<CacheMeta> | null
    if (meta?.format !== LIBRARY_CACHE_FORMAT) {
      const found = typeof meta?.format === 'string' ? meta.format : 'none readable'
      return { cache, problem: `its format (${found}) is not ${LIBRARY_CACHE_FORMAT}` }
    }
    const file = parseBinaryFile(bytes, bodyChecksum)
    const texts = file.text('texts')
    const ends = file.u32('textEnds')
    const rest = JSON.parse(file.text('articles')) as unknown
    const { files = [], hashes = [], sizes = [], mtimes = [] } = meta
    if (
      !Array.isArray(rest) ||
      [rest.length, ends.length, hashes.length, sizes.length, mtimes.length].some(
        (length) => length !== files.length
      ) ||
      (ends.length > 0 && ends[ends.length - 1] !== texts.length)
    )
      return { cache, problem: 'its parts do not agree (damaged)' }
    let start = 0
    for (let i = 0; i < files.length; i++) {
      const untexted = rest[i] as Untexted
      const end = ends[i]!
      if (end < start || !isUntexted(untexted)) {
        cache.clear()
        return { cache, problem: 'its entries are damaged' }
      }
      // Every field named, in the order parsing makes them: a cached article is then shaped
      // like a parsed one. A spread here gave V8 a new hidden class for almost every article
      // past the first few dozen, and reading one field of each of 10,000 such articles (as a
      // search for a common word did) took 5 ms instead of 0.05 ms.
      const { id, title, author, standfirst, source, date, url, language, dir } = untexted
      const { imported, words, readingMinutes, blocks, quotes, extraction } = untexted
      const text = texts.slice(start, end)
      const article: ArticleView = {
        id,
        title,
        author,
        standfirst,
        source,
        date,
        url,
        language,
        dir,
        imported,
        words,
        readingMinutes,
        text,
        blocks,
        quotes,
        extraction
      }
      start = end
      cache.set(files[i]!, {
        hash: hashes[i]!,
        article,
        ...(sizes[i] != null ? { size: sizes[i]! } : {}),
        ...(mtimes[i] != null ? { mtimeMs: mtimes[i]! } : {})
      })
    }
    return { cache, problem: null }
  } catch (error) {
    cache.clear()
    const problem =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is none'
        : `it could not be read (${(error as Error).message})`
    return { cache, problem }
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
  const ends = new Uint32Array(files.length)
  let end = 0
  const texts: string[] = []
  const rest: Untexted[] = []
  files.forEach(({ article }, i) => {
    const { text, ...untexted } = article
    texts.push(text)
    rest.push(untexted)
    ends[i] = end += text.length
  })
  // First in the body, with a hash of its own: start-up reads it alone and sends main the list
  // before reading the rest.
  const summaries = JSON.stringify(files.map(({ article }) => summaryOf(article)))
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
    texts: texts.join(''),
    textEnds: ends,
    articles: JSON.stringify(rest)
  })
  return path
}

/**
 * Enough of an entry's shape to serve it: the file's hash and the version in the header vouch
 * for the rest, this catches a cache that is well formed but not what it claims.
 */
function isUntexted(value: unknown): value is Untexted {
  const article = value as Partial<ArticleView> | null
  return (
    typeof article === 'object' &&
    article !== null &&
    typeof article.id === 'string' &&
    typeof article.title === 'string' &&
    typeof article.words === 'number' &&
    Array.isArray(article.blocks) &&
    Array.isArray(article.quotes)
  )
}
