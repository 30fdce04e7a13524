import { analyseWord, foldForPrefix } from './lunr-engine'
import { tokenize } from './tokenize'

/** One word the user typed, in the forms the index can be asked for. */
export interface QueryWord {
  text: string
  /** Analysed (folded, stemmed) form, or null for a stop word. */
  exact: string | null
  /** Folded form matched as a prefix: only the word still being typed. */
  prefix: string | null
}

/**
 * Shortest prefix worth expanding: one letter would match most of the vocabulary and make
 * every keystroke of a new word slow and noisy.
 */
const MIN_PREFIX = 2

/**
 * Reads what the user typed as plain words. Operators and lunr syntax (`title:`, `+`, `~`,
 * quotes) are not interpreted, so no input can fail to parse; the last word counts as a prefix
 * while it is being typed (no trailing space), so results update as you type.
 */
export function parseQuery(raw: string): QueryWord[] {
  const tokens = tokenize(raw)
  const typing = !/\s$/.test(raw)
  return tokens
    .map((token, index): QueryWord => {
      const last = index === tokens.length - 1
      const folded = foldForPrefix(token.text)
      return {
        text: token.text,
        exact: analyseWord(token.text),
        prefix: last && typing && folded.length >= MIN_PREFIX ? folded : null
      }
    })
    .filter((word) => word.exact !== null || word.prefix !== null)
}

/** True when an index term or article token (analysed form, folded form) satisfies the word. */
export function wordMatches(word: QueryWord, analysed: string | null, folded: string): boolean {
  if (word.exact !== null && analysed === word.exact) return true
  return word.prefix !== null && folded.startsWith(word.prefix)
}
