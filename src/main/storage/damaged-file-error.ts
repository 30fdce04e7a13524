/**
 * A stored file (notes, settings) that cannot be used as it is; the message says why in plain
 * words, to be shown to the user. No imports, so pure format modules can throw it.
 */
export class DamagedFileError extends Error {
  override name = 'DamagedFileError'
}

/** A file's text as JSON. @throws DamagedFileError saying it is empty or not JSON. */
export function parseJsonFile(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new DamagedFileError(
      text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON (it may be cut short)'
    )
  }
}
