/**
 * Reads the shipped binary files (binary-file.ts) on a thread of their own, computing each body's
 * CRC-32 as it goes, so start-up finds them read and checksummed while it lists the library.
 *
 * Why a thread: on the machines measured, the first touch of fresh memory is the dearest part of
 * reading 160 MiB (about 2.7 ms per MiB, paid once when the kernel copies the file into a new
 * buffer and again when this process first reads it), not the reading or the checksum. The
 * thread pays both, on the other core, for bytes it then shares: the index worker's own thread
 * only ever touches them warm. Where no thread can be started, the file is read as before and
 * checked when it is opened.
 */
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { readWhole } from './binary-file'
import { INDEX_FILE, LIBRARY_CACHE_FILE } from './shipped-names'
import { unchangedFilesJob } from './unchanged-files'

/** A binary file's bytes and, when computed as it was read, the CRC-32 of its body. */
export interface ReadBinary {
  bytes: Buffer
  bodyChecksum?: number
}

/**
 * The thread, as source: plain JavaScript of Node's own modules, so it needs no file of its own
 * beside the bundle. It reads each file into shared memory a few MiB at a time, checksumming the
 * body (after the header, whose length the ninth to twelfth bytes give) while the chunk is fresh
 * in the cache, and posts how far it has read after each chunk (the memory is shared: what was
 * read before a message is there when it arrives), then the checksum. Empty views are skipped:
 * `crc32` restarts from 0 on some. It runs at the worker's own priority: the index is what
 * search waits for, and main lists the library without the worker (cached-list.ts).
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const { closeSync, fstatSync, openSync, readSync } = require('node:fs')
const { crc32 } = require('node:zlib')
const CHUNK = 4 * 1024 * 1024
let first = null
for (const path of workerData.paths) {
  let fd = -1
  try {
    fd = openSync(path, 'r')
    const size = fstatSync(fd).size
    const shared = new SharedArrayBuffer(size)
    const bytes = new Uint8Array(shared)
    let length = 0
    let bodyStart = Infinity
    let checksum = 0
    while (length < size) {
      const read = readSync(fd, bytes, length, Math.min(CHUNK, size - length), length)
      if (read === 0) break
      if (bodyStart === Infinity && length + read >= 12)
        bodyStart = Math.ceil((12 + new DataView(shared).getUint32(8, true)) / 8) * 8
      const from = Math.max(length, bodyStart)
      if (from < length + read) checksum = crc32(bytes.subarray(from, length + read), checksum)
      length += read
      if (length < size) parentPort.postMessage({ path, shared, length })
    }
    parentPort.postMessage({ path, shared, length, checksum, done: true })
    if (first === null) first = Buffer.from(shared, 0, length)
  } catch (error) {
    parentPort.postMessage({ path, message: String(error && error.message), code: error && error.code })
  } finally {
    if (fd >= 0) closeSync(fd)
  }
}
`

/**
 * The end of the thread when it has a job (`ThreadJob`): the job's function, given the first
 * file's bytes (null if it could not be read) and its data; what it returns, or null if it
 * throws, is the thread's last message.
 */
const JOB = (source: string): string => `
let value = null
try {
  value = (${source})(first, workerData.job)
} catch {
  value = null
}
parentPort.postMessage({ job: true, value })
`

/**
 * Work for the reading thread once its files are read, sparing a thread of its own (starting a
 * thread costs tens of milliseconds of CPU time): `source` is a function, as constant JavaScript
 * source of Node's own modules, of the first file's bytes and `data`.
 */
export interface ThreadJob {
  source: string
  data: unknown
  /** Hears the job's value: null without a thread, or if the job failed. */
  done: (value: unknown) => void
}

interface Answer {
  job?: true
  value?: unknown
  path?: string
  shared?: SharedArrayBuffer
  length?: number
  checksum?: number
  done?: boolean
  message?: string
  code?: string
}

/**
 * A file being read: resolves once it is read (never rejecting), to its bytes with their body's
 * checksum when the thread computed it, or to why it could not be read (an error with `code`
 * ENOENT when there is no such file).
 */
export type ReadingBinary = Promise<ReadBinary | Error> & {
  /**
   * The file's bytes once its first `length` are read, for a start on its first sections while
   * the rest comes: the whole file's memory, of which only those bytes are there yet, and nothing
   * of it checked. Null when the file cannot be read or is shorter.
   */
  upTo(length: number): Promise<Buffer | null>
}

/**
 * Starts reading `paths` in order on a thread of their own, then runs `job` there; one
 * `ReadingBinary` per path.
 */
