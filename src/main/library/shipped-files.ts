/**
 * Everything `npm run build` ships beside the bundled articles so start-up reads instead of
 * computing: the search index and the parsed-library cache. The bench writes the same files.
 */
import { writeLibraryCache } from './library-cache'
import { writeIndexFile } from './library-index'
import type { Library } from './load-library'

/** Writes the shipped files for `library` into `resourcesDir`; returns the paths written. */
export async function writeShippedFiles(
  resourcesDir: string,
  library: Pick<Library, 'articles' | 'files'>
): Promise<string[]> {
  const index = await writeIndexFile(resourcesDir, library)
  const cache = await writeLibraryCache(resourcesDir, library.files)
  return [index, cache]
}
