/**
 * Bytes to text, in the order that is right most often: a byte-order mark, then valid UTF-8,
 * then the charset an HTML page declares, then windows-1252 (what browsers assume of an
 * undeclared legacy page). Some pages declare a charset they do not use: valid UTF-8 wins over
 * the declaration for that reason. Binary data is refused rather than decoded into noise.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string }

/** How far into a page its charset declaration may sit (the HTML standard's prescan: 1024). */
const PRESCAN_BYTES = 4096
/** How much of a file is examined for binary data. */
const SNIFF_BYTES = 8192

export function decodeBytes(bytes: Uint8Array, html: boolean): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' }
  const bom = byteOrderMark(bytes)
  if (bom) return decoded(bytes.subarray(bom.length), bom.encoding)
  if (looksBinary(bytes)) return { ok: false, reason: 'Not a text file: it holds binary data.' }
  const utf8 = tryDecode(bytes, 'utf-8')
  if (utf8 !== null) return decoded(bytes, 'utf-8', utf8)
  const declared = html ? declaredCharset(bytes) : null
  if (declared && declared !== 'utf-8') {
    const text = declared === 'windows-1252' ? null : tryDecode(bytes, declared, false)
    if (text !== null) return decoded(bytes, declared, text)
  }
  return decoded(bytes, 'windows-1252')
}

function decoded(bytes: Uint8Array, encoding: string, text?: string): Decoded {
  const value =
    text ??
    (encoding === 'windows-1252' ? windows1252(bytes) : new TextDecoder(encoding).decode(bytes))
  if (value.trim() === '') return { ok: false, reason: 'The file holds no text.' }
  return { ok: true, text: value, encoding }
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * NUL bytes, or many control bytes other than white space, in the first few kilobytes: text
 * in any 8-bit encoding has neither (UTF-16 without a mark is not accepted: it has NULs).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control > sample.length * 0.02
}

function tryDecode(bytes: Uint8Array, label: string, fatal = true): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes)
  } catch {
    // An unknown label (RangeError) or bytes invalid in it (TypeError).
    return null
  }
}

/**
 * The charset named by `<meta charset>` or `<meta http-equiv=content-type content="…;
 * charset=…">` near the top, normalised by TextDecoder (so `latin1` is windows-1252), or null.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES))
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label =
      /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)?.[1] ??
      (/http-equiv\s*=\s*["']?content-type/i.test(meta)
        ? /charset\s*=\s*([\w.:-]+)/i.exec(meta)?.[1]
        : undefined)
    if (!label) continue
    try {
      return new TextDecoder(label).encoding
    } catch {
      return null
    }
  }
  return null
}

/**
 * Bytes 0x80–0x9F of windows-1252 (WHATWG Encoding's index), where it differs from Latin-1:
 * Node's TextDecoder decodes the label as Latin-1, making curly quotes into control characters.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function windows1252(bytes: Uint8Array): string {
  let text = ''
  for (let at = 0; at < bytes.length; at += 8192) {
    const chunk = bytes.subarray(at, at + 8192)
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte
      )
    )
  }
  return text
}
