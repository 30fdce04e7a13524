import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  INDEX_FILE,
  libraryFingerprint,
  loadOrBuildIndex,
  oneByteIfFit,
  twoBytesIfFit,
  writeIndexFile
} from '../../../src/main/library/library-index'
import { parseBinaryFile } from '../../../src/main/library/binary-file'
import { LibraryForward } from '../../../src/shared/search/library-forward'
import { loadLibrary } from '../../../src/main/library/load-library'
import { asFirstLayout } from '../../support/first-layout'

async function resourcesCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
  await cp(join(__dirname, '../../fixtures/library'), join(dir, 'articles'), { recursive: true })
  return dir
}

describe('the prebuilt search index', () => {
  it('is used at start-up when it matches the articles', async () => {
    const dir = await resourcesCopy()
    const library = await loadLibrary(join(dir, 'articles'))
    await writeIndexFile(dir, library)
    const logs: string[] = []
    const { engine, forward, origin } = await loadOrBuildIndex(dir, library, (m) => logs.push(m))
    expect(origin).toBe('prebuilt')
    expect(forward?.texts.size).toBe(library.articles.length)
    expect(logs).toEqual([])
    expect(engine.search([{ term: 'tomato', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
  })

  it('is rebuilt, with a logged reason, when an article changed after the build', async () => {
    const dir = await resourcesCopy()
    await writeIndexFile(dir, await loadLibrary(join(dir, 'articles')))
    await writeFile(
      join(dir, 'articles', 'garden-notes.md'),
      '---\ntitle: Notes\n---\n\nCucumbers now.\n'
    )
    const library = await loadLibrary(join(dir, 'articles'))
    const logs: string[] = []
    const { engine, origin } = await loadOrBuildIndex(dir, library, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(logs[0]).toMatch(/articles changed/)
    expect(engine.search([{ term: 'cucumb', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
  })

  it.each([
    ['missing', null, /there is none/],
    ['not a binary file', '{nope', /could not be read \(it is not a Dossier binary file\)/],
    ['of an older format', JSON.stringify({ format: 4, hash: 'x', index: {} }), /not a Dossier/]
  ])('is rebuilt when the file is %s', async (_case, content, reason) => {
    const dir = await resourcesCopy()
    const library = await loadLibrary(join(dir, 'articles'))
    if (content !== null) await writeFile(join(dir, INDEX_FILE), content)
    const logs: string[] = []
    const { origin } = await loadOrBuildIndex(dir, library, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(logs[0]).toMatch(reason)
  })

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), /bytes long/],
    ['cut in its header', (bytes: Buffer) => bytes.subarray(0, 20), /truncated|damaged/],
    [
      'zeroed in a block',
      (bytes: Buffer) =>
        Buffer.concat([bytes.subarray(0, 600), Buffer.alloc(256), bytes.subarray(856)]),
      /damaged/
    ],
    [
      'overwritten with garbage at the end',
      (bytes: Buffer) =>
        Buffer.concat([bytes.subarray(0, bytes.length - 64), Buffer.alloc(64, 0xa5)]),
      /do not match their checksum/
    ],
    // Its format number as now, its layout not: only the layout's own check can tell.
    ['of the first binary layout', asFirstLayout, /older layout/]
  ])('is rebuilt, never crashing, when the file is %s', async (_case, damage, reason) => {
    const dir = await resourcesCopy()
    const library = await loadLibrary(join(dir, 'articles'))
    await writeIndexFile(dir, library)
    const path = join(dir, INDEX_FILE)
    await writeFile(path, damage(await readFile(path)))
    const logs: string[] = []
    const { engine, forward, origin } = await loadOrBuildIndex(dir, library, (m) => logs.push(m))
    expect(origin).toBe('rebuilt')
    expect(forward).toBeUndefined()
    expect(logs[0]).toMatch(reason)
    expect(engine.search([{ term: 'tomato', kind: 'exact' }]).map((h) => h.id)).toEqual([
      'garden-notes'
    ])
  })

  it('reports build progress up to 1 when it rebuilds, and none when the prebuilt one loads', async () => {
    const dir = await resourcesCopy()
    const library = await loadLibrary(join(dir, 'articles'))
    const building: number[] = []
    await loadOrBuildIndex(
      dir,
      library,
      () => {},
      (fraction) => building.push(fraction)
    )
    expect(building.at(-1)).toBe(1)
    expect(building).toEqual([...building].sort((a, b) => a - b))
    await writeIndexFile(dir, library)
    const loading: number[] = []
    await loadOrBuildIndex(
      dir,
      library,
      () => {},
      (fraction) => loading.push(fraction)
    )
    expect(loading).toEqual([])
  })

  it('changes its fingerprint when any file changes, and not with their order', async () => {
    const { files } = await loadLibrary(join(__dirname, '../../fixtures/library'))
    const edited = files.map((f, i) => (i === 0 ? { ...f, hash: 'another' } : f))
    const renamed = files.map((f, i) => (i === 0 ? { ...f, file: 'other.md' } : f))
    expect(libraryFingerprint(edited)).not.toBe(libraryFingerprint(files))
    expect(libraryFingerprint(renamed)).not.toBe(libraryFingerprint(files))
    expect(libraryFingerprint([...files].reverse())).toBe(libraryFingerprint(files))
    expect(libraryFingerprint(files.slice(1))).not.toBe(libraryFingerprint(files))
  })
})

describe('the index file’s term ids and document numbers', () => {
  it('takes two bytes each when every value fits, four otherwise', () => {
    const fits = twoBytesIfFit(Uint32Array.of(0, 7, 0xffff))
    expect(fits).toBeInstanceOf(Uint16Array)
    expect([...fits]).toEqual([0, 7, 0xffff])
    const over = Uint32Array.of(0, 0x10000)
    expect(twoBytesIfFit(over)).toBe(over)
  })

  it('keeps term frequencies in one byte each when every one fits, as they were otherwise', () => {
    expect(oneByteIfFit(Uint16Array.of(1, 255))).toEqual(Uint8Array.of(1, 255))
    const over = Uint16Array.of(1, 256)
    expect(oneByteIfFit(over)).toBe(over)
  })

  it('are written small for a small library and read back to the same search', async () => {
    const dir = await resourcesCopy()
    const library = await loadLibrary(join(dir, 'articles'))
    await writeIndexFile(dir, library)
    const file = parseBinaryFile(await readFile(join(dir, INDEX_FILE)))
    expect(file.unsigned('termIds')).toBeInstanceOf(Uint16Array)
    expect(file.unsigned('docs1')).toBeInstanceOf(Uint16Array)
    expect(file.unsigned('tfs1')).toBeInstanceOf(Uint8Array)
    const { forward, origin } = await loadOrBuildIndex(dir, library)
    expect(origin).toBe('prebuilt')
    const built = LibraryForward.build(library.articles)
    for (const article of library.articles)
      expect([...forward!.texts.get(article.id)!.termIds]).toEqual([
        ...built.texts.get(article.id)!.termIds
      ])
  })

  it('keep four bytes where the vocabulary outgrows two, and still find every word', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-res-'))
    // 66,000 made-up words, each its own form: more than two bytes can number. Slow (a few
    // seconds): the index of one very long article.
    const letters = (n: number): string =>
      n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26)
    const words = Array.from({ length: 66_000 }, (_, i) => `zq${letters(i)}`)
    await mkdir(join(dir, 'articles'))
    await writeFile(
      join(dir, 'articles', 'wordy.md'),
      `---\ntitle: Wordy\n---\n\n${words.join(' ')}\n`
    )
    const library = await loadLibrary(join(dir, 'articles'))
    await writeIndexFile(dir, library)
    const file = parseBinaryFile(await readFile(join(dir, INDEX_FILE)))
    expect(file.unsigned('termIds')).toBeInstanceOf(Uint32Array)
    const { engine, forward, origin } = await loadOrBuildIndex(dir, library)
    expect(origin).toBe('prebuilt')
    const ids = forward!.texts.get('wordy')!.termIds
    expect(Math.max(...ids)).toBeGreaterThan(0xffff)
    const last = words[words.length - 1]!
    expect(engine.search([{ term: last, kind: 'exact' }]).map((h) => h.id)).toEqual(['wordy'])
  }, 60_000)
})
