import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'

async function services() {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../fixtures/library-broken'), join(resourcesDir, 'articles'), {
    recursive: true
  })
  const logs: string[] = []
  const created = await createServices({
    resourcesDir,
    dataDir: join(resourcesDir, 'data'),
    log: (m) => logs.push(m)
  })
  return { ...created, logs, resourcesDir }
}

describe('createServices', () => {
  it('starts with the good articles and logs every skipped file by name', async () => {
    const { dispatch, logs, skipped } = await services()
    const list = await dispatch('library:list', undefined)
    expect(
      list.ok && (list.value as { articles: { id: string }[] }).articles.map((a) => a.id)
    ).toEqual(['good-article'])
    expect(skipped).toHaveLength(7)
    expect(logs.filter((m) => m.includes('Skipped article'))).toHaveLength(7)
    expect(logs.some((m) => m.includes('empty.md: the file is empty'))).toBe(true)
  })

  it('serves an article, searches it, and remembers the reading position', async () => {
    const { dispatch, resourcesDir } = await services()
    const article = await dispatch('library:get', { id: 'good-article' })
    expect(article).toMatchObject({ ok: true, value: { title: 'Dockers Talk of a Longer Strike' } })
    const search = await dispatch('search:query', { query: 'cafe' })
    expect(search).toMatchObject({ ok: true, value: { results: [{ articleId: 'good-article' }] } })
    const matches = await dispatch('search:matches', { articleId: 'good-article', query: 'cafe' })
    expect(matches).toMatchObject({ ok: true, value: { ranges: [{}] } })
    await dispatch('reading:save-position', { articleId: 'good-article', position: 0.4 })
    const again = await createServices({
      resourcesDir,
      dataDir: join(resourcesDir, 'data'),
      log: () => {}
    })
    expect(await again.dispatch('settings:get', undefined)).toMatchObject({
      ok: true,
      value: { positions: { 'good-article': 0.4 } }
    })
  })

  it('answers not-found for an unknown article, in every channel that takes one', async () => {
    const { dispatch } = await services()
    for (const [channel, payload] of [
      ['library:get', { id: 'missing' }],
      ['search:matches', { articleId: 'missing', query: 'x' }],
      ['reading:save-position', { articleId: 'missing', position: 0 }]
    ] as const) {
      expect(await dispatch(channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'not-found' }
      })
    }
  })
})
