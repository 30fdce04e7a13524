// @vitest-environment node
// The browser has a native btoa; jsdom's is written in JavaScript and takes a minute over megabytes.
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../../src/renderer/src/lib/base64'

const bytes = (length: number, seed = 7): Uint8Array => {
  const out = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    out[i] = state >>> 24
  }
  return out
}

/** The plain way: one binary string, one btoa (fine for small inputs). */
const reference = (data: Uint8Array): string =>
  btoa(Array.from(data, (b) => String.fromCharCode(b)).join(''))

const decode = (encoded: string): Uint8Array =>
  Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))

describe('toBase64', () => {
  it('encodes as one btoa would, for every remainder of three', () => {
    for (const length of [0, 1, 2, 3, 4, 5]) {
      const data = bytes(length)
      expect(toBase64(data)).toBe(reference(data))
    }
  })

  it('joins slices without padding in the middle, past one slice and at odd lengths', () => {
    for (const length of [49152, 49153, 49152 * 2 + 2]) {
      const data = bytes(length, length)
      expect(toBase64(data)).toBe(reference(data))
    }
  })

  it('encodes a megabyte, far past what one call could take as arguments', () => {
    const data = bytes(1024 * 1024 + 1)
    const encoded = toBase64(data)
    expect(encoded.length).toBe(Math.ceil(data.length / 3) * 4)
    const back = decode(encoded)
    // Compared by hand: a deep equality over a million elements takes seconds.
    expect(back.length === data.length && back.every((byte, i) => byte === data[i])).toBe(true)
  })
})
