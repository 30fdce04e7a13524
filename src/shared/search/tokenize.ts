import type { TextRange } from '../model/range'

/** A word of an article or query, with where it stands in the original text. */
export interface Token extends TextRange {
  text: string
}

// A dotted acronym first, so "U.S." is one token (not "U" and "S") and keeps its dots for the
// reader's highlight: single letters each followed by a dot, the last dot optional, and no
// letter right after (so "a.Bcd" stays two words). A hyphen still separates: "U.S.-Ukraine".
const ACRONYM = String.raw`\p{L}(?:\.\p{L}(?![\p{L}\p{N}]))+\.?(?:['\u2019\u02BC]s(?![\p{L}\p{N}]))?`
// Otherwise letters, digits and combining marks, with apostrophes allowed between them (don't,
// Korea’s). Hyphens separate words, so Jong-un reads as "Jong un", like Kim Jong Un.
const PLAIN = String.raw`[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*`
const WORD = new RegExp(`${ACRONYM}|${PLAIN}`, 'gu')

/** Splits text into word tokens with their UTF-16 offsets in `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    tokens.push({ text: match[0], start, end: start + match[0].length })
  }
  return tokens
}
