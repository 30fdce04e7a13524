import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
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
