import { mkdtemp, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  articleIdFromFile,
  describeSkipped,
  loadLibrary,
  MAX_ARTICLE_BYTES
} from '../../../src/main/library/load-library'

const fixtures = join(__dirname, '../../fixtures')

describe('loadLibrary', () => {
  it('loads the good articles and skips each broken file with a reason naming it', async () => {
    const library = await loadLibrary(join(fixtures, 'library-broken'))
    expect(library.articles.map((a) => a.id)).toEqual(['good-article'])
    const reasons = Object.fromEntries(library.skipped.map((s) => [s.file, s.reason]))
    expect(Object.keys(reasons).sort()).toEqual([
      'bad-date.md',
      'binary-garbage.md',
      'broken-front-matter.md',
      'empty.md',
      'no-body.md',
      'no-front-matter.md',
      'no-title.md'
    ])
    expect(reasons['empty.md']).toMatch(/empty/)
    expect(reasons['binary-garbage.md']).toMatch(/not text/)
    expect(reasons['broken-front-matter.md']).toMatch(/YAML/)
    expect(describeSkipped('/lib', { file: 'empty.md', reason: 'the file is empty' })).toBe(
      '[dossier] Skipped article /lib/empty.md: the file is empty'
    )
  })

  it('lists articles newest first, undated last', async () => {
    const library = await loadLibrary(join(fixtures, 'library'))
    expect(library.articles.map((a) => a.id)).toEqual([
      'summit-diary',
      'harbour-strike',
      'garden-notes'
    ])
  })

  it('refuses a file over the size limit without reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-lib-'))
    const path = join(dir, 'huge.md')
    await writeFile(path, '---\ntitle: Huge\n---\n\n')
    await truncate(path, MAX_ARTICLE_BYTES + 1)
    const library = await loadLibrary(dir)
    expect(library.articles).toEqual([])
    expect(library.skipped[0]?.reason).toMatch(/MB limit/)
  })

  it('reports a missing articles folder instead of failing', async () => {
    const library = await loadLibrary(join(fixtures, 'no-such-folder'))
    expect(library.articles).toEqual([])
    expect(library.skipped[0]?.reason).toMatch(/cannot be read/)
  })

  it('skips the second of two files that would share an id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-lib-'))
    await writeFile(join(dir, 'Same Name.md'), '---\ntitle: A\n---\n\nText.\n')
    await writeFile(join(dir, 'same-name.md'), '---\ntitle: B\n---\n\nText.\n')
    const library = await loadLibrary(dir)
    expect(library.articles).toHaveLength(1)
    expect(library.skipped[0]?.reason).toMatch(/already has the id "same-name"/)
  })
})

describe('articleIdFromFile', () => {
  it.each([
    ['north-korea-snubs-trump.md', 'north-korea-snubs-trump'],
    ['Café Society (2).markdown', 'cafe-society-2'],
    ['../../etc/passwd.md', 'passwd'],
    ['🙂.md', 'article']
  ])('turns %s into %s', (file, id) => {
    expect(articleIdFromFile(file)).toBe(id)
  })
})
