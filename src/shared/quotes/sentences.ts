/**
 * Paragraphs and sentences of a text, as offset pairs. Sentences are cut by one regular
 * expression over news conventions rather than Intl.Segmenter: V8's segmenter costs time
 * proportional to the whole string for every sentence it yields (quadratic on a long
 * paragraph), it breaks after "Mr." and inside `"…?" he asked`, and attribution needs exactly
 * those cases the other way.
 */
import { ABBREVIATIONS } from './lexicon'

export type Range = [start: number, end: number]

/** How far (in characters) from a quotation its sentence is read, however long it runs. */
export const SENTENCE_WINDOW = 600

/** [start, end) of each paragraph (text between blank lines), surrounding space excluded. */
export function splitParagraphs(text: string): Range[] {
  const paragraphs: Range[] = []
  const breaks = /\n[ \t]*\n\s*/g
  let start = 0
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    if (match.index > start) paragraphs.push([start, match.index])
    start = match.index + match[0].length
  }
  if (start < text.length || paragraphs.length === 0) paragraphs.push([start, text.length])
  return paragraphs
}

/**
 * Where a sentence ends: a terminator (with any closing quotes or brackets after it), space,
 * then what can open a sentence (a capital, a digit, an opening quote or bracket). A question
 * or exclamation inside a quotation followed by a lowercase word ("What's the point?" he
 * asked) does not end the sentence: the attribution belongs to it. CJK full stops end a
 * sentence with or without space.
 */
const SENTENCE_END =
  /[.!?…]+["'”’)\]]*\s+(?=["'“‘([]*[\p{Lu}\p{Lt}\p{N}])|[。！？]["'”’」』)]*\s*/gu

/** [start, end) of each sentence, trailing space excluded, never crossing a paragraph. */
export function splitSentences(text: string, paragraphs: Range[]): Range[] {
  const sentences: Range[] = []
  for (const [start, end] of paragraphs) {
    let from = start
    SENTENCE_END.lastIndex = start
    for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
      if (match.index >= end) break
      const to = match.index + match[0].trimEnd().length
      // "Mr. Chairman", "J. Smith": a title or an initial, not the end of a sentence.
      if (!endsWithAbbreviation(text, [from, to])) {
        sentences.push([from, Math.min(to, end)])
        from = match.index + match[0].length
      }
      if (match[0].length === 0) SENTENCE_END.lastIndex++
    }
    if (from < end) sentences.push([from, end])
  }
  return sentences
}

function endsWithAbbreviation(text: string, [start, end]: Range): boolean {
  const tail = /(\S+)\.$/.exec(text.slice(Math.max(start, end - 12), end))
  if (!tail) return false
  const word = tail[1]!.replace(/^[("'“‘]+/, '')
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)
}

/**
 * Index of the range containing `offset` (or the last one starting before it), by binary
 * search over ranges sorted by start.
 */
export function rangeIndexAt(ranges: Range[], offset: number): number {
  let low = 0
  let high = ranges.length - 1
  let found = 0
  while (low <= high) {
    const mid = (low + high) >> 1
    if (ranges[mid]![0] <= offset) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}
