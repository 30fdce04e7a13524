import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBinaryFile } from '../../../src/main/library/binary-file'
import {
  readIndexWords,
  readIndexWordsEarly,
  type IndexMeta
} from '../../../src/main/library/index-words'
import {
  INDEX_FILE,
  INDEX_FORMAT,
  openCheckedIndex,
  writeIndexFile
} from '../../../src/main/library/library-index'
import { loadLibrary } from '../../../src/main/library/load-library'
import { readBinaryFiles, type ReadBinary } from '../../../src/main/library/read-checked'

async function indexed(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-words-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  await writeIndexFile(dir, await loadLibrary(join(dir, 'articles')))
  return dir
}

describe('the index words made while the index is read', () => {
  it('are the words the whole file gives, and open it to the same search', async () => {
    const dir = await indexed()
    const [reading] = readBinaryFiles([join(dir, INDEX_FILE)])
    const early = await readIndexWordsEarly(reading!, INDEX_FORMAT)
    const read = (await reading) as ReadBinary
    const file = parseBinaryFile(read.bytes, read.bodyChecksum)
    const whole = readIndexWords(file, file.meta as IndexMeta)
    expect(early?.refs).toEqual(whole.refs)
    expect(early?.terms).toEqual(whole.terms)
    expect(early?.articleIds).toEqual(whole.articleIds)
    expect(early?.vocabulary.toArrays()).toEqual(whole.vocabulary.toArrays())
    const opened = openCheckedIndex(dir, read, early)
    if (!('engine' in opened)) throw new Error(opened.reason)
    expect(opened.engine.search([{ term: 'tomato', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
    expect(opened.forward.vocabulary).toBe(early?.vocabulary)
  })

  it('count for nothing when the file then fails its check', async () => {
    const dir = await indexed()
    const path = join(dir, INDEX_FILE)
    const bytes = await readFile(path)
    bytes[bytes.length - 1]! ^= 1
    await writeFile(path, bytes)
    const [reading] = readBinaryFiles([path])
    const early = await readIndexWordsEarly(reading!, INDEX_FORMAT)
    expect(early).not.toBeNull()
    const opened = openCheckedIndex(dir, (await reading) as ReadBinary, early)
    expect(opened).toEqual({ reason: expect.stringMatching(/checksum/) })
  })

  it('are not made from a file of another format, or none', async () => {
    const dir = await indexed()
    const [reading, missing] = readBinaryFiles([join(dir, INDEX_FILE), join(dir, 'none.bin')])
    expect(await readIndexWordsEarly(reading!, INDEX_FORMAT - 1)).toBeNull()
    expect(await readIndexWordsEarly(missing!, INDEX_FORMAT)).toBeNull()
  })
})
