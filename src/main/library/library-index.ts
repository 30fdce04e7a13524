/**
 * The search index shipped with the app: lunr's postings (lunr-engine.ts) and the forward index
 * (library-forward.ts), as one binary file of typed arrays (binary-file.ts). `npm run build`
 * writes it with a fingerprint of the article files it was built from; at start-up it is used
 * only if that fingerprint still matches the files on disk, so an edited or added article can
 * never be searched stale, and a damaged file only costs a rebuild.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { ArticleView } from '@shared/model/article'
import { LibraryForward } from '@shared/search/library-forward'
import {
  FIELDS,
  SearchEngine,
  type FieldArrays,
  type Frequencies
} from '@shared/search/lunr-engine'
import { toIndexedDocument } from '@shared/search/search-service'
import {
  binaryFileMeta,
  parseBinaryFile,
  writeBinaryFile,
  type BinaryFile,
  type Section
} from './binary-file'
import { LIBRARY_CACHE_FORMAT, type LoadedFile } from './library-cache'
import { readIndexWords, type IndexMeta, type IndexWords } from './index-words'
import { readBinaryHere, type ReadBinary } from './read-checked'

import { INDEX_FILE } from './shipped-names'

export { INDEX_FILE }
/**
 * Bump when analysis (tokenising, folding, stemming) or the index layout changes.
 * 3: the compact layout of `SearchEngine#toJSON` (flat postings, no lunr JSON).
 * 4: each Han, kana and Hangul character a word of its own; invisible joiners kept in words.
 * 5: a binary file of typed arrays, with the forward index.
 * 6: the binary file's second layout (a CRC-32 of the body, not a SHA-256).
 * 7: term ids and document numbers in two bytes, term frequencies in one, where they fit; the
 *    vocabulary's orders.
 */
export const INDEX_FORMAT = 7

/** What the index is built from: the library's files as loaded. */
export interface IndexedLibrary {
  articles: readonly ArticleView[]
  files: readonly Pick<LoadedFile, 'file' | 'hash'>[]
}

/**
 * Fingerprint of what the index is built from: every file's name and the hash of its bytes, and
 * the versions of the parser, the quotation rules and the analysis. Articles are made from
 * exactly these, so equal fingerprints mean equal indexes, without reading any article text.
 */
export function libraryFingerprint(files: IndexedLibrary['files']): string {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  // One string hashed at once: 10,000 small updates cost ten times as much, same digest.
  const lines = sorted.map(({ file, hash }) => `${file}\u0000${hash}\n`)
  return createHash('sha256')
    .update(`dossier-index:${INDEX_FORMAT} ${LIBRARY_CACHE_FORMAT}\n${lines.join('')}`)
    .digest('hex')
}

/** Indexes the articles; `onProgress` hears the fraction done (0–1) now and then. */
export function buildEngine(
  articles: readonly ArticleView[],
  onProgress?: (fraction: number) => void
): SearchEngine {
  return SearchEngine.build(articles.map(toIndexedDocument), onProgress)
}

/**
 * Writes the index and the forward index of `library` (built here unless `built` has them);
 * returns the path.
 */
export async function writeIndexFile(
  resourcesDir: string,
  library: IndexedLibrary,
  built?: { engine: SearchEngine; forward: LibraryForward }
): Promise<string> {
  const path = join(resourcesDir, INDEX_FILE)
  await writeIndexArrays(
    path,
    libraryFingerprint(library.files),
    built?.engine ?? buildEngine(library.articles),
    built?.forward ?? LibraryForward.build(library.articles)
  )
  return path
}

/** Words joined by newlines, which no index term, id or spelling holds (tokens are words). */
function joinWords(words: readonly string[]): string {
  for (const word of words)
    if (word.includes('\n'))
      throw new Error(`an index word holds a line break: ${JSON.stringify(word)}`)
  return words.join('\n')
}

async function writeIndexArrays(
  path: string,
  fingerprint: string,
  engine: SearchEngine,
  forward: LibraryForward
): Promise<void> {
  const index = engine.toArrays()
  const f = forward.toArrays()
  const sections: Record<string, Section> = {
    refs: joinWords(index.refs),
    terms: joinWords(index.terms),
    articleIds: joinWords(f.articleIds),
    analysed: joinWords(f.vocabulary.analysed.map((form) => form ?? '')),
    stops: Uint8Array.from(f.vocabulary.analysed, (form) => (form === null ? 1 : 0)),
    folded: joinWords(f.vocabulary.folded),
    spellings: joinWords(f.vocabulary.spellings),
    spellingIds: f.vocabulary.spellingIds,
    analysedOrder: f.vocabulary.orders!.byAnalysed,
    foldedOrder: f.vocabulary.orders!.byFolded,
    termIds: twoBytesIfFit(f.termIds),
    gaps: f.gaps,
    lengths: f.lengths,
    checkpoints: f.checkpoints,
    tokenStarts: f.tokenStarts,
    checkpointStarts: f.checkpointStarts
  }
  index.fields.forEach((field, i) => {
    sections[`starts${i}`] = field.starts
    sections[`docs${i}`] = twoBytesIfFit(field.docs)
    sections[`tfs${i}`] = oneByteIfFit(field.tfs)
    sections[`lengths${i}`] = field.lengths
  })
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    fingerprint,
    refs: index.refs.length,
    terms: index.terms.length,
    sources: [...f.sources],
    vocabulary: f.vocabulary.analysed.length,
    spellings: f.vocabulary.spellings.length
  }
  await writeBinaryFile(path, meta, sections)
}

/**
 * `values` in two bytes each if every one fits. Most of the file is term ids and document
 * numbers, whose largest is the vocabulary's and the library's size: two bytes halve what
 * start-up reads for a library of up to 65,536 articles over as many word forms.
 */
