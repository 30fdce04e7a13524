/**
 * `npm run import -- FILES…` (out/import/import.js): brings saved pages, Markdown and text
 * files into the bundled collection, `resources/articles/`, through the app's own import
 * pipeline and extraction process. Each file is reported with what became of it; a file that
 * cannot be imported is named with its reason and the rest go on. Folders are read whole.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { articleFile } from '@shared/import/article-file'
import { slugOf } from '@shared/import/article-id'
import { IMPORT_MAX_BYTES, importExtension } from '@shared/import/limits'
import { ExtractionClient } from './extraction-client'
import { forkExtractor } from './start-extractor'

export interface CliReport {
  imported: string[]
  failed: { file: string; reason: string }[]
}

/** Imports `paths` into `articlesDir`; `say` prints a line per file. */
export async function importIntoCollection(
  paths: readonly string[],
  articlesDir: string,
  extraction: ExtractionClient,
  say: (line: string) => void
): Promise<CliReport> {
  const report: CliReport = { imported: [], failed: [] }
  const files = (await Promise.all(paths.map((path) => filesUnder(resolve(path))))).flat()
  const taken = new Set((await readdir(articlesDir)).map((name) => name.replace(/\.md$/, '')))
  for (const { file, folder } of files) {
    const shown = relative(process.cwd(), file) || file
    const fail = (reason: string) => {
      report.failed.push({ file: shown, reason })
      say(`✗ ${shown}: ${reason}`)
    }
    let bytes: Buffer
    try {
      // Refused by its size before it is read: a huge file costs nothing.
      if ((await stat(file)).size > IMPORT_MAX_BYTES) {
        fail(`Too large: files over ${IMPORT_MAX_BYTES / 1048576} MB are not imported.`)
        continue
      }
      bytes = await readFile(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      fail(
        code === 'ENOENT'
          ? 'The file disappeared before it could be read.'
          : `Could not be read (${code}).`
      )
      continue
    }
    const path = folder ? relative(folder, file) : undefined
    const result = await extraction.extract({ name: file, ...(path ? { path } : {}), bytes })
    if (!result.ok) {
      fail(result.reason)
      continue
    }
    const slug = slugOf(result.meta.title)
    let id = slug
    for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`
    taken.add(id)
    const { extraction: _extraction, imported: _imported, ...meta } = result.meta
    const target = join(articlesDir, `${id}.md`)
    await writeFile(target, articleFile(meta, result.body), { flag: 'wx' })
    report.imported.push(target)
    say(`✓ ${shown} → ${relative(process.cwd(), target)} (${result.reason})`)
  }
  return report
}

/** A file, or every importable file under a folder (with the folder, to pair `_files`). */
async function filesUnder(path: string): Promise<{ file: string; folder?: string }[]> {
  let info
  try {
    info = await stat(path)
  } catch {
    return [{ file: path }]
  }
  if (!info.isDirectory()) return [{ file: path }]
  const entries = await readdir(path, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && importExtension(entry.name) !== null)
    .map((entry) => ({ file: join(entry.parentPath, entry.name), folder: path }))
    .sort((a, b) => a.file.localeCompare(b.file))
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2)
  if (paths.length === 0) {
    console.error('Usage: npm run import -- FILE_OR_FOLDER…')
    process.exit(2)
  }
  const resourcesDir = process.env['DOSSIER_RESOURCES_DIR'] ?? join(__dirname, '../../resources')
  const extraction = new ExtractionClient(forkExtractor(join(__dirname, 'import-worker.js')))
  try {
    const report = await importIntoCollection(
      paths,
      join(resourcesDir, 'articles'),
      extraction,
      (line) => console.log(line)
    )
    console.log(
      `Imported ${report.imported.length}, failed ${report.failed.length}. Run \`npm run build\` to index them.`
    )
    if (report.failed.length > 0) process.exitCode = 1
  } finally {
    extraction.close()
  }
}

if (require.main === module) void main()
