import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parseBinaryFile, writeBinaryFile } from '../../../src/main/library/binary-file'
import { readBinaryFiles, type ReadBinary } from '../../../src/main/library/read-checked'

const threads = vi.hoisted(() => ({ fail: false }))
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>()
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      if (threads.fail) throw new Error('no threads here')
      super(...args)
    }
  }
  return { ...real, Worker }
})

async function twoFiles(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-read-'))
  const paths = [join(dir, 'a.bin'), join(dir, 'b.bin')]
  await writeBinaryFile(paths[0]!, { name: 'a' }, { words: 'one\ntwo', ids: Uint32Array.of(7, 9) })
  await writeBinaryFile(paths[1]!, { name: 'b' }, { big: new Uint8Array(9 << 20).fill(3) })
  return paths
}

describe('reading the shipped files on a thread of their own', () => {
  it('gives each file as written, with its body checksummed as it was read', async () => {
    const paths = await twoFiles()
    const [a, b] = (await Promise.all(readBinaryFiles(paths))) as ReadBinary[]
    expect(a!.bytes.equals(await readFile(paths[0]!))).toBe(true)
    expect(b!.bytes.equals(await readFile(paths[1]!))).toBe(true)
    expect(a!.bodyChecksum).toEqual(expect.any(Number))
    expect([...parseBinaryFile(a!.bytes, a!.bodyChecksum).u32('ids')]).toEqual([7, 9])
    expect(parseBinaryFile(b!.bytes, b!.bodyChecksum).u8('big')).toHaveLength(9 << 20)
  })

  it('refuses a file whose checksum as read is not the one its header holds', async () => {
    const [path] = await twoFiles()
    const [read] = (await Promise.all(readBinaryFiles([path!]))) as ReadBinary[]
    expect(() => parseBinaryFile(read!.bytes, (read!.bodyChecksum! + 1) >>> 0)).toThrow(/checksum/)
  })

  it('says a missing file is missing, and still reads the others', async () => {
    const [path] = await twoFiles()
    const [missing, found] = await Promise.all(readBinaryFiles([`${path}.none`, path!]))
    expect((missing as NodeJS.ErrnoException).code).toBe('ENOENT')
    expect((found as ReadBinary).bytes.equals(await readFile(path!))).toBe(true)
  })

  it('reads them here, checked when opened, where no thread can be started', async () => {
    const paths = await twoFiles()
    threads.fail = true
    try {
      const [a, missing] = await Promise.all(readBinaryFiles([paths[0]!, `${paths[1]}.none`]))
      expect((a as ReadBinary).bodyChecksum).toBeUndefined()
      expect(parseBinaryFile((a as ReadBinary).bytes).meta).toEqual({ name: 'a' })
      expect((missing as NodeJS.ErrnoException).code).toBe('ENOENT')
    } finally {
      threads.fail = false
    }
  })
})

describe('a shipped file as it is being read', () => {
  it('gives its first bytes before the rest, the same bytes as the whole', async () => {
    const [, big] = await twoFiles()
    const [reading] = readBinaryFiles([big!])
    const head = await reading!.upTo(64)
    const whole = await readFile(big!)
    expect(head?.subarray(0, 64).equals(whole.subarray(0, 64))).toBe(true)
    const read = (await reading) as ReadBinary
    expect(read.bytes.equals(whole)).toBe(true)
    // Once read, any length within it at once; past its end, none.
    expect((await reading!.upTo(whole.length))?.subarray(0, whole.length).equals(whole)).toBe(true)
    expect(await reading!.upTo(whole.length + 1)).toBeNull()
  })

  it('gives nothing of a file that cannot be read', async () => {
    const [path] = await twoFiles()
    const [missing] = readBinaryFiles([`${path}.none`])
    expect(await missing!.upTo(12)).toBeNull()
  })

  it('gives the bytes read here where no thread can be started', async () => {
    const [path] = await twoFiles()
    threads.fail = true
    try {
      const [reading] = readBinaryFiles([path!])
      expect((await reading!.upTo(8))?.toString('latin1', 0, 8)).toBe('DOSSIERB')
    } finally {
      threads.fail = false
    }
  })
})

describe('a job for the reading thread once its files are read', () => {
  /** Runs `source` as the job after reading `paths`; the value it gave. */
  const run = (paths: string[], source: string, data: unknown = null) =>
    new Promise<unknown>((done) => readBinaryFiles(paths, { source, data, done }))

  it('is given the first file’s bytes and its data, and its value comes back', async () => {
    const paths = await twoFiles()
    const source = `(bytes, data) => bytes.toString('latin1', 0, 8) + ' ' + data.word`
    expect(await run(paths, source, { word: 'read' })).toBe('DOSSIERB read')
  })

  it('is given no bytes for a file that cannot be read', async () => {
    const [path] = await twoFiles()
    expect(await run([`${path}.none`], `(bytes) => bytes === null`)).toBe(true)
  })

  it('answers null when it throws, or where no thread can be started', async () => {
    const paths = await twoFiles()
    expect(await run(paths, `() => { throw new Error('no') }`)).toBeNull()
    threads.fail = true
    try {
      expect(await run(paths, `() => 'never'`)).toBeNull()
    } finally {
      threads.fail = false
    }
  })
})
