/**
 * The bundled articles' texts, in a file of their own beside the parsed-library cache, read one
 * article at a time when something asks for it (a snippet, the reader, a highlight), never all
 * at start-up.
 *
 * Why: at 10,000 articles the texts are 62 MiB of UTF-8. Reading them at start-up cost the index
 * worker about a second on the machines measured (first touches of fresh memory, then decoding
 * them into strings), while a search shows a page of results and the reader one article. Read
 * when asked, a text costs tens of microseconds, and the most recent ones are kept decoded.
 *
 * The file is its entries end to end, nothing else: each article's text, then its blocks as JSON
 * (library-cache.ts). Where each one lies and the CRC-32 of its bytes
 * live in the cache, whose own checksum covers them; each entry is checked as it is read, so a
 * damaged or replaced file is caught piece by piece, and the caller's fallback (parsing the
 * article's own file again) answers instead.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

export { LIBRARY_TEXTS_FILE } from './shipped-names'

/**
 * Texts kept decoded, in UTF-16 code units: about 8 MiB of strings, some 700 articles of average
 * length, far more than a few pages of results and the articles open.
 */
const KEPT_UNITS = 4 * 1024 * 1024

/** Where each text lies in the file, and its check: what the cache records of the file. */
export interface TextsLayout {
  /** Byte offsets: text `i` is `[starts[i], starts[i + 1])`; one more entry than texts. */
  starts: Uint32Array
  /** The CRC-32 of each text's bytes. */
  checks: Uint32Array
}

/**
 * Writes `texts` end to end into `path`, through a temporary file renamed into place.
 * @returns where each lies and its check, for the cache to record.
 */
export async function writeTextsFile(path: string, texts: readonly string[]): Promise<TextsLayout> {
  const starts = new Uint32Array(texts.length + 1)
  const checks = new Uint32Array(texts.length)
  const chunks = texts.map((text, i) => {
    const bytes = Buffer.from(text, 'utf8')
    const end = starts[i]! + bytes.length
    // Offsets are 32-bit: 4 GiB of text is some 600,000 articles, far past what one library holds.
    if (end > 0xffffffff) throw new Error('the library texts are over 4 GiB')
    starts[i + 1] = end
    checks[i] = crc32(bytes)
    return bytes
  })
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writev(chunks)
  } finally {
    await handle.close()
  }
  await rename(temporary, path)
  return { starts, checks }
}

/** A text could not be read from the file, and why; the reader then uses its fallback. */
export type TextFallback = (index: number, problem: string) => string

/** The texts file opened for reading, one text at a time. */
export class TextsFile {
  private readonly recent = new Map<number, string>()
  private keptUnits = 0

  private constructor(
    private readonly fd: number,
    private readonly layout: TextsLayout,
    private readonly fallback: TextFallback
  ) {}

  /**
   * Opens `path`, whose size must be the layout's last offset.
   * @throws when it cannot be opened or has another size (a file from another build, cut short).
   */
  static open(path: string, layout: TextsLayout, fallback: TextFallback): TextsFile {
    const fd = openSync(path, 'r')
    try {
      const size = fstatSync(fd).size
      const expected = layout.starts[layout.starts.length - 1] ?? 0
      if (size !== expected) throw new Error(`it is ${size} bytes long, not ${expected}`)
    } catch (error) {
      closeSync(fd)
      throw error
    }
    return new TextsFile(fd, layout, fallback)
  }

  /** How many entries the file holds. */
  get count(): number {
    return this.layout.checks.length
  }

  /**
   * Text `index`, read and checked now unless read lately; the fallback's when that fails. The
   * texts kept are the last ones read, oldest dropped first (Map keeps insertion order): a hit is
   * one look-up, where keeping them in order of use cost two more per hit, and a search reads
   * each of its page's texts several times.
   */
  text(index: number): string {
    const kept = this.recent.get(index)
    if (kept !== undefined) return kept
    const text = this.read(index)
    this.recent.set(index, text)
    this.keptUnits += text.length
    for (const [oldest, dropped] of this.recent) {
      if (this.keptUnits <= KEPT_UNITS || oldest === index) break
      this.recent.delete(oldest)
      this.keptUnits -= dropped.length
    }
    return text
  }

  /** Entry `index`, read and checked now, and not kept (its caller keeps what it makes of it). */
  once(index: number): string {
    return this.read(index)
  }

  private read(index: number): string {
    const start = this.layout.starts[index]!
    const length = this.layout.starts[index + 1]! - start
    const bytes = Buffer.allocUnsafe(length)
    let problem: string
    try {
      const read = length === 0 ? 0 : readSync(this.fd, bytes, 0, length, start)
      if (read !== length) problem = 'the text is cut short'
      else if (crc32(bytes) !== this.layout.checks[index])
        problem = 'the text does not match its check'
      else return bytes.toString('utf8')
    } catch (error) {
      problem = `the text could not be read (${(error as Error).message})`
    }
    return this.fallback(index, problem)
  }
}
