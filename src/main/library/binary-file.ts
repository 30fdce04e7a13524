/**
 * A container for the large files `npm run build` ships (the search index, the forward index,
 * the parsed library): typed arrays and text blobs laid end to end after a small JSON header,
 * so opening one is a single read into a Buffer and views onto it, with no per-item parsing.
 *
 * Layout: the magic `DOSSIERB`, the header's length (u32 little-endian), the header (UTF-8
 * JSON: the caller's `meta`, the body's length and CRC-32, and where each section lies), zero
 * padding to a multiple of 8, then the body: each section starting on a multiple of 8 bytes, so
 * every typed array is a view onto the file's own memory. The checksum covers the body, so a
 * truncated, zeroed or edited file is refused as a whole and the caller falls back to rebuilding.
 *
 * A CRC-32, not a cryptographic hash: the check guards against damage (a bad disk, a cut copy,
 * a stray write), never against someone who means harm, who could as well edit the code that
 * ships beside the file. A CRC-32 misses a random change once in four billion and every change
 * within 32 bits in a row; with the length it catches the damage that happens, at 5 GB/s where
 * SHA-256 ran at 0.4 GB/s here (~300 ms of start-up for the two shipped files at 10,000
 * articles). Before layout 2 the header held a SHA-256: such a file is refused as of an older
 * layout.
 */
import { close, fstatSync, openSync, read } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

const MAGIC = 'DOSSIERB'
const ALIGN = 8

export type Section = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array | string

type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f64' | 'utf8'

interface SectionEntry {
  name: string
  type: SectionType
  offset: number
  bytes: number
}

interface Header {
  meta: unknown
  /** Of the body; a file of the first layout has a `sha256` instead. */
  crc32: number
  bytes: number
  sections: SectionEntry[]
}

/** A file read back: its meta and its sections by name (typed arrays as views, text decoded). */
export interface BinaryFile {
  meta: unknown
  /** A section of the given kind; throws when it is missing or of another kind. */
  u8(name: string): Uint8Array
  u16(name: string): Uint16Array
  u32(name: string): Uint32Array
  i32(name: string): Int32Array
  f64(name: string): Float64Array
  /** A text section, decoded from UTF-8. */
  text(name: string): string
  /** A typed array of whichever unsigned width it was written with. */
  unsigned(name: string): Uint8Array | Uint16Array | Uint32Array
}

function typeOf(section: Section): SectionType {
  if (typeof section === 'string') return 'utf8'
  if (section instanceof Uint8Array) return 'u8'
  if (section instanceof Uint16Array) return 'u16'
  if (section instanceof Uint32Array) return 'u32'
  if (section instanceof Int32Array) return 'i32'
  return 'f64'
}

const padTo = (value: number): number => Math.ceil(value / ALIGN) * ALIGN

/**
 * The CRC-32 of `chunks` end to end. Empty ones are left out: `zlib.crc32` starts again from 0
 * on an empty view of an empty ArrayBuffer (as an empty typed-array section is).
 */
function checksum(chunks: readonly Uint8Array[]): number {
  let value = 0
  for (const chunk of chunks) if (chunk.byteLength > 0) value = crc32(chunk, value)
  return value
}

/**
 * Writes `sections` after a header holding `meta`, through a temporary file renamed into place,
 * so an interrupted write never leaves half a file behind.
 */
export async function writeBinaryFile(
  path: string,
  meta: unknown,
  sections: Record<string, Section>
): Promise<void> {
  const entries: SectionEntry[] = []
  const chunks: Uint8Array[] = []
  let offset = 0
  for (const [name, section] of Object.entries(sections)) {
    const bytes =
      typeof section === 'string'
        ? Buffer.from(section, 'utf8')
        : new Uint8Array(section.buffer, section.byteOffset, section.byteLength)
    entries.push({ name, type: typeOf(section), offset, bytes: bytes.byteLength })
    chunks.push(bytes)
    const padding = padTo(bytes.byteLength) - bytes.byteLength
    if (padding > 0) chunks.push(new Uint8Array(padding))
    offset += bytes.byteLength + padding
  }
  const header: Header = { meta, crc32: checksum(chunks), bytes: offset, sections: entries }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const prefix = Buffer.alloc(padTo(MAGIC.length + 4 + headerBytes.length))
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length)
  headerBytes.copy(prefix, MAGIC.length + 4)

  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writev([prefix, ...chunks])
  } finally {
    await handle.close()
  }
  await rename(temporary, path)
}

