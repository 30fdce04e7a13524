import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contentHash,
  INDEX_FILE,
  loadOrBuildIndex,
  writeIndexFile
} from '../../../src/main/library/library-index'
import { loadLibrary } from '../../../src/main/library/load-library'

async function resourcesCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  return dir
}

describe('the prebuilt search index', () => {
  it('is used at start-up when it matches the articles', async () => {
    const dir = await resourcesCopy()
    const { articles } = await loadLibrary(join(dir, 'articles'))
    await writeIndexFile(dir, articles)
    const logs: string[] = []
    const { engine, origin } = await loadOrBuildIndex(dir, articles, (m) => logs.push(m))
    expect(origin).toBe('prebuilt')
    expect(logs).toEqual([])
    expect(engine.search([{ term: 'tomato', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
  })

  it('is rebuilt, with a logged reason, when an article changed after the build', async () => {
    const dir = await resourcesCopy()
    await writeIndexFile(dir, (await loadLibrary(join(dir, 'articles'))).articles)
    await writeFile(
      join(dir, 'articles', 'garden-notes.md'),
      '---\ntitle: Notes\n---\n\nCucumbers now.\n'
    )
    const { articles } = await loadLibrary(join(dir, 'articles'))
    const logs: string[] = []
    const { engine, origin } = await loadOrBuildIndex(dir, articles, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(logs[0]).toMatch(/articles changed/)
    expect(engine.search([{ term: 'cucumb', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
  })

  it.each([
    ['missing', null, /there is none/],
    ['not JSON', '{nope', /could not be read/],
    ['of another format', JSON.stringify({ format: 0, hash: 'x', index: {} }), /format 0/]
  ])('is rebuilt when the file is %s', async (_case, content, reason) => {
    const dir = await resourcesCopy()
    const { articles } = await loadLibrary(join(dir, 'articles'))
    if (content !== null) await writeFile(join(dir, INDEX_FILE), content)
    const logs: string[] = []
    const { origin } = await loadOrBuildIndex(dir, articles, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(logs[0]).toMatch(reason)
  })

  it('reports build progress up to 1 when it rebuilds, and none when the prebuilt one loads', async () => {
    const dir = await resourcesCopy()
    const { articles } = await loadLibrary(join(dir, 'articles'))
    const building: number[] = []
    await loadOrBuildIndex(
      dir,
      articles,
      () => {},
      (fraction) => building.push(fraction)
    )
    expect(building.at(-1)).toBe(1)
    expect(building).toEqual([...building].sort((a, b) => a - b))
    await writeIndexFile(dir, articles)
    const loading: number[] = []
    await loadOrBuildIndex(
      dir,
      articles,
      () => {},
      (fraction) => loading.push(fraction)
    )
    expect(loading).toEqual([])
  })

  it('changes its hash when any indexed field changes, not only the text', async () => {
    const { articles } = await loadLibrary(join(__dirname, '../../fixtures/library'))
    const renamed = articles.map((a, i) => (i === 0 ? { ...a, author: 'Someone Else' } : a))
    const moved = articles.map((a, i) => (i === 0 ? { ...a, source: 'Another Paper' } : a))
    expect(contentHash(renamed)).not.toBe(contentHash(articles))
    expect(contentHash(moved)).not.toBe(contentHash(articles))
  })

  it('hashes content, not file order', async () => {
    const { articles } = await loadLibrary(join(__dirname, '../../fixtures/library'))
    expect(contentHash(articles)).toBe(contentHash([...articles].reverse()))
    expect(contentHash(articles)).not.toBe(contentHash(articles.slice(1)))
  })
})
