/**
 * One typed word in the forms the index and the article text can be compared with. Shared by
 * the parser (which makes them) and every search provider (which match them).
 */
import { analyseWord, foldForPrefix } from './lunr-engine'

/** One word the user typed, in the forms the index can be asked for. */
export interface QueryWord {
  /** As typed (for display and tests). */
  text: string
  /** Analysed (folded, stemmed) form, or null for a stop word. */
  exact: string | null
  /** Folded, unstemmed form: how a stop word inside a phrase is compared with the text. */
  folded: string
  /** Folded form matched as a prefix: only the word under the cursor. */
  prefix: string | null
}

/**
 * Shortest prefix worth expanding: one letter would match most of the vocabulary and make
 * every keystroke of a new word slow and noisy.
 */
export const MIN_PREFIX = 2

/** Analyses one typed word; `typing` marks the word under the cursor, matched as a prefix too. */
export function queryWord(text: string, typing: boolean): QueryWord {
  const folded = foldForPrefix(text)
  return {
    text,
    exact: analyseWord(text),
    folded,
    prefix: typing && folded.length >= MIN_PREFIX ? folded : null
  }
}

/** True when the word can be looked up in the index (stop words alone cannot). */
export function isSearchable(word: QueryWord): boolean {
  return word.exact !== null || word.prefix !== null
}

/**
 * True when an index term or article token (analysed form, folded form) satisfies the word.
 * `alternatives` are further index terms accepted for it (close spellings found by fuzzy search).
 * A stop word (inside a phrase) matches the same folded word.
 */
export function wordMatches(
  word: QueryWord,
  analysed: string | null,
  folded: string,
  alternatives?: ReadonlySet<string>
): boolean {
  if (word.exact !== null && analysed === word.exact) return true
  if (word.prefix !== null && folded.startsWith(word.prefix)) return true
  if (analysed !== null && alternatives?.has(analysed)) return true
  return word.exact === null && word.prefix === null && folded === word.folded
}
