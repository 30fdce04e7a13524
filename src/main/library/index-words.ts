/**
 * The index file's word lists and its vocabulary: the part of opening it that is not views onto
 * its bytes, and most of the time opening takes. Start-up makes them as soon as the file's first
 * sections are read (`readIndexWordsEarly`), while the thread goes on reading the rest, 90 MiB at
 * 10,000 articles; the file is opened with them once it is all read and checked.
 */
import { Vocabulary } from '@shared/search/vocabulary'
import { binaryFilePrefix, type BinaryFile } from './binary-file'
import type { ReadingBinary } from './read-checked'

/** What the index file's header holds besides its sections (library-index.ts writes it). */
export interface IndexMeta {
  format: number
  fingerprint: string
  refs: number
  terms: number
  sources: string[]
  vocabulary: number
  spellings: number
}

/** Made from the word sections, first in the file. */
export interface IndexWords {
  refs: string[]
  terms: string[]
  articleIds: string[]
  vocabulary: Vocabulary
}

/** The sections `readIndexWords` reads: written first, so they are read first. */
export const WORD_SECTIONS = [
  'refs',
  'terms',
  'articleIds',
  'analysed',
  'stops',
  'folded',
  'spellings',
  'spellingIds',
  'analysedOrder',
  'foldedOrder'
]

/** Bytes before the header: the magic and the header's length (binary-file.ts). */
const PREAMBLE = 12

export function splitWords(text: string, count: number): string[] {
  const words = count === 0 ? [] : text.split('\n')
  if (words.length !== count) throw new Error('a word list does not have its recorded length')
  return words
}

/** @throws Error when the lists do not agree with the header or with each other. */
export function readIndexWords(file: BinaryFile, meta: IndexMeta): IndexWords {
  const stops = file.u8('stops')
  const analysed = splitWords(file.text('analysed'), meta.vocabulary)
  const spellingIds = file.u32('spellingIds')
  if (spellingIds.length !== meta.spellings) throw new Error('the spellings do not agree')
  return {
    refs: splitWords(file.text('refs'), meta.refs),
    terms: splitWords(file.text('terms'), meta.terms),
    articleIds: splitWords(file.text('articleIds'), meta.refs),
    vocabulary: Vocabulary.fromArrays({
      analysed: analysed.map((form, id) => (stops[id] === 1 ? null : form)),
      folded: splitWords(file.text('folded'), meta.vocabulary),
      // Split when an article is first added, if ever (vocabulary.ts).
      spellings: () => splitWords(file.text('spellings'), meta.spellings),
      spellingIds,
      orders: { byAnalysed: file.u32('analysedOrder'), byFolded: file.u32('foldedOrder') }
    })
  }
}

/**
 * `readIndexWords` on the index file as it is being read, once its word sections are in: nothing
 * is checked yet, so this stands only if the whole file then passes its checks (it is made
 * from the very bytes they check). Null when it cannot be made: not this format, or unreadable,
 * which opening the file then reports.
 */
export async function readIndexWordsEarly(
  reading: ReadingBinary,
  format: number
): Promise<IndexWords | null> {
  try {
    const start = await reading.upTo(PREAMBLE)
    const headed = start && (await reading.upTo(PREAMBLE + start.readUInt32LE(PREAMBLE - 4)))
    if (!headed) return null
    const file = binaryFilePrefix(headed)
    const meta = file.meta as Partial<IndexMeta> | null
    if (meta?.format !== format || !(await reading.upTo(file.end(WORD_SECTIONS)))) return null
    return readIndexWords(file, meta as IndexMeta)
  } catch {
    return null
  }
}
