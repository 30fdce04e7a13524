/**
 * The rotating backups of a stored file: `<stem>-backups/<stem>-<UTC time>.json`, named so
 * they sort by time. See docs/notes.md, "Durability".
 */
import { readdir } from 'node:fs/promises'

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/

export function backupName(stem: string, time: number): string {
  return `${stem}-${new Date(time).toISOString().replace(/[-:.]/g, '')}.json`
}

/** When a backup was taken, from its name, as a UTC date string (the name itself if odd). */
export function backupDate(stem: string, name: string): string {
  const stamp = name.slice(stem.length + 1, -'.json'.length)
  const date = new Date(stamp.replace(STAMP, '$1-$2-$3T$4:$5:$6.$7Z'))
  return Number.isNaN(date.getTime()) ? name : date.toUTCString()
}

/** Backup file names in `dir`, oldest first. */
export async function listBackups(dir: string, stem: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const pattern = new RegExp(`^${stem}-\\d{8}T\\d{9}Z\\.json$`)
  return names.filter((name) => pattern.test(name)).sort()
}
