/**
 * Reading preferences and positions, kept in `settings.json` in the data directory: a
 * journaled file (src/main/storage/journaled-file.ts), so every change is on disk before it
 * is acknowledged and a damaged file costs at most the last change. A damaged file is set
 * aside, never deleted, and the user is told what was restored.
 */
import type { Settings, SettingsPatch } from '@shared/model/settings'
import { JournaledFile, type JournaledFileOptions } from '../storage/journaled-file'
import { settingsFormat } from './settings-format'

export const SETTINGS_FILE = settingsFormat.file
/** Positions kept at most; the oldest are forgotten first so the file stays small. */
export const MAX_POSITIONS = 500

export class SettingsStore {
  private constructor(private readonly file: JournaledFile<Settings>) {}

  /** Opens the store, recovering the newest consistent settings (defaults if none). */
  static async open(
    dataDir: string,
    log: (message: string) => void = () => {},
    options: JournaledFileOptions = {}
  ): Promise<SettingsStore> {
    return new SettingsStore(await JournaledFile.open(dataDir, settingsFormat, { log, ...options }))
  }

  /** What to tell the user about loading (a recovery), kept for the session. */
  get notice(): string | null {
    return this.file.notice
  }

  get(): Settings {
    return structuredClone(this.file.state)
  }

  update(patch: SettingsPatch): Promise<Settings> {
    return this.file.change((draft) => {
      Object.assign(draft, definedOnly(patch))
      return structuredClone(draft)
    })
  }

  savePosition(id: string, position: number): Promise<Settings> {
    return this.file.change((draft) => {
      // Re-inserting moves the id to the end, so the oldest positions are the first keys.
      const positions = draft.positions
      delete positions[id]
      positions[id] = position
      const ids = Object.keys(positions)
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_POSITIONS))) delete positions[old]
      return structuredClone(draft)
    })
  }

  /** Resolves once every change queued so far is on disk (or refused). */
  idle(): Promise<void> {
    return this.file.idle()
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}
