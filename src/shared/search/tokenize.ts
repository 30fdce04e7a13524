import type { TextRange } from '../model/range'

/** A word of an article or query, with where it stands in the original text. */
export interface Token extends TextRange {
  text: string
}

// Letters, digits and combining marks, with apostrophes allowed between them (don't, Korea’s)
// and one trailing apostrophe kept for plural possessives (growers’).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu

/** Splits text into word tokens with their UTF-16 offsets in `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    tokens.push({ text: match[0], start, end: start + match[0].length })
  }
  return tokens
}
