/**
 * A JSON file that carries a checksum of its own text, so damage that still parses (a block of
 * garbage inside a note, a sync tool's half-merged copy) is told from the file as written.
 * The checksum is the last property, over the text before it, so checking it needs no
 * re-serialisation (which could order keys differently). See docs/notes.md, "Durability".
 */
import { createHash } from 'node:crypto'
import { DamagedFileError, parseJsonFile } from './damaged-file-error'

const SEAL = /,\n {2}"checksum": "([0-9a-f]{64})"\n\}\n?$/

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** `data` as pretty-printed JSON ending in `"checksum"`: the SHA-256 of the text before it. */
export function seal(data: Record<string, unknown>): string {
  const body = JSON.stringify(data, null, 2)
  return `${body.slice(0, -2)},\n  "checksum": "${sha256(body)}"\n}\n`
}

/**
 * The JSON value of a file's text, and whether it was sealed (files of earlier versions were
 * not). A sealed text must match its checksum.
 * @throws DamagedFileError when the text is not JSON, or not what was sealed.
 */
export function unseal(text: string): { data: unknown; sealed: boolean } {
  const match = SEAL.exec(text)
  if (match && sha256(`${text.slice(0, match.index)}\n}`) !== match[1])
    throw new DamagedFileError('its content does not match its checksum (part of it was changed)')
  return { data: parseJsonFile(text), sealed: match !== null }
}
