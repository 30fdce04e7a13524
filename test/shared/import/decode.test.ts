import { describe, expect, it } from 'vitest'
import { declaredCharset, decodeBytes } from '@shared/import/decode'

const bytes = (...values: number[]) => Uint8Array.from(values)
const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0))
const text = (decoded: ReturnType<typeof decodeBytes>) =>
  decoded.ok ? decoded.text : decoded.reason

describe('decodeBytes', () => {
  it('follows a byte-order mark first', () => {
    expect(text(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), false))).toBe('hi')
    expect(text(decodeBytes(bytes(0xff, 0xfe, 0x68, 0, 0x69, 0), false))).toBe('hi')
    expect(text(decodeBytes(bytes(0xfe, 0xff, 0, 0x68, 0, 0x69), false))).toBe('hi')
  })

  it('takes valid UTF-8 even when the page declares another charset', () => {
    const page = new TextEncoder().encode('<meta charset="iso-8859-1"><p>café</p>')
    expect(decodeBytes(page, true)).toMatchObject({ ok: true, encoding: 'utf-8' })
    expect(text(decodeBytes(page, true))).toContain('café')
  })

  it('uses the declared charset when the bytes are not UTF-8', () => {
    const page = ascii(
      '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>\xc4\xc1</p>'
    )
    expect(decodeBytes(page, true)).toMatchObject({ ok: true, encoding: 'koi8-r' })
    expect(text(decodeBytes(page, true))).toContain('да')
  })

  it('falls back to windows-1252 for undeclared legacy bytes and for a declaration it cannot use', () => {
    expect(text(decodeBytes(ascii('caf\xe9 \x93quoted\x94'), false))).toBe('café “quoted”')
    const bogus = ascii('<meta charset="no-such-charset"><p>na\xefve</p>')
    expect(decodeBytes(bogus, true)).toMatchObject({ ok: true, encoding: 'windows-1252' })
  })

  it('refuses binary data, an empty file and one of white space only', () => {
    expect(decodeBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d), true)).toEqual({
      ok: false,
      reason: 'Not a text file: it holds binary data.'
    })
    expect(decodeBytes(bytes(), true)).toEqual({ ok: false, reason: 'The file is empty.' })
    expect(decodeBytes(ascii(' \n\t '), false)).toEqual({
      ok: false,
      reason: 'The file holds no text.'
    })
  })

  it('reads a declaration with or without quotes, normalising its label', () => {
    expect(declaredCharset(ascii("<meta charset='Latin1'>"))).toBe('windows-1252')
    expect(declaredCharset(ascii('<meta charset=Shift_JIS>'))).toBe('shift_jis')
    expect(declaredCharset(ascii('<p>no meta</p>'))).toBeNull()
  })
})
