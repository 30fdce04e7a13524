import { statSync, type Stats } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { inLibraryOrder, type ArticleView, type SkippedFile } from '@shared/model/article'
import { parseArticle } from '@shared/content/parse-article'
import { fileHash, type CachedArticle, type LoadedFile, type ParsedCache } from './library-cache'

/**
 * Largest article file read. The longest news features run to ~100k words (~0.7 MB); a file
 * past this is almost certainly not an article and would stall start-up.
 */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown'])

export interface Library {
  articles: ArticleView[]
  skipped: SkippedFile[]
  /** Each article with its file and the hash of its bytes: what the parsed-library cache holds. */
  files: LoadedFile[]
  /** How many articles came from the cache instead of being parsed. */
  cached: number
}

export interface LoadOptions {
  /** Hears the fraction of files read (0–1) after each one. */
  onProgress?: (fraction: number) => void
  /**
   * Articles parsed before (library-cache.ts): a file whose bytes still match is not parsed, and
   * one whose size and modification time still match is not even read.
   */
  cache?: ParsedCache
}

/** The article files' names in `dir`, sorted: the order they are read in. */
export async function articleFileNames(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
}

/** An article's id is its file name, lower-cased and reduced to a URL-safe slug. */
export function articleIdFromFile(fileName: string): string {
  const name = basename(fileName, extname(fileName))
  // Printable ASCII has no decomposition and no marks: most names, and 10,000 at start-up.
  const plain = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}+/gu, '')
  const slug = plain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return slug === '' ? 'article' : slug
}

/**
 * Reads every article file in `dir`. A file that cannot be read or parsed is skipped with a
 * reason naming it, so one bad file never keeps the others from loading.
 * Articles come back newest first (undated last), then by title.
 */
export async function loadLibrary(
  dir: string,
  { onProgress, cache }: LoadOptions = {}
): Promise<Library> {
  const skipped: SkippedFile[] = []
  let names: string[]
  try {
    names = await articleFileNames(dir)
  } catch (error) {
    return {
      articles: [],
      skipped: [
        { file: dir, reason: `the articles folder cannot be read (${(error as Error).message})` }
      ],
      files: [],
      cached: 0
    }
  }

  const articles: ArticleView[] = []
  const files: LoadedFile[] = []
  let cached = 0
  const seen = new Set<string>()
  const sorted = names
  // Files are read a few ahead of the one being parsed: with the cache, a library loads about
  // as fast as its files can be read, and one at a time that waits on each read in turn.
  const reads = new Map<number, FileRead | Promise<FileRead>>()
  for (const [done, name] of sorted.entries()) {
    onProgress?.(done / sorted.length)
    for (let ahead = done; ahead < Math.min(sorted.length, done + READ_AHEAD); ahead++) {
      if (reads.has(ahead)) continue
      const path = join(dir, sorted[ahead]!)
      const entry = cache?.get(sorted[ahead]!)
      reads.set(
        ahead,
        (cache && unreadIfUnchanged(path, entry)) ?? readArticleFile(path, entry, !!cache)
      )
    }
    // Not awaited when there is nothing to wait for: a cached library is 10,000 files whose
    // one stat each answered synchronously, and an await each cost more than the stat.
    const pending = reads.get(done)!
    const read = pending instanceof Promise ? await pending : pending
    reads.delete(done)
    try {
      if (read === 'not a file') continue
      if (read instanceof Error) throw read
      const id = articleIdFromFile(name)
      if (seen.has(id)) throw new Error(`another file already has the id "${id}"`)
      const hit = cache?.get(name)
      // Unread only when an entry vouched for it; one made under another id is not reused.
      const bytes = read.bytes ?? (hit?.article.id === id ? null : await readFile(join(dir, name)))
      const hash = bytes ? fileHash(bytes) : hit!.hash
      const reuse = hit !== undefined && hit.hash === hash && hit.article.id === id
      const article = reuse
        ? hit.article
        : parseArticle(id, new TextDecoder('utf-8').decode(bytes!))
      if (reuse) cached++
      seen.add(id)
      articles.push(article)
      files.push({ file: name, hash, article, size: read.size, mtimeMs: read.mtimeMs })
    } catch (error) {
      skipped.push({ file: name, reason: (error as Error).message })
    }
  }
  articles.sort(inLibraryOrder)
  return { articles, skipped, files, cached }
}

export { inLibraryOrder }

/**
 * The library `loadLibrary` reads when every file is the one `cache` was made from
 * (unchanged-files.ts vouches for that): its articles and files, without a look at each file.
 */
export function cachedLibrary(cache: ParsedCache): Library {
  const files: LoadedFile[] = []
  for (const [file, entry] of cache) files.push({ file, ...entry })
  const articles = files.map(({ article }) => article).sort(inLibraryOrder)
  return { articles, skipped: [], files, cached: files.length }
}

/** Files read ahead of the one being parsed: enough to keep Node's file-system threads busy. */
const READ_AHEAD = 16

/** A file's size and modification time, and its bytes unless the cache vouches for them. */
interface ReadFile {
  bytes: Uint8Array | null
  size: number
  mtimeMs: number
}

type FileRead = ReadFile | 'not a file' | Error

/**
 * A file's bytes, unless it is no regular file or is too large, or `cached` was made from a
 * file of the same size and modification time (then no bytes: the cached hash stands for them);
 * never rejects.
 * @param syncStat stat the file synchronously: the index worker, on a thread of its own, checks
 *   10,000 cached files this way in ~30 ms of CPU time, a promise per file takes ~10× that.
 */
async function readArticleFile(
  path: string,
  cached: CachedArticle | undefined,
  syncStat: boolean
): Promise<FileRead> {
  try {
    const info: Stats = syncStat ? statSync(path) : await stat(path)
    if (!info.isFile()) return 'not a file'
    const { size, mtimeMs } = info
    if (size > MAX_ARTICLE_BYTES) {
      return new Error(
        `it is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article`
      )
    }
    if (cached?.size === size && cached.mtimeMs === mtimeMs) return { bytes: null, size, mtimeMs }
    return { bytes: await readFile(path), size, mtimeMs }
  } catch (error) {
    return error as Error
  }
}

/**
 * A file's stamps without its bytes when `cached` was made from a file of the same size and
 * modification time; null when it must be read (`readArticleFile` says why, if anything is
 * wrong). Synchronous: the index worker checks 10,000 cached files this way.
 */
function unreadIfUnchanged(path: string, cached: CachedArticle | undefined): ReadFile | null {
  if (cached?.size === undefined) return null
  try {
    const { size, mtimeMs } = statSync(path)
    return cached.size === size && cached.mtimeMs === mtimeMs
      ? { bytes: null, size, mtimeMs }
      : null
  } catch {
    return null
  }
}

/** The line logged for a skipped file. */
export function describeSkipped(dir: string, file: SkippedFile): string {
  return `[dossier] Skipped article ${join(dir, file.file)}: ${file.reason}`
}
