/**
 * The settings file's format and the journal's record of a batch of settings changes. Pure
 * data work (no fs): the store reads and writes through it as a `StoredFormat`.
 *
 *   format 2 (current): { "format": 2, theme, fontSize, lineWidth, lastArticleId,
 *       singleKeyShortcuts (absent in older files: read as true), positions,
 *       "generation", "saved", "checksum" } — the last three are the journaled file's envelope
 *   format 1: the same without the envelope
 *
 * Each field is checked on its own, so one bad value costs only that value, not all settings.
 */
import { z } from 'zod'
import { articleId } from '@shared/ipc/schemas'
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  LINE_WIDTH,
  THEMES,
  type Settings
} from '@shared/model/settings'
import { DamagedFileError } from '../storage/damaged-file-error'
import type { StoredFormat } from '../storage/stored-format'

export const SETTINGS_VERSION = 2

const fieldSchemas = {
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  lastArticleId: articleId.nullable(),
  // Files from before it existed read as on, the behaviour they were written with.
  singleKeyShortcuts: z.boolean(),
  positions: z.record(articleId, z.number().min(0).max(1))
}
type Field = keyof typeof fieldSchemas
const FIELDS = Object.keys(fieldSchemas) as Field[]
const SCALARS = FIELDS.filter((field) => field !== 'positions')

/** Settings from a file's fields: each valid one taken, the others left at their defaults. */
export function readSettings(data: unknown): Settings {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new DamagedFileError('it is not a JSON object')
  const fields = data as Record<string, unknown>
  const settings = structuredClone(DEFAULT_SETTINGS)
  for (const key of FIELDS) {
    const parsed = fieldSchemas[key].safeParse(fields[key])
    if (parsed.success) Object.assign(settings, { [key]: parsed.data })
  }
  return settings
}

/**
 * A batch as the journal records it: the scalar fields it set, and the reading positions from
 * the first one that differs on (in order: a saved position moves to the end), with those
 * removed. Small, though the positions are many: scrolling changes one.
 */
const settingsChange = z.strictObject({
  set: z.record(z.string(), z.unknown()),
  positions: z.strictObject({
    put: z.array(z.tuple([articleId, z.number().min(0).max(1)])),
    remove: z.array(z.string())
  })
})

export const settingsFormat: StoredFormat<Settings> = {
  file: 'settings.json',
  version: SETTINGS_VERSION,
  empty: () => structuredClone(DEFAULT_SETTINGS),
  toFile: (settings) => ({ format: SETTINGS_VERSION, ...settings }),
  fromFile: (data) => {
    const format = (data as { format?: unknown } | null)?.format
    if (typeof format === 'number' && format > SETTINGS_VERSION)
      throw new DamagedFileError(
        `it was written by a newer Dossier (format ${format}; this one reads up to ${SETTINGS_VERSION})`
      )
    return {
      state: readSettings(data),
      invalid: 0,
      version: typeof format === 'number' ? format : 1
    }
  },
  copy: (settings) => ({ ...settings, positions: { ...settings.positions } }),
  diff: (before, after) => {
    const set = Object.fromEntries(
      SCALARS.filter((field) => before[field] !== after[field]).map((field) => [
        field,
        after[field]
      ])
    )
    const kept = Object.entries(before.positions).filter(([id]) => id in after.positions)
    const now = Object.entries(after.positions)
    let same = 0
    while (
      same < kept.length &&
      kept[same]![0] === now[same]![0] &&
      kept[same]![1] === now[same]![1]
    )
      same++
    const put = now.slice(same)
    const remove = Object.keys(before.positions).filter((id) => !(id in after.positions))
    if (Object.keys(set).length === 0 && put.length === 0 && remove.length === 0) return null
    return { set, positions: { put, remove } }
  },
  replay: (settings, change) => {
    const { set, positions } = settingsChange.parse(change)
    for (const [field, value] of Object.entries(set)) {
      if (!(SCALARS as string[]).includes(field)) throw new Error(`No setting ${field}`)
      Object.assign(settings, { [field]: fieldSchemas[field as Field].parse(value) })
    }
    for (const id of positions.remove) delete settings.positions[id]
    for (const [id, position] of positions.put) {
      delete settings.positions[id]
      settings.positions[id] = position
    }
    return settings
  },
  entry: 'setting',
  describe: () => 'your settings'
}
