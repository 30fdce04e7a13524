/**
 * The library's list read from the parsed-library cache's summaries section alone, before the
 * rest of the cache (73 MiB at 10,000 articles) is read, hashed and parsed: main shows the
 * library that much sooner. Trusted only as far as the full read would take the same entries
 * unread: the cache's format matches, the section matches its own hash, and the articles
 * folder holds exactly the files it lists, each with the size and modification time it had.
 * The full read follows regardless and corrects the list if it differs (serve-index.ts).
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { ArticleSummary } from '@shared/model/article'
import { readBinarySection } from './binary-file'
import { fileHash, LIBRARY_CACHE_FILE, LIBRARY_CACHE_FORMAT } from './library-cache'
import { articleFileNames, articleIdFromFile, inLibraryOrder, type FileStamp } from './load-library'

interface ListMeta {
  format: string
  files: string[]
  sizes: (number | null)[]
  mtimes: (number | null)[]
  summariesSha256: string
}

/** The list, and the article files as found while checking it (for `loadLibrary`'s `stamps`). */
export interface CachedList {
  summaries: ArticleSummary[]
  stamps: Map<string, FileStamp>
}

/**
 * The list (in library order) if the cache vouches for every article file in `articlesDir`;
 * null when it cannot (no cache, another format, a damaged section, a file added, removed or
 * changed): the caller then reads the library as before. Never throws.
 */
export async function readCachedList(
  resourcesDir: string,
  articlesDir: string
): Promise<CachedList | null> {
  try {
    const [{ meta, bytes }, names] = await Promise.all([
      readBinarySection(join(resourcesDir, LIBRARY_CACHE_FILE), 'summaries'),
      articleFileNames(articlesDir)
    ])
    const { format, files, sizes, mtimes, summariesSha256 } = (meta ?? {}) as Partial<ListMeta>
    if (format !== LIBRARY_CACHE_FORMAT || !files || !sizes || !mtimes) return null
    if (fileHash(bytes) !== summariesSha256) return null
    const summaries = JSON.parse(bytes.toString('utf8')) as unknown
    if (!Array.isArray(summaries) || summaries.length !== files.length) return null
    if (names.length !== files.length || names.some((name, i) => name !== files[i])) return null
    const stamps = new Map<string, FileStamp>()
    for (const [i, name] of names.entries()) {
      // Synchronous, as load-library checks cached files: a promise each costs ten times more.
      const info = statSync(join(articlesDir, name))
      const summary = summaries[i] as Partial<ArticleSummary> | null
      if (!info.isFile() || info.size !== sizes[i] || info.mtimeMs !== mtimes[i]) return null
      if (summary?.id !== articleIdFromFile(name) || typeof summary.title !== 'string') return null
      stamps.set(name, { size: info.size, mtimeMs: info.mtimeMs })
    }
    return { summaries: (summaries as ArticleSummary[]).sort(inLibraryOrder), stamps }
  } catch {
    return null
  }
}
