/**
 * The durable write every stored file (notes, settings, their backups, imported articles) goes
 * through, and the previous generation kept beside a file.
 */
import { copyFile, link, open, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/** write-file-atomic (temp file, fsync, rename), then an fsync of the folder for the rename. */
export async function writeDurably(path: string, content: string): Promise<void> {
  await writeFileAtomic(path, content)
  await syncFolder(dirname(path))
}

export async function syncFolder(path: string): Promise<void> {
  let folder
  try {
    folder = await open(path, 'r')
    await folder.sync()
  } catch {
    // Not every platform can open or sync a folder (Windows cannot); the file itself is synced.
  } finally {
    await folder?.close()
  }
}

/** Makes `prev` the live file as it is now: a hard link (no copy), else a copy. */
export async function keepPrevious(live: string, prev: string): Promise<void> {
  await unlink(prev).catch(ignore('ENOENT'))
  await link(live, prev).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return // no live file yet
    await copyFile(live, prev)
  })
}

const ignore = (code: string) => (error: NodeJS.ErrnoException) => {
  if (error.code !== code) throw error
}
