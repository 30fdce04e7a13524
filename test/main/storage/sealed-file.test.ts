import { appendFile, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DamagedFileError } from '../../../src/main/storage/damaged-file-error'
import { appendToJournal, readJournal } from '../../../src/main/storage/journal'
import { seal, unseal } from '../../../src/main/storage/sealed-file'

describe('seal and unseal', () => {
  const data = { format: 2, positions: { b: 0.5, '12': 0.25 }, generation: 3 }

  it('read back what was sealed, whatever order JSON gives the keys', () => {
    const text = seal(data)
    expect(text.endsWith('"\n}\n')).toBe(true)
    expect(unseal(text)).toEqual({ data: { ...data, checksum: expect.any(String) }, sealed: true })
  })

  it('refuse a text changed after sealing, though it is still valid JSON', () => {
    const text = seal(data).replace('0.5', '0.9')
    expect(() => unseal(text)).toThrow(DamagedFileError)
    expect(() => unseal(text)).toThrow(/does not match its checksum/)
  })

  it('read a file of an earlier version, which has no seal', () => {
    expect(unseal('{"format": 1}')).toEqual({ data: { format: 1 }, sealed: false })
  })

  it.each([
    ['', /empty/],
    ['{"format": 2, "gen', /not valid JSON/]
  ])('refuse %j', (text, message) => {
    expect(() => unseal(text)).toThrow(message)
  })
})

describe('the journal', () => {
  it('answers its intact entries, up to a line cut short', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'dossier-journal-')), 'x.journal')
    await appendToJournal(path, { seq: 1, at: '2026-01-01T00:00:00.000Z', change: { a: 1 } })
    const { after } = await appendToJournal(path, {
      seq: 2,
      at: '2026-01-01T00:00:01.000Z',
      change: { a: 2 }
    })
    await appendFile(path, (await readFile(path, 'utf8')).split('\n')[0]!.slice(0, 90))
    const read = await readJournal(path)
    expect(read.entries.map((entry) => entry.change)).toEqual([{ a: 1 }, { a: 2 }])
    expect(read.intactBytes).toBe(after)
    expect(read.bytes).toBe(after + 90)
  })

  it('stops at a line whose checksum fails', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'dossier-journal-')), 'x.journal')
    await appendToJournal(path, { seq: 1, at: '2026-01-01T00:00:00.000Z', change: 'first' })
    await appendToJournal(path, { seq: 2, at: '2026-01-01T00:00:01.000Z', change: 'second' })
    const text = await readFile(path, 'utf8')
    const damaged = text.replace('"first"', '"fir5t"')
    const other = join(path, '..', 'y.journal')
    await appendFile(other, damaged)
    expect((await readJournal(other)).entries).toEqual([])
  })
})
