/**
 * The library's list read by main from the parsed-library cache's summaries section alone, while
 * the index worker starts (services.ts): the worker's own list comes only once its process is up,
 * its code loaded and the articles read, and main shows the library that much sooner.
 *
 * Trusted as far as the cache vouches for it: the format matches, the section matches its own
 * hash, and the articles folder holds exactly the files it lists. Whether each file is unchanged
 * since the build is the worker's to check (10,000 stats take longer than the rest of the
 * list): its list, from the articles themselves, confirms or corrects this one
 * (index-worker-client.ts).
 */
import { join } from 'node:path'
import type { ArticleSummary } from '@shared/model/article'
import { readBinarySection } from './binary-file'
import { fileHash, LIBRARY_CACHE_FILE, LIBRARY_CACHE_FORMAT } from './library-cache'
import { articleFileNames, inLibraryOrder } from './load-library'

interface ListMeta {
  format: string
  files: string[]
  summariesSha256: string
}

/** The list main read, and the hash of the section it was read from, which names it. */
export interface CachedList {
  summaries: ArticleSummary[]
  digest: string
}

/**
 * The list (in library order) if the cache vouches for the article files in `articlesDir`; null
 * when it cannot (no cache, another format, a damaged section, a file added or removed): the
 * caller then reads the library as before. Never throws.
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
    const { format, files, summariesSha256 } = (meta ?? {}) as Partial<ListMeta>
    if (format !== LIBRARY_CACHE_FORMAT || !files) return null
    if (fileHash(bytes) !== summariesSha256) return null
    const summaries = JSON.parse(bytes.toString('utf8')) as unknown
    if (!Array.isArray(summaries) || summaries.length !== files.length) return null
    if (names.length !== files.length || names.some((name, i) => name !== files[i])) return null
    if (!summaries.every((s: Partial<ArticleSummary> | null) => typeof s?.title === 'string'))
      return null
    return {
      summaries: (summaries as ArticleSummary[]).sort(inLibraryOrder),
      digest: summariesSha256
    }
  } catch {
    return null
  }
}
