/** The durable write every stored file (notes, settings, their backups) goes through. */
import { open } from 'node:fs/promises'
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
