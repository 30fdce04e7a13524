import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleIdFor } from '@shared/import/article-id'
import { IMPORTED_DIR, ImportedStore } from '../../../src/main/import/imported-store'
import { runPipeline } from '../../../src/main/import/import-pipeline'

const extracted = (text: string) => {
  const result = runPipeline({ name: 'a.txt', bytes: new TextEncoder().encode(text) })
  if (!result.ok) throw new Error(result.reason)
  return result
}

/** A fresh data folder and store, holding one imported article of this title. */
async function storeWith(title: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-store-'))
  const store = await ImportedStore.open(dataDir, () => {})
  const article = await store.add(
    extracted(`${title}\n\nThe words of the article.`),
    new Uint8Array([1]),
    () => false
  )
  return { dataDir, store, article }
}

describe('ImportedStore after a crash mid-import', () => {
  it('clears an original whose article was never written, and a half-written temporary file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-store-'))
    const dir = join(dataDir, IMPORTED_DIR)
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'cut-short-abc123.original.html'), '<p>the original</p>')
    await writeFile(join(dir, 'cut-short-abc123.md.4123456'), '---\ntitle: Half')
    const store = await ImportedStore.open(dataDir, () => {})
    expect(store.articles()).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['trash'])
  })

  it('leaves no article when writing it fails, and the rest of the library as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-store-'))
    const store = await ImportedStore.open(dataDir, () => {})
    const kept = await store.add(
      extracted('Kept\n\nA first article.'),
      new Uint8Array([1]),
      () => false
    )
    const doomed = extracted('Doomed\n\nA second article.')
    // A folder where the article file must go: the write fails after the original is written,
    // as a crash between the two would leave it.
    const id = articleIdFor(doomed.meta.title, doomed.contentHash, (taken) => taken === kept.id)
    await mkdir(join(dataDir, IMPORTED_DIR, `${id}.md`))
    await expect(store.add(doomed, new Uint8Array([2]), () => false)).rejects.toThrow()
    expect(store.articles().map((a) => a.id)).toEqual([kept.id])
    const reopened = await ImportedStore.open(dataDir, () => {})
    expect(reopened.articles().map((a) => a.id)).toEqual([kept.id])
    expect(await readdir(join(dataDir, IMPORTED_DIR))).not.toContain(`${id}.original.txt`)
  })
})

describe('ImportedStore with a damaged article file', () => {
  const articleFile = (dataDir: string, id: string) => join(dataDir, IMPORTED_DIR, `${id}.md`)

  it('restores an article damaged after its import from the copy made then, and says so', async () => {
    const { dataDir, article } = await storeWith('Kept Safe')
    await writeFile(articleFile(dataDir, article.id), '\u0000\u0000\u0000 garbage')
    const reopened = await ImportedStore.open(dataDir, () => {})
    expect(reopened.get(article.id)?.text).toBe(article.text)
    expect(reopened.notices).toHaveLength(1)
    expect(reopened.notices[0]).toMatch(
      /^The imported article “Kept Safe” \(.*\.md\) was damaged \(.*\); it was restored from its previous copy\. The damaged file was kept as .*\.md\.damaged-\d+\.$/
    )
    expect(await readFile(articleFile(dataDir, article.id), 'utf8')).not.toContain('garbage')
    expect((await ImportedStore.open(dataDir, () => {})).notices).toEqual([])
  })

  it('after an edit, restores the version before it; a missing file comes back too', async () => {
    const { dataDir, store, article } = await storeWith('First Title')
    const { id } = article
    await store.edit(id, { title: 'Second Title' })
    await store.edit(id, { title: 'Third Title' })
    await writeFile(articleFile(dataDir, id), '---\ntitle: Thi')
    expect((await ImportedStore.open(dataDir, () => {})).get(id)?.title).toBe('Second Title')
    await rm(articleFile(dataDir, id))
    const reopened = await ImportedStore.open(dataDir, () => {})
    expect(reopened.get(id)?.title).toBe('Second Title')
    expect(reopened.notices[0]).toMatch(/was damaged \(it was missing\)/)
  })

  it('keeps the previous copy with the article through removal and restoring', async () => {
    const { dataDir, store, article } = await storeWith('Moved About')
    const { id } = article
    await store.remove(id)
    expect(await readdir(join(dataDir, IMPORTED_DIR))).not.toContain(`${id}.md.prev`)
    expect((await ImportedStore.open(dataDir, () => {})).get(id)).toBeUndefined()
    await store.restore(id)
    await writeFile(articleFile(dataDir, id), '')
    expect((await ImportedStore.open(dataDir, () => {})).get(id)?.title).toBe('Moved About')
  })
})
