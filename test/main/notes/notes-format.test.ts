import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '@shared/model/annotation'
import {
  NOTES_FORMAT,
  NOTES_VERSION,
  notesFormat,
  notesObject,
  parseNotes
} from '../../../src/main/notes/notes-format'
import { DamagedFileError } from '../../../src/main/storage/damaged-file-error'

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8')

describe('parseNotes', () => {
  it('reads a current file as it is', () => {
    const read = parseNotes(fixture('notes-v1.json'))
    expect(read).toMatchObject({ version: 1, invalid: 0 })
    expect(read.annotations.map((a) => a.id)).toEqual([
      '3f2b8c1a-9d4e-4f6a-8b7c-1d2e3f4a5b6c',
      '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d'
    ])
  })

  it('migrates a version 0 file (the bare list of the draft format) to what version 1 holds', () => {
    const migrated = parseNotes(fixture('notes-v0.json'))
    expect(migrated.version).toBe(0)
    expect(migrated.invalid).toBe(0)
    expect(migrated.annotations).toEqual(parseNotes(fixture('notes-v1.json')).annotations)
  })

  it('leaves out only the annotations that are invalid, and counts them', () => {
    const file = JSON.parse(fixture('notes-v1.json'))
    file.annotations.push({ id: 'not-a-uuid' }, file.annotations[0], 42)
    const read = parseNotes(JSON.stringify(file))
    expect(read.annotations).toHaveLength(2)
    expect(read.invalid).toBe(3)
  })

  it.each([
    ['', /empty/],
    ['{"format": "dossier-notes", "version": 1, "annotat', /not valid JSON/],
    ['"a string"', /not a JSON object/],
    ['{"theme": "dark"}', /not a Dossier notes file/],
    ['{"format": "dossier-notes"}', /no valid format version/],
    [
      '{"format": "dossier-notes", "version": 9, "annotations": []}',
      /newer Dossier \(format version 9/
    ],
    ['{"format": "dossier-notes", "version": 1, "annotations": {}}', /no list of annotations/]
  ])('refuses %j: %s', (raw, message) => {
    expect(() => parseNotes(raw)).toThrow(DamagedFileError)
    expect(() => parseNotes(raw)).toThrow(message)
  })
})

describe('notesObject', () => {
  it('holds the current version, in a stable order', () => {
    const { annotations } = parseNotes(fixture('notes-v1.json'))
    const object = notesObject([...annotations].reverse())
    expect(object).toEqual({ format: NOTES_FORMAT, version: NOTES_VERSION, annotations })
    expect(parseNotes(JSON.stringify(object)).annotations).toEqual(annotations)
  })
})

describe('the journal record of a batch', () => {
  const { annotations } = parseNotes(fixture('notes-v1.json'))
  const [first, second] = annotations as [Annotation, Annotation]

  it('names what was put and removed, and replays to the same notes', () => {
    const before = new Map([[first.id, first]])
    const after = notesFormat.copy(before)
    after.delete(first.id)
    after.set(second.id, second)
    const change = notesFormat.diff(before, after)
    expect(change).toEqual({ put: [second], remove: [first.id] })
    const replayed = notesFormat.replay(
      notesFormat.copy(before),
      JSON.parse(JSON.stringify(change))
    )
    expect([...replayed.values()]).toEqual([second])
  })

  it('is null when a batch changed nothing', () => {
    const before = new Map([[first.id, first]])
    expect(notesFormat.diff(before, notesFormat.copy(before))).toBeNull()
  })

  it('refuses to replay a record that is not valid', () => {
    expect(() => notesFormat.replay(new Map(), { put: [{ id: 'x' }], remove: [] })).toThrow()
    expect(() => notesFormat.replay(new Map(), { put: [] })).toThrow()
  })
})
