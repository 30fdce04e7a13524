import {
  appendFile,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  utimes,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../../src/main/ipc/dispatcher'
import { parseNotes } from '../../../src/main/notes/notes-format'
import {
  BACKUP_DIR,
  KEEP_BACKUPS,
  NOTES_FILE,
  NotesStore,
  writeDurably
} from '../../../src/main/notes/notes-store'
import type { Annotation } from '@shared/model/annotation'

const dataDir = () => mkdtemp(join(tmpdir(), 'dossier-notes-'))
const fixture = (name: string) => join(__dirname, 'fixtures', name)

let counter = 0
function note(overrides: Partial<Annotation> = {}): Annotation {
  counter++
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
  return {
    id,
    articleId: 'garden-notes',
    kind: 'article-note',
    target: null,
    color: 'yellow',
    note: `note ${counter}`,
    tags: [],
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z',
    ...overrides
  }
}

const onDisk = async (dir: string) =>
  parseNotes(await readFile(join(dir, NOTES_FILE), 'utf8')).annotations
const backups = async (dir: string) => (await readdir(join(dir, BACKUP_DIR))).sort()
const aside = async (dir: string) =>
  (await readdir(dir)).filter((name) => name.startsWith(`${NOTES_FILE}.damaged-`))

/** A clock the test moves: backups are due by time. */
function clock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let now = start
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

describe('NotesStore', () => {
  it('starts empty without a file, and writes none until there is a note', async () => {
    const dir = await dataDir()
    const store = await NotesStore.open(dir)
    expect(store.list()).toEqual([])
    expect(store.status()).toEqual({ notice: null, count: 0 })
    expect(await readdir(dir)).toEqual([BACKUP_DIR])
  })

  it('has a note on disk by the time its promise resolves', async () => {
    const dir = await dataDir()
    const store = await NotesStore.open(dir)
    const created = note()
    await store.create(created)
    expect(await onDisk(dir)).toEqual([created])
  })

  it('keeps every change across a reopen: create, update, delete, restore', async () => {
    const dir = await dataDir()
    const store = await NotesStore.open(dir)
    const [a, b, c] = [note(), note(), note()]
    for (const n of [a, b, c]) await store.create(n)
    await store.update(a.id, (current) => ({ ...current, note: 'edited', color: 'blue' }))
    const deleted = await store.delete(b.id)
    await store.delete(c.id)
    await store.restore(c)
    expect(deleted).toEqual(b)
    const reopened = await NotesStore.open(dir)
    expect(reopened.list()).toEqual(
      expect.arrayContaining([{ ...a, note: 'edited', color: 'blue' }, c])
    )
    expect(reopened.list()).toHaveLength(2)
  })

  it('applies concurrent changes in order and acknowledges each', async () => {
    const dir = await dataDir()
    const store = await NotesStore.open(dir)
    const first = note()
    const many = Array.from({ length: 50 }, () => note())
    await Promise.all([
      store.create(first),
      ...many.map((n) => store.create(n)),
      store.update(first.id, (current) => ({ ...current, note: 'second version' })),
      store.update(first.id, (current) => ({ ...current, note: current.note + ', third' }))
    ])
    const saved = await onDisk(dir)
    expect(saved).toHaveLength(51)
    expect(saved.find((n) => n.id === first.id)?.note).toBe('second version, third')
  })

  it('refuses one bad change without costing the others queued with it', async () => {
    const store = await NotesStore.open(await dataDir())
    const kept = note()
    const results = await Promise.allSettled([
      store.create(kept),
      store.delete('00000000-0000-4000-8000-999999999999'),
      store.create(kept)
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected'])
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError)
    expect(store.list()).toEqual([kept])
  })

  it('rejects a failed write (disk full) and keeps the notes as they were on disk', async () => {
    const dir = await dataDir()
    let full = false
    const store = await NotesStore.open(dir, {
      writeFile: async (path, content) => {
        if (full)
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        await writeDurably(path, content)
      }
    })
    const first = note()
    await store.create(first)
    full = true
    await expect(store.create(note())).rejects.toMatchObject({ code: 'ENOSPC' })
    await expect(store.update(first.id, (c) => ({ ...c, note: 'lost?' }))).rejects.toThrow()
    expect(store.list()).toEqual([first])
    expect(await onDisk(dir)).toEqual([first])
    full = false
    const later = note()
    await store.create(later)
    expect(await onDisk(dir)).toEqual([first, later])
  })

  it('rejects a write when the data folder cannot be written', async () => {
    const dir = await dataDir()
    const store = await NotesStore.open(dir)
    await store.create(note())
    // A file where the folder was: writing fails for root too (unlike a read-only mode).
    await rm(dir, { recursive: true })
    await writeFile(dir, 'not a folder')
    await expect(store.create(note())).rejects.toThrow()
    expect(store.list()).toHaveLength(1)
  })

  describe('backups', () => {
    it('backs up the last state on disk before the first write of a session', async () => {
      const dir = await dataDir()
      const first = note()
      await (await NotesStore.open(dir)).create(first)
      expect(await backups(dir)).toEqual([])

      const store = await NotesStore.open(dir)
      await store.create(note())
      const [backup] = await backups(dir)
      expect(backup).toMatch(/^notes-\d{8}T\d{9}Z\.json$/)
      expect(
        parseNotes(await readFile(join(dir, BACKUP_DIR, backup!), 'utf8')).annotations
      ).toEqual([first])
    })

    it('backs up at most once an interval, and keeps the newest few', async () => {
      const dir = await dataDir()
      const time = clock()
      await (await NotesStore.open(dir)).create(note())
      const store = await NotesStore.open(dir, { now: time.now, backupIntervalMs: 60_000 })
      await store.create(note())
      time.advance(30_000)
      await store.create(note())
      expect(await backups(dir)).toHaveLength(1)
      for (let i = 0; i < KEEP_BACKUPS + 2; i++) {
        time.advance(60_000)
        await store.create(note())
      }
      const kept = await backups(dir)
      expect(kept).toHaveLength(KEEP_BACKUPS)
      // The newest backup holds the state before the last write.
      const newest = parseNotes(await readFile(join(dir, BACKUP_DIR, kept.at(-1)!), 'utf8'))
      expect(newest.annotations).toHaveLength(store.list().length - 1)
    })
  })

  describe('recovery at start-up', () => {
    /** A data dir whose notes.json is damaged and whose backups hold 1, then 2 notes. */
    async function damaged(content: string) {
      const dir = await dataDir()
      const time = clock()
      const [a, b] = [note(), note()]
      await (await NotesStore.open(dir)).create(a)
      const store = await NotesStore.open(dir, { now: time.now, backupIntervalMs: 0 })
      await store.create(b) // backs up [a]
      time.advance(1000)
      const c = await store.create(note()) // backs up [a, b]; the journal holds c
      await writeFile(join(dir, NOTES_FILE), content)
      return { dir, a, b, c }
    }

    it('restores a damaged file from the previous copy and the journal, and says so', async () => {
      const { dir, a, b, c } = await damaged('{"format": "dossier-notes", "vers')
      const logs: string[] = []
      const store = await NotesStore.open(dir, { log: (m) => logs.push(m) })
      expect(store.list()).toEqual([a, b, c])
      const [kept] = await aside(dir)
      expect(await readFile(join(dir, kept!), 'utf8')).toBe('{"format": "dossier-notes", "vers')
      const { notice } = store.status()
      expect(notice).toMatch(/^notes\.json was damaged \(the file is not valid JSON/)
      expect(notice).toMatch(
        /restored 3 notes from the previous copy \(saved .*\) and 1 change from the journal\./
      )
      expect(notice).toContain(`The damaged file was kept as ${join(dir, kept!)}.`)
      expect(logs.join('\n')).toContain(notice)
      // The recovered notes are written back at once: the next start is quiet.
      expect(await onDisk(dir)).toEqual([a, b, c])
      expect((await NotesStore.open(dir)).status().notice).toBeNull()
    })

    it('treats a file whose text no longer matches its checksum as damaged', async () => {
      const dir = await dataDir()
      const store = await NotesStore.open(dir)
      const a = await store.create(note({ note: 'the original words' }))
      const b = await store.create(note())
      const path = join(dir, NOTES_FILE)
      // Still valid JSON and a valid note: only the checksum tells.
      await writeFile(path, (await readFile(path, 'utf8')).replace('original', 'garbled!'))
      const reopened = await NotesStore.open(dir)
      expect(reopened.list()).toEqual([a, b])
      expect(reopened.status().notice).toMatch(/does not match its checksum/)
    })

    it('restores from the newest backup and the journal when the previous copy is damaged too', async () => {
      const { dir, a, b, c } = await damaged('garbage')
      await writeFile(join(dir, `${NOTES_FILE}.prev`), '')
      const store = await NotesStore.open(dir)
      expect(store.list()).toEqual([a, b, c])
      expect(store.status().notice).toMatch(
        /restored 3 notes from the backup of .* and 1 change from the journal/
      )
    })

    it('restores from the newest backup alone when the journal is gone too, saying so', async () => {
      const { dir, a, b } = await damaged('garbage')
      await rm(join(dir, `${NOTES_FILE}.prev`))
      await rm(join(dir, `${NOTES_FILE}.journal`))
      const store = await NotesStore.open(dir)
      expect(store.list()).toEqual([a, b])
      expect(store.status().notice).toMatch(/restored 2 notes from the backup of [^;]*\.( |$)/)
    })

    it('falls back to an older backup when the newest cannot be read either', async () => {
      const { dir, a } = await damaged('garbage')
      await rm(join(dir, `${NOTES_FILE}.prev`))
      await rm(join(dir, `${NOTES_FILE}.journal`))
      const newest = (await backups(dir)).at(-1)!
      await writeFile(join(dir, BACKUP_DIR, newest), '{ also damaged')
      const store = await NotesStore.open(dir)
      expect(store.list()).toEqual([a])
      expect(store.status().notice).toMatch(/restored 1 note from the backup of/)
    })

    it('starts empty, keeping the damaged file, when nothing else can be read', async () => {
      const dir = await dataDir()
      await writeFile(join(dir, NOTES_FILE), '\u0000\u0001 binary')
      const store = await NotesStore.open(dir)
      expect(store.list()).toEqual([])
      expect(store.status().notice).toMatch(/nothing could be restored/)
      expect(await aside(dir)).toHaveLength(1)
    })

    it('replays, without a word, changes a crash left only in the journal', async () => {
      const dir = await dataDir()
      const store = await NotesStore.open(dir)
      const a = await store.create(note())
      const before = await readFile(join(dir, NOTES_FILE))
      const b = await store.create(note())
      const c = await store.update(a.id, (current) => ({ ...current, note: 'edited' }))
      // As if killed after the journal was written and before the file was.
      await writeFile(join(dir, NOTES_FILE), before)
      const reopened = await NotesStore.open(dir)
      expect(reopened.list()).toEqual([c, b])
      expect(reopened.status().notice).toBeNull()
      expect(await aside(dir)).toEqual([])
    })

    it('cuts off a journal line a crash left half written, so later changes still replay', async () => {
      const dir = await dataDir()
      const a = await (await NotesStore.open(dir)).create(note())
      await appendFile(join(dir, `${NOTES_FILE}.journal`), '0123abc {"v":1,"seq":')
      const store = await NotesStore.open(dir, { backupIntervalMs: Infinity })
      const before = await readFile(join(dir, NOTES_FILE))
      const b = await store.create(note())
      await writeFile(join(dir, NOTES_FILE), before)
      expect((await NotesStore.open(dir)).list()).toEqual([a, b])
    })

    it('sets aside a file from a newer Dossier rather than writing over it', async () => {
      const dir = await dataDir()
      const newer = JSON.stringify({ format: 'dossier-notes', version: 7, annotations: [] })
      await writeFile(join(dir, NOTES_FILE), newer)
      const store = await NotesStore.open(dir)
      expect(store.status().notice).toMatch(/newer Dossier/)
      const [kept] = await aside(dir)
      expect(await readFile(join(dir, kept!), 'utf8')).toBe(newer)
    })

    it('loads the readable notes of a partly damaged file and keeps a copy of it as it was', async () => {
      const dir = await dataDir()
      const file = JSON.parse(await readFile(fixture('notes-v1.json'), 'utf8'))
      file.annotations.push({ id: 'x', note: 'half a note' })
      await writeFile(join(dir, NOTES_FILE), JSON.stringify(file))
      const store = await NotesStore.open(dir)
      expect(store.list()).toHaveLength(2)
      expect(store.status().notice).toMatch(/^1 note in notes\.json could not be read/)
      const [kept] = await aside(dir)
      expect(JSON.parse(await readFile(join(dir, kept!), 'utf8'))).toEqual(file)
    })

    it('restores from a backup when the file has gone but backups remain', async () => {
      const { dir, a, b, c } = await damaged('')
      await rm(join(dir, NOTES_FILE))
      const store = await NotesStore.open(dir)
      expect(store.list()).toEqual([a, b, c])
      expect(store.status().notice).toMatch(/^notes\.json was missing; restored 3 notes/)
    })

    it('migrates an older file, and writes it back in the current version on the next change', async () => {
      const dir = await dataDir()
      await copyFile(fixture('notes-v0.json'), join(dir, NOTES_FILE))
      const store = await NotesStore.open(dir)
      expect(store.status()).toEqual({ notice: null, count: 2 })
      await store.create(note())
      const file = JSON.parse(await readFile(join(dir, NOTES_FILE), 'utf8'))
      expect(file).toMatchObject({ format: 'dossier-notes', version: 2 })
      expect(file.annotations).toHaveLength(3)
      // The version-0 file is kept as it was, outside the rotation.
      expect(await readFile(join(dir, BACKUP_DIR, 'notes-v0.json'), 'utf8')).toBe(
        await readFile(fixture('notes-v0.json'), 'utf8')
      )
    })

    it('removes temporary files left by a write that never finished', async () => {
      const dir = await dataDir()
      await mkdir(join(dir, BACKUP_DIR))
      const stale = join(dir, `${NOTES_FILE}.123456789`)
      await writeFile(stale, '{"half": ')
      const old = new Date(Date.now() - 3600_000)
      await utimes(stale, old, old)
      await NotesStore.open(dir)
      expect(await readdir(dir)).toEqual([BACKUP_DIR])
    })
  })

  describe('importAll', () => {
    it('adds new notes, counts identical ones unchanged, and keeps the newer of two versions', async () => {
      const store = await NotesStore.open(await dataDir())
      const same = note()
      const edited = note({ updated: '2025-06-01T00:00:00.000Z', note: 'edited here' })
      await store.create(same)
      await store.create(edited)
      const report = await store.importAll([
        same,
        { ...edited, note: 'older copy', updated: '2025-02-01T00:00:00.000Z' },
        note()
      ])
      expect(report).toEqual({ imported: 1, unchanged: 2 })
      expect(store.get(edited.id)?.note).toBe('edited here')
      expect(store.list()).toHaveLength(3)
    })
  })
})