/** Why a file cannot be used: thrown by `readBinaryFile`, its message names the problem. */
export class BinaryFileError extends Error {}

/**
 * Reads a file written by `writeBinaryFile`, checking its checksum.
 * @throws BinaryFileError when it is not such a file, is truncated or damaged; the error of
 *   `readWhole` when it cannot be read (ENOENT when there is none).
 */
export async function readBinaryFile(path: string): Promise<BinaryFile> {
  return parseBinaryFile(await readWhole(path))
}

/**
 * A whole file, read by one request to the file system's threads. `readFile` reads half a
 * megabyte per request and asks for the next from this thread, so a large file read while this
 * thread computes stalls until it is free; here the read goes on meanwhile, and so does
 * the first touch of the fresh buffer's memory, which costs as much as the read on some machines.
 * Opened synchronously (microseconds) so the read is queued at once. Never pooled: the buffer
 * starts its own ArrayBuffer, so sections are aligned views.
 * @throws the error of opening or reading it (ENOENT when there is none).
 */
export function readWhole(path: string): Promise<Buffer> {
  let fd: number
  let buffer: Buffer
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    return Promise.reject(error as Error)
  }
  try {
    buffer = Buffer.allocUnsafeSlow(fstatSync(fd).size)
  } catch (error) {
    close(fd, () => {})
    return Promise.reject(error as Error)
  }
  return new Promise<Buffer>((resolve, reject) => {
    const from = (at: number): void =>
      read(fd, buffer, at, buffer.length - at, at, (error, bytesRead) => {
        // A file that shrank since its size was read: what there is, which the caller refuses.
        const done = error !== null || bytesRead === 0 || at + bytesRead === buffer.length
        if (!done) return from(at + bytesRead)
        close(fd, () => {})
        if (error) reject(error)
        else resolve(buffer.subarray(0, at + bytesRead))
      })
    from(0)
  })
}

const fail = (why: string): never => {
  throw new BinaryFileError(why)
}

function readHeader(bytes: Buffer): { header: Header; headerEnd: number } {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC)
    fail('it is not a Dossier binary file')
  const headerLength = bytes.readUInt32LE(MAGIC.length)
  const headerEnd = MAGIC.length + 4 + headerLength
  if (headerEnd > bytes.length) fail('it is truncated (in its header)')
  let header: Header
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, headerEnd)) as Header
  } catch {
    return fail('its header is damaged')
  }
  if (typeof header !== 'object' || header === null || !Array.isArray(header.sections))
    fail('its header is damaged')
  return { header, headerEnd }
}

/**
 * The meta of a file's header, read without checking the body: enough to tell whether the file
 * is worth opening (`parseBinaryFile` checks it all).
 * @throws BinaryFileError when it is not such a file or its header is damaged.
 */
export function binaryFileMeta(bytes: Buffer): unknown {
  return readHeader(bytes).header.meta
}

/**
 * One section's bytes and the file's meta, reading only the header and that section: the body's
 * hash is not checked, so the caller vouches for the section (a hash of its own in the meta).
 * @throws BinaryFileError when it is not such a file, or the header or section is damaged; the
 *   error of `open` when it cannot be read (ENOENT when there is none).
 */
