import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BinaryFileError,
  readBinaryFile,
  writeBinaryFile
} from '../../../src/main/library/binary-file'
import { asFirstLayout } from '../../support/first-layout'

async function written(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'dossier-bin-')), 'file.bin')
  await writeBinaryFile(
    path,
    { format: 'test', count: 3 },
    {
      words: 'naïve\ncafé\n北京',
      small: Uint8Array.of(1, 2, 3),
      none: new Uint32Array(0),
      wide: Uint16Array.of(1, 65535, 7),
      large: Uint32Array.of(0, 4294967295),
      signed: Int32Array.of(-5, 5),
      real: Float64Array.of(0.5, -1.25)
    }
  )
  return path
}

describe('the binary file of typed arrays', () => {
  it('reads back its meta, text and every kind of array as written', async () => {
    const file = await readBinaryFile(await written())
    expect(file.meta).toEqual({ format: 'test', count: 3 })
    expect(file.text('words').split('\n')).toEqual(['naïve', 'café', '北京'])
    expect([...file.u8('small')]).toEqual([1, 2, 3])
    expect(file.u32('none')).toHaveLength(0)
    expect([...file.u16('wide')]).toEqual([1, 65535, 7])
    expect([...file.u32('large')]).toEqual([0, 4294967295])
    expect([...file.i32('signed')]).toEqual([-5, 5])
    expect([...file.f64('real')]).toEqual([0.5, -1.25])
    expect(file.unsigned('wide')).toBeInstanceOf(Uint16Array)
  })

  it('refuses a section asked for as another type, or one it does not have', async () => {
    const file = await readBinaryFile(await written())
    expect(() => file.u32('small')).toThrow(BinaryFileError)
    expect(() => file.u8('missing')).toThrow(/section "missing"/)
  })

  it.each([
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 3), /bytes long/],
    ['cut in its header', (b: Buffer) => b.subarray(0, 16), /truncated/],
    [
      'one byte changed',
      (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 9 ? x ^ 1 : x))),
      /checksum/
    ],
    ['of the first layout (a SHA-256, no CRC-32)', asFirstLayout, /older layout/],
    ['zeroed', (b: Buffer) => Buffer.alloc(b.length), /not a Dossier binary file/],
    ['another kind of file', () => Buffer.from('{"format":1}'), /not a Dossier binary file/]
  ])('is refused when %s, with the reason', async (_case, damage, reason) => {
    const path = await written()
    await writeFile(path, damage(await readFile(path)))
    await expect(readBinaryFile(path)).rejects.toThrow(reason)
  })
})
