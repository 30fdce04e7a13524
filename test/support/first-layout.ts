import { createHash } from 'node:crypto'

const MAGIC = 'DOSSIERB'
const padTo = (value: number): number => Math.ceil(value / 8) * 8

/**
 * A binary file (src/main/library/binary-file.ts) as its first layout wrote it: the same meta and
 * body, the body's SHA-256 in the header instead of its CRC-32. Written by hand, as that code is
 * gone: what an app update finds in place of the shipped files it expects.
 */
export function asFirstLayout(bytes: Buffer): Buffer {
  const length = bytes.readUInt32LE(MAGIC.length)
  const start = MAGIC.length + 4
  const { crc32: _checksum, ...header } = JSON.parse(
    bytes.toString('utf8', start, start + length)
  ) as Record<string, unknown>
  const body = bytes.subarray(padTo(start + length))
  const sha256 = createHash('sha256').update(body).digest('hex')
  const headerBytes = Buffer.from(JSON.stringify({ ...header, sha256 }), 'utf8')
  const prefix = Buffer.alloc(padTo(start + headerBytes.length))
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length)
  headerBytes.copy(prefix, start)
  return Buffer.concat([prefix, body])
}
