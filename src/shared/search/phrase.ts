/**
 * Where a query term occurs in analysed text. lunr has no phrase search (and Dossier's index
 * holds no positions), so a phrase is verified here against the text with the same analysis the
 * index used: its words adjacent and in order, inside one block. Punctuation between them does
 * not matter (it is not a word: "Korea, talks" holds "korea talks", "U.S.-Ukraine" holds
 * "U.S. Ukraine"), a block boundary does.
 */
import type { TextRange } from '../model/range'
import type { AnalysedToken } from './analysed-text'
import { wordMatches, type QueryWord } from './query'

/** One occurrence: its text range and the content positions it spans (see analysed-text). */
export interface Occurrence extends TextRange {
  first: number
  last: number
  /** -1 outside the article text (a source or author field). */
  block: number
}

/** Close spellings accepted for a word (from fuzzy search), by the word's analysed form. */
export type Alternatives = ReadonlyMap<string, ReadonlySet<string>>

/** Every occurrence of `words` as adjacent tokens, in order, within one block of `tokens`. */
export function findOccurrences(
  tokens: readonly AnalysedToken[],
  words: readonly QueryWord[],
  alternatives?: Alternatives
): Occurrence[] {
  const found: Occurrence[] = []
  if (words.length === 0) return found
  const matches = (token: AnalysedToken, word: QueryWord) =>
    wordMatches(word, token.analysed, token.folded, alternatives?.get(word.exact ?? ''))
  for (let i = 0; i + words.length <= tokens.length; i++) {
    const first = tokens[i]!
    let j = 0
    while (
      j < words.length &&
      tokens[i + j]!.block === first.block &&
      matches(tokens[i + j]!, words[j]!)
    )
      j++
    if (j < words.length) continue
    const last = tokens[i + words.length - 1]!
    found.push({
      start: first.start,
      end: last.end,
      first: first.position,
      last: last.position,
      block: first.block
    })
  }
  return found
}