export async function readBinarySection(
  path: string,
  name: string
): Promise<{ meta: unknown; bytes: Buffer }> {
  const handle = await open(path, 'r')
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, position)
      return bytesRead === length ? buffer : fail('it is truncated')
    }
    const prefix = await read(0, MAGIC.length + 4)
    const headerEnd = MAGIC.length + 4 + prefix.readUInt32LE(MAGIC.length)
    const { header } = readHeader(
      Buffer.concat([prefix, await read(prefix.length, headerEnd - prefix.length)])
    )
    const entry = header.sections.find((section) => section.name === name)
    if (!entry || entry.type !== 'utf8') return fail(`its section "${name}" is missing`)
    return { meta: header.meta, bytes: await read(padTo(headerEnd) + entry.offset, entry.bytes) }
  } finally {
    await handle.close()
  }
}

/**
 * `readBinaryFile` on bytes already read.
 * @param bodyChecksum the body's CRC-32 when computed as it was read (read-checked.ts).
 */
export function parseBinaryFile(bytes: Buffer, bodyChecksum?: number): BinaryFile {
  const { header, headerEnd } = readHeader(bytes)
  if (typeof header.crc32 !== 'number') fail('it is of an older layout (its header has no CRC-32)')
  const bodyStart = padTo(headerEnd)
  if (bytes.length !== bodyStart + header.bytes)
    fail(
      `it is ${bytes.length} bytes long, not the ${bodyStart + header.bytes} it was written with`
    )
  const body = bytes.subarray(bodyStart)
  if ((bodyChecksum ?? checksum([body])) !== header.crc32)
    fail('its contents do not match their checksum (damaged)')
  return sectionsOf(header, body)
}

/**
 * The header and sections of a file still being read, nothing checked: `end` says how many of
 * the file's bytes the named sections need, and a section is only to be read once those are in.
 * Whatever is made of it stands only once `parseBinaryFile` has checked the whole file.
 * @throws BinaryFileError when its header is not there yet, or not such a header.
 */
export function binaryFilePrefix(bytes: Buffer): BinaryFile & { end(names: string[]): number } {
  const { header, headerEnd } = readHeader(bytes)
  const bodyStart = padTo(headerEnd)
  const file = sectionsOf(header, bytes.subarray(bodyStart))
  const end = (names: string[]): number => {
    let last = 0
    for (const name of names) {
      const entry = header.sections.find((section) => section.name === name)
      if (!entry) return fail(`its section "${name}" is missing`)
      last = Math.max(last, entry.offset + entry.bytes)
    }
    return bodyStart + last
  }
  return Object.assign(file, { end })
}

/** Views onto `body`'s sections as `header` lists them. */
function sectionsOf(header: Header, body: Buffer): BinaryFile {
  // A view needs its offset aligned to its element size; a Buffer from `readFile` starts its
  // own ArrayBuffer, but copy once rather than trust that.
  const aligned = (body.byteOffset % ALIGN === 0 ? body : Buffer.from(body)) as Buffer
  const byName = new Map(header.sections.map((entry) => [entry.name, entry]))
  const section = (name: string, types: readonly SectionType[]): SectionEntry => {
    const entry = byName.get(name)
    if (!entry || !types.includes(entry.type) || entry.offset + entry.bytes > aligned.length)
      fail(`its section "${name}" is missing or damaged`)
    return entry!
  }
  const view = <T>(
    name: string,
    type: SectionType,
    Make: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    size: number
  ): T => {
    const entry = section(name, [type])
    return new Make(aligned.buffer, aligned.byteOffset + entry.offset, entry.bytes / size)
  }
  return {
    meta: header.meta,
    u8: (name) => view(name, 'u8', Uint8Array, 1),
    u16: (name) => view(name, 'u16', Uint16Array, 2),
    u32: (name) => view(name, 'u32', Uint32Array, 4),
    i32: (name) => view(name, 'i32', Int32Array, 4),
    f64: (name) => view(name, 'f64', Float64Array, 8),
    text: (name) => {
      const entry = section(name, ['utf8'])
      return aligned.toString('utf8', entry.offset, entry.offset + entry.bytes)
    },
    unsigned(name) {
      const { type } = section(name, ['u8', 'u16', 'u32'])
      return type === 'u8' ? this.u8(name) : type === 'u16' ? this.u16(name) : this.u32(name)
    }
  }
}
