import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/model/settings'
import {
  MAX_POSITIONS,
  SETTINGS_FILE,
  SettingsStore
} from '../../../src/main/settings/settings-store'

const dataDir = () => mkdtemp(join(tmpdir(), 'dossier-data-'))

describe('SettingsStore', () => {
  it('starts from defaults when there is no file', async () => {
    const store = await SettingsStore.open(await dataDir())
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps choices across a reopen', async () => {
    const dir = await dataDir()
    const store = await SettingsStore.open(dir)
    await store.update({ theme: 'sepia', fontSize: 22, lastArticleId: 'garden-notes' })
    await store.savePosition('garden-notes', 0.5)
    const reopened = await SettingsStore.open(dir)
    expect(reopened.get()).toMatchObject({
      theme: 'sepia',
      fontSize: 22,
      lastArticleId: 'garden-notes',
      positions: { 'garden-notes': 0.5 }
    })
  })

  it('reads a file from before single-key shortcuts could be turned off as having them on', async () => {
    const dir = await dataDir()
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ format: 1, theme: 'dark' }))
    const store = await SettingsStore.open(dir)
    expect(store.get()).toMatchObject({ theme: 'dark', singleKeyShortcuts: true })
    await store.update({ singleKeyShortcuts: false })
    expect((await SettingsStore.open(dir)).get().singleKeyShortcuts).toBe(false)
  })

  it('writes a versioned, readable file', async () => {
    const dir = await dataDir()
    await (await SettingsStore.open(dir)).update({ theme: 'dark' })
    const file = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))
    expect(file).toMatchObject({ format: 2, theme: 'dark' })
  })

  it('restores a damaged file from the previous copy and the journal, and says so', async () => {
    const dir = await dataDir()
    const store = await SettingsStore.open(dir)
    await store.update({ theme: 'sepia' })
    await store.savePosition('garden-notes', 0.25)
    await store.savePosition('summit-diary', 0.5)
    await store.savePosition('garden-notes', 0.75)
    await writeFile(
      join(dir, SETTINGS_FILE),
      (await readFile(join(dir, SETTINGS_FILE))).subarray(0, 40)
    )
    const reopened = await SettingsStore.open(dir)
    expect(reopened.get()).toEqual(store.get())
    // The order is kept too: the most recent position last.
    expect(Object.keys(reopened.get().positions)).toEqual(['summit-diary', 'garden-notes'])
    expect(reopened.notice).toMatch(
      /^settings\.json was damaged .*; restored your settings from the previous copy .* and 1 change from the journal\. The damaged file was kept as /
    )
  })

  it('sets a damaged file aside, keeps it, and starts from defaults when nothing else reads', async () => {
    const dir = await dataDir()
    await writeFile(join(dir, SETTINGS_FILE), '{ this is not json')
    const logs: string[] = []
    const store = await SettingsStore.open(dir, (m) => logs.push(m))
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const kept = (await readdir(dir)).filter((name) => name.startsWith(`${SETTINGS_FILE}.damaged-`))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe('{ this is not json')
    expect(logs[0]).toMatch(/damaged/)
    expect(store.notice).toMatch(/nothing could be restored/)
  })

  it('drops only the fields that are out of range', async () => {
    const dir = await dataDir()
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ theme: 'neon', fontSize: 20, positions: { x: 7 } })
    )
    expect((await SettingsStore.open(dir)).get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 20 })
  })

  it('forgets the oldest reading positions beyond its limit', async () => {
    const store = await SettingsStore.open(await dataDir())
    // Sent as a burst, as scrolling does: the store writes them together.
    await Promise.all(
      Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => store.savePosition(`a${i}`, 0.1))
    )
    const positions = store.get().positions
    expect(Object.keys(positions)).toHaveLength(MAX_POSITIONS)
    expect(positions['a0']).toBeUndefined()
    expect(positions[`a${MAX_POSITIONS}`]).toBe(0.1)
  })

  it('acknowledges nothing of a write that failed, and keeps the old settings', async () => {
    const dir = await dataDir()
    const store = await SettingsStore.open(dir)
    await store.update({ theme: 'dark' })
    await rm(dir, { recursive: true })
    await writeFile(dir, 'a file where the folder was')
    await expect(store.update({ theme: 'sepia' })).rejects.toThrow()
    expect(store.get().theme).toBe('dark')
  })

  it('applies concurrent updates in order', async () => {
    const dir = await dataDir()
    const store = await SettingsStore.open(dir)
    await Promise.all([
      store.update({ fontSize: 15 }),
      store.update({ fontSize: 16 }),
      store.update({ theme: 'light' })
    ])
    expect((await SettingsStore.open(dir)).get()).toMatchObject({ fontSize: 16, theme: 'light' })
  })
})