export function twoBytesIfFit(values: Uint16Array | Uint32Array): Uint16Array | Uint32Array {
  if (values instanceof Uint16Array) return values
  for (const value of values) if (value > 0xffff) return values
  return Uint16Array.from(values)
}

/** `values` in one byte each if every one fits (term frequencies mostly do). */
export function oneByteIfFit(values: Frequencies): Frequencies {
  if (values instanceof Uint8Array) return values
  for (const value of values) if (value > 0xff) return values
  return Uint8Array.from(values)
}

/** A section written by `twoBytesIfFit`. */
function twoOrFourBytes(file: BinaryFile, name: string): Uint16Array | Uint32Array {
  const values = file.unsigned(name)
  if (values instanceof Uint8Array) throw new Error(`the index ${name} are damaged`)
  return values
}

/**
 * The engine and forward index in a file read back, with its words made already if they were.
 * @throws Error when they do not agree.
 */
function fromFile(
  file: BinaryFile,
  meta: IndexMeta,
  words = readIndexWords(file, meta)
): { engine: SearchEngine; forward: LibraryForward } {
  const { refs, terms, articleIds, vocabulary } = words
  const fields = FIELDS.map((_field, i): FieldArrays => {
    const tfs = file.unsigned(`tfs${i}`)
    return {
      starts: file.u32(`starts${i}`),
      docs: twoOrFourBytes(file, `docs${i}`),
      tfs,
      lengths: file.u32(`lengths${i}`)
    }
  })
  const engine = SearchEngine.fromArrays({ refs, terms, fields })
  const forward = LibraryForward.fromArrays({
    vocabulary,
    articleIds,
    sources: meta.sources,
    termIds: twoOrFourBytes(file, 'termIds'),
    gaps: file.unsigned('gaps'),
    lengths: file.unsigned('lengths'),
    checkpoints: file.u32('checkpoints'),
    tokenStarts: file.u32('tokenStarts'),
    checkpointStarts: file.u32('checkpointStarts')
  })
  return { engine, forward }
}

export type IndexOrigin = 'prebuilt' | 'rebuilt'

/** Reads the index file on this thread (start-up reads it with the cache: read-checked.ts). */
export function readIndexFile(resourcesDir: string): Promise<ReadBinary | Error> {
  return readBinaryHere(join(resourcesDir, INDEX_FILE))
}

/**
 * Why the index file cannot serve `library`, judged by its header alone (format and
 * fingerprint; the body's checksum is checked when it is opened); null when it can.
 */
export function indexFileProblem(read: ReadBinary | Error, library: IndexedLibrary): string | null {
  try {
    if (read instanceof Error) throw read
    const meta = binaryFileMeta(read.bytes) as Partial<IndexMeta> | null
    if (meta?.format !== INDEX_FORMAT)
      return `its format ${String(meta?.format)} is not ${INDEX_FORMAT}`
    if (meta.fingerprint !== libraryFingerprint(library.files))
      return 'the articles changed since it was built'
    return null
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'there is none'
      : `it could not be read (${(error as Error).message})`
  }
}

/**
 * The prebuilt index and forward index when the file matches `library`, else why not (for the
 * log). Never fails: a missing, outdated or damaged file is a reason, not an error.
 * @param read the file as already being read (see `readIndexFile`).
 */
export async function openPrebuiltIndex(
  resourcesDir: string,
  library: IndexedLibrary,
  read: Promise<ReadBinary | Error> = readIndexFile(resourcesDir)
): Promise<{ engine: SearchEngine; forward: LibraryForward } | { reason: string }> {
  const path = join(resourcesDir, INDEX_FILE)
  const done = await read
  const reason = indexFileProblem(done, library)
  if (reason === null) return openCheckedIndex(resourcesDir, done as ReadBinary)
  return { reason: `[dossier] Rebuilding the search index: ${reason} (${path})` }
}

/**
 * `openPrebuiltIndex` for a file whose header `indexFileProblem` found right: checks its body's
 * checksum and opens it, else says why not.
 * @param words made from these very bytes as they were read (index-words.ts), if they were.
 */
export function openCheckedIndex(
  resourcesDir: string,
  { bytes, bodyChecksum }: ReadBinary,
  words?: IndexWords | null
): { engine: SearchEngine; forward: LibraryForward } | { reason: string } {
  try {
    const file = parseBinaryFile(bytes, bodyChecksum)
    return fromFile(file, file.meta as IndexMeta, words ?? undefined)
  } catch (error) {
    const reason = `it could not be read (${(error as Error).message})`
    return {
      reason: `[dossier] Rebuilding the search index: ${reason} (${join(resourcesDir, INDEX_FILE)})`
    }
  }
}

/**
 * Loads the prebuilt index when it matches `library`, else builds one in memory and says why.
 * Never fails: any problem with the file only costs a rebuild. Synchronous parts (building) run
 * long for a large library: call it off the main thread (see index-worker.ts).
 * @param onProgress hears the fraction done (0–1): loading is quick, building reports as it goes.
 * @returns the forward index too when it came from the file (built from the articles otherwise).
 */
export async function loadOrBuildIndex(
  resourcesDir: string,
  library: IndexedLibrary,
  log: (message: string) => void = () => {},
  onProgress: (fraction: number) => void = () => {}
): Promise<{ engine: SearchEngine; forward?: LibraryForward; origin: IndexOrigin }> {
  const prebuilt = await openPrebuiltIndex(resourcesDir, library)
  if ('engine' in prebuilt) return { ...prebuilt, origin: 'prebuilt' }
  log(prebuilt.reason)
  return { engine: buildEngine(library.articles, onProgress), origin: 'rebuilt' }
}
