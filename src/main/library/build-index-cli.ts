/**
 * `npm run build` runs this (as out/main/build-index.js) to ship a prebuilt search index and the
 * parsed-library cache with the bundled articles. Fails the build when an article cannot be
 * parsed: a broken bundled article should be fixed before release, not skipped on every user's
 * machine. It parses every article afresh (never from the old cache): what ships is what this
 * build's parser makes of the files.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describeSkipped, loadLibrary } from './load-library'
import { writeShippedFiles } from './shipped-files'

async function main(): Promise<void> {
  const resourcesDir = process.env['DOSSIER_RESOURCES_DIR'] ?? join(__dirname, '../../resources')
  const articlesDir = join(resourcesDir, 'articles')
  const started = performance.now()
  const library = await loadLibrary(articlesDir)
  for (const file of library.skipped) console.error(describeSkipped(articlesDir, file))
  if (library.skipped.length > 0) process.exit(1)
  const paths = await writeShippedFiles(resourcesDir, library)
  const ms = (performance.now() - started).toFixed(0)
  console.log(`Indexed ${library.articles.length} articles in ${ms} ms → ${paths.join(', ')}`)
}

main().catch((error: unknown) => {
  console.error(`[dossier] Could not build the search index: ${(error as Error).message}`)
  process.exit(1)
})
