import { describe, expect, it } from 'vitest'
import { blobToBase64 } from '../../../src/renderer/src/lib/base64'

const bytes = (length: number, seed = 7): Uint8Array<ArrayBuffer> => {
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

describe('blobToBase64', () => {
  it('encodes as one btoa would, for every remainder of three and for nothing at all', async () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000]) {
      const data = bytes(length)
      expect(await blobToBase64(new Blob([data], { type: 'text/html' }))).toBe(reference(data))
    }
  })

  it('encodes a megabyte, far past what one call could take as arguments', async () => {
    const data = bytes(1024 * 1024 + 1)
    const back = decode(await blobToBase64(new Blob([data])))
    // Compared by hand: a deep equality over a million elements takes seconds.
    expect(back.length === data.length && back.every((byte, i) => byte === data[i])).toBe(true)
  })

  it('rejects when the file can no longer be read', async () => {
    const gone = new Blob(['x'])
    const reader = FileReader.prototype.readAsDataURL
    FileReader.prototype.readAsDataURL = function (this: FileReader) {
      setTimeout(() => this.onerror?.(new ProgressEvent('error') as ProgressEvent<FileReader>))
    }
    try {
      await expect(blobToBase64(gone)).rejects.toThrow()
    } finally {
      FileReader.prototype.readAsDataURL = reader
    }
  })
})
