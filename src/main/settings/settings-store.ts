/**
 * Reading preferences and positions, kept in `settings.json` in the data directory.
 * Writes are atomic (write-file-atomic: temp file, fsync, rename) and queued one at a time, so a
 * crash leaves either the old file or the new one. A damaged file is set aside, not deleted.
 */
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  LINE_WIDTH,
  THEMES,
  type Settings,
  type SettingsPatch
} from '@shared/model/settings'
import { articleId } from '@shared/ipc/schemas'

export const SETTINGS_FILE = 'settings.json'
/** Positions kept at most; the oldest are forgotten first so the file stays small. */
export const MAX_POSITIONS = 500
const FORMAT = 1

// Each field is checked on its own so one bad value costs only that value, not all settings.
const fieldSchemas = {
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  lastArticleId: articleId.nullable(),
  positions: z.record(articleId, z.number().min(0).max(1))
}

interface PendingChange {
  change: (current: Settings) => Settings
  resolve: (settings: Settings) => void
  reject: (error: unknown) => void
}

export class SettingsStore {
  private pending: PendingChange[] = []
  private flushing: Promise<void> | null = null

  private constructor(
    private readonly path: string,
    private settings: Settings
  ) {}

  /** Opens the store, recovering from a missing or damaged file with defaults. */
  static async open(
    dataDir: string,
    log: (message: string) => void = () => {}
  ): Promise<SettingsStore> {
    const path = join(dataDir, SETTINGS_FILE)
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch {
      return new SettingsStore(path, structuredClone(DEFAULT_SETTINGS))
    }
    try {
      return new SettingsStore(path, readSettings(JSON.parse(raw)))
    } catch (error) {
      const aside = `${path}.damaged-${Date.now()}`
      await rename(path, aside).catch(() => {})
      log(
        `[dossier] Settings file was damaged (${(error as Error).message}); kept it as ${aside} and started from defaults`
      )
      return new SettingsStore(path, structuredClone(DEFAULT_SETTINGS))
    }
  }

  get(): Settings {
    return structuredClone(this.settings)
  }

  update(patch: SettingsPatch): Promise<Settings> {
    return this.write((current) => ({ ...current, ...definedOnly(patch) }))
  }

  savePosition(id: string, position: number): Promise<Settings> {
    return this.write((current) => {
      // Re-inserting moves the id to the end, so the oldest positions are the first keys.
      const positions = { ...current.positions }
      delete positions[id]
      positions[id] = position
      const ids = Object.keys(positions)
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_POSITIONS))) delete positions[old]
      return { ...current, positions }
    })
  }

  /**
   * Queues a change; it is computed from the settings as they are when its turn comes. Changes
   * that arrive while a write is on its way go to disk together in the next write (scrolling
   * sends many), and each promise resolves only once its change is on disk.
   */
  private write(change: (current: Settings) => Settings): Promise<Settings> {
    return new Promise((resolve, reject) => {
      this.pending.push({ change, resolve, reject })
      this.flushing ??= this.flush()
    })
  }

  /** Resolves once every change queued so far is on disk (or refused). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      let next = this.settings
      for (const { change } of batch) next = change(next)
      try {
        await writeFileAtomic(
          this.path,
          JSON.stringify({ format: FORMAT, ...next }, null, 2) + '\n'
        )
        this.settings = next
        for (const { resolve } of batch) resolve(this.get())
      } catch (error) {
        // Nothing of this batch is acknowledged; the settings stay as they were on disk.
        for (const { reject } of batch) reject(error)
      }
    }
    this.flushing = null
  }
}

function readSettings(data: unknown): Settings {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object')
  const fields = data as Record<string, unknown>
  const settings = structuredClone(DEFAULT_SETTINGS)
  for (const key of Object.keys(fieldSchemas) as (keyof typeof fieldSchemas)[]) {
    const parsed = fieldSchemas[key].safeParse(fields[key])
    if (parsed.success) Object.assign(settings, { [key]: parsed.data })
  }
  return settings
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}