export function readBinaryFiles(paths: readonly string[], job?: ThreadJob): ReadingBinary[] {
  type Result = ReadBinary | Error
  const settle = new Map<string, (result: Result | Promise<Result>) => void>()
  /** Per path: how far it is read (final once it is all read or failed), and who waits. */
  const arrived = new Map<string, { bytes: Buffer | null; length: number; final: boolean }>()
  const waiting = new Map<string, { length: number; wake: (bytes: Buffer | null) => void }[]>()
  const answer = (length: number, now: { bytes: Buffer | null; length: number }) =>
    now.bytes && now.length >= length ? now.bytes : null
  const reached = (path: string, bytes: Buffer | null, length: number, final: boolean): void => {
    const now = { bytes, length, final }
    arrived.set(path, now)
    const still = (waiting.get(path) ?? []).filter((waiter) => {
      if (!final && waiter.length > length) return true
      waiter.wake(answer(waiter.length, now))
      return false
    })
    waiting.set(path, still)
  }
  const results = paths.map((path) => {
    const done = new Promise<Result>((resolve) => settle.set(path, resolve))
    // However it ends, whoever waits for part of it hears: the bytes, or null.
    void done.then((result) =>
      result instanceof Error
        ? reached(path, null, 0, true)
        : reached(path, result.bytes, result.bytes.length, true)
    )
    const upTo = (length: number): Promise<Buffer | null> => {
      const now = arrived.get(path)
      if (now && (now.final || now.length >= length)) return Promise.resolve(answer(length, now))
      return new Promise((wake) =>
        waiting.set(path, [...(waiting.get(path) ?? []), { length, wake }])
      )
    }
    return Object.assign(done, { upTo })
  })
  let jobDone = (value: unknown): void => {
    jobDone = () => {}
    job?.done(value)
  }
  // Whatever the thread did not answer is read here instead, checked when opened.
  const readHere = (): void => {
    for (const [path, resolve] of settle) resolve(readBinaryHere(path))
    settle.clear()
    jobDone(null)
  }
  let thread: Worker
  try {
    const source = job ? THREAD + JOB(job.source) : THREAD
    thread = new Worker(source, { eval: true, workerData: { paths: [...paths], job: job?.data } })
  } catch {
    readHere()
    return results
  }
  thread.on('message', (answer: Answer) => {
    if (answer.job) {
      jobDone(answer.value ?? null)
      return
    }
    const resolve = settle.get(answer.path!)
    if (!resolve) return
    if (answer.shared && !answer.done) {
      // The whole file's memory; a file that shrank meanwhile ends short, and is refused.
      reached(answer.path!, Buffer.from(answer.shared), answer.length!, false)
      return
    }
    settle.delete(answer.path!)
    if (answer.shared) {
      const bytes = Buffer.from(answer.shared, 0, answer.length)
      resolve({ bytes, bodyChecksum: answer.checksum! })
    } else {
      resolve(Object.assign(new Error(answer.message), { code: answer.code }))
    }
  })
  thread.on('error', readHere)
  thread.on('exit', readHere)
  return results
}

/** `path` read on this thread, its checksum left to `parseBinaryFile`; never rejects. */
export function readBinaryHere(path: string): Promise<ReadBinary | Error> {
  return readWhole(path).then(
    (bytes) => ({ bytes }),
    (error: unknown) => error as Error
  )
}

/** The shipped files being read, and the article files' check against the cache. */
export interface ShippedReading {
  cache: ReadingBinary
  index: ReadingBinary
  /** The hash of the cache's list if every article file is unchanged (unchanged-files.ts). */
  unchanged: Promise<string | null>
}

/**
 * The shipped files in `resourcesDir`, the cache and the index, each on a thread of its own: the
 * index (58 MiB at 10,000 articles) is what search waits for, so it does not wait behind the
 * cache (6 MiB), which the worker needs first. The cache's thread then checks the article files
 * against it.
 */
export function readShippedFiles(resourcesDir: string): ShippedReading {
  let heard: (value: string | null) => void = () => {}
  const unchanged = new Promise<string | null>((resolve) => (heard = resolve))
  const job = unchangedFilesJob(join(resourcesDir, 'articles'), heard)
  const [cache] = readBinaryFiles([join(resourcesDir, LIBRARY_CACHE_FILE)], job)
  const [index] = readBinaryFiles([join(resourcesDir, INDEX_FILE)])
  return { cache: cache!, index: index!, unchanged }
}
