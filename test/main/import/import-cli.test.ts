import { cp, mkdir, mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { ExtractionClient } from '../../../src/main/import/extraction-client'
import { importIntoCollection } from '../../../src/main/import/import-cli'
import { inProcessExtractor } from '../../../src/main/import/start-extractor'

const FIXTURES = join(__dirname, '../../fixtures/import')

describe('npm run import', () => {
  it('writes clean articles into the collection and names each file it could not import', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
    const articles = join(dir, 'articles')
    const input = join(dir, 'input')
    await mkdir(articles)
    await mkdir(join(input, 'Saved_files'), { recursive: true })
    await cp(join(FIXTURES, 'ferries.html'), join(input, 'Saved.html'))
    await writeFile(join(input, 'Saved_files', 'frame.html'), '<p>a resource of the page</p>')
    await writeFile(join(input, 'huge.html'), '')
    await truncate(join(input, 'huge.html'), 60 * 1024 * 1024)
    const lines: string[] = []
    const report = await importIntoCollection(
      [input, join(FIXTURES, 'harvest.txt'), join(dir, 'gone.md')],
      articles,
      new ExtractionClient(inProcessExtractor),
      (line) => lines.push(line)
    )
    expect((await readdir(articles)).sort()).toEqual([
      'ferries-return-to-the-harbour.md',
      'harvest-festival-draws-a-crowd.md'
    ])
    expect(report.failed.map((f) => f.reason)).toEqual([
      'Too large: files over 50 MB are not imported.',
      'A resource of the saved page “Saved.html”, not an article.',
      'The file disappeared before it could be read.'
    ])
    expect(lines).toHaveLength(5)
    const written = await readFile(join(articles, 'ferries-return-to-the-harbour.md'), 'utf8')
    expect(written).not.toMatch(/imported:|extraction:/)
    expect(parseArticle('x', written)).toMatchObject({
      title: 'Ferries return to the harbour',
      imported: false,
      url: 'https://example.org/ferries'
    })
  })
})
