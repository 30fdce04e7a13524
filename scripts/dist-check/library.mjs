// The bundled library in a packed app: the articles and the two files `npm run build` makes
// from them, beside app.asar where src/main/paths.ts looks when packaged.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The prebuilt index, the parsed-library cache and its texts (INDEX_FILE, LIBRARY_CACHE_FILE,
 * LIBRARY_TEXTS_FILE in src/main).
 */
export const LIBRARY_FILES = ['library-index.bin', 'library-cache.bin', 'library-texts.bin']

/**
 * What differs between the packed library folder and the repository's `resources/`: every
 * article packed, and the index, cache and texts packed as built (a stale or missing one would make
 * every installed copy rebuild at start-up).
 * @param {string} packed the packed library folder
 * @param {string} built the repository's resources folder
 * @returns {string[]}
 */
export function libraryProblems(packed, built) {
  if (!existsSync(packed)) return [`no library folder at ${packed}`]
  const articles = (dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.md'))
          .sort()
      : []
  const want = articles(join(built, 'articles'))
  const have = new Set(articles(join(packed, 'articles')))
  const problems = want
    .filter((name) => !have.has(name))
    .map((name) => `article ${name} not packed`)
  if (want.length === 0) problems.push('the repository has no articles to pack')
  for (const file of LIBRARY_FILES) {
    const packedFile = join(packed, file)
    if (!existsSync(packedFile)) problems.push(`${file} not packed beside the articles`)
    else if (!readFileSync(packedFile).equals(readFileSync(join(built, file))))
      problems.push(`${file} packed differs from the one built`)
  }
  return problems
}
