/**
 * The serialised search index shipped with the app. `npm run build` writes it next to the
 * articles with a hash of their content; at start-up it is used only if that hash still
 * matches the articles on disk, so an edited or added article can never be searched stale.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleView } from '@shared/model/article'
import { SearchEngine } from '@shared/search/lunr-engine'
import { toIndexedDocument } from '@shared/search/search-service'

export const INDEX_FILE = 'library-index.json'
/**
 * Bump when analysis (tokenising, folding, stemming) or the index layout changes.
 * 3: the compact layout of `SearchEngine#toJSON` (flat postings, no lunr JSON).
 * 4: each Han, kana and Hangul character a word of its own; invisible joiners kept in words.
 */
export const INDEX_FORMAT = 4

interface IndexFile {
  format: number
  hash: string
  index: object
}

/** Hash of everything the index is built from: the analysis version and each article's text. */
export function contentHash(articles: readonly ArticleView[]): string {
  const hash = createHash('sha256').update(`dossier-index:${INDEX_FORMAT}\n`)
  // Exactly what the index is built from, so any indexed field (source, author) counts.
  for (const article of [...articles].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${JSON.stringify(toIndexedDocument(article))}\n`)
  }
  return hash.digest('hex')
}

/** Indexes the articles; `onProgress` hears the fraction done (0–1) now and then. */
export function buildEngine(
  articles: readonly ArticleView[],
  onProgress?: (fraction: number) => void
): SearchEngine {
  return SearchEngine.build(articles.map(toIndexedDocument), onProgress)
}

export async function writeIndexFile(
  resourcesDir: string,
  articles: readonly ArticleView[]
): Promise<string> {
  const file: IndexFile = {
    format: INDEX_FORMAT,
    hash: contentHash(articles),
    index: buildEngine(articles).toJSON()
  }
  const path = join(resourcesDir, INDEX_FILE)
  await writeFile(path, JSON.stringify(file))
  return path
}

export type IndexOrigin = 'prebuilt' | 'rebuilt'

/**
 * Loads the prebuilt index when it matches `articles`, else builds one in memory and says why.
 * Never fails: any problem with the file only costs a rebuild. Synchronous parts (parsing,
 * building) run long for a large library: call it off the main thread (see index-worker.ts).
 * @param onProgress hears the fraction done (0–1): loading is quick, building reports as it goes.
 */
export async function loadOrBuildIndex(
  resourcesDir: string,
  articles: readonly ArticleView[],
  log: (message: string) => void = () => {},
  onProgress: (fraction: number) => void = () => {}
): Promise<{ engine: SearchEngine; origin: IndexOrigin }> {
  const path = join(resourcesDir, INDEX_FILE)
  let reason: string
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as Partial<IndexFile>
    if (file.format !== INDEX_FORMAT)
      reason = `its format ${String(file.format)} is not ${INDEX_FORMAT}`
    else if (file.hash !== contentHash(articles)) reason = 'the articles changed since it was built'
    else if (!file.index || typeof file.index !== 'object') reason = 'it holds no index'
    else return { engine: SearchEngine.load(file.index), origin: 'prebuilt' }
  } catch (error) {
    reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is none'
        : `it could not be read (${(error as Error).message})`
  }
  log(`[dossier] Rebuilding the search index: ${reason} (${path})`)
  return { engine: buildEngine(articles, onProgress), origin: 'rebuilt' }
}
