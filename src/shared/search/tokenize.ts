import type { TextRange } from '../model/range'
import { INVISIBLE_IN_WORDS } from './fold'

/** A word of an article or query, with where it stands in the original text. */
export interface Token extends TextRange {
  text: string
}

// Chinese and Japanese are written without spaces, and Korean attaches particles to its words
// (서울에서, "in Seoul"): a run of these scripts is not one word. Each Han, Hiragana, Katakana or
// Hangul character is a token of its own (unigrams, as Lucene's CJK analysis starts from), and a
// word typed in them is searched as the phrase of its characters (query-parser.ts reads a body
// of several tokens as a phrase), so 外交部 is found inside 中国外交部发言人. Script extensions
// (scx) bring in the marks these scripts share (ー, 々); intersecting with letters and digits
// keeps their punctuation (、。「」) out, and combining marks (kana voicing) stay with their
// character. The `v` flag's set operations (&&, --) do this in the character classes, which
// costs far less per character than a look-ahead would.
const CJK_CHAR = String.raw`[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]`
const CJK = String.raw`[${CJK_CHAR}&&[\p{L}\p{N}]]\p{M}*`
/** A letter or digit of any other script: what a word starts with. */
const START = String.raw`[[\p{L}\p{N}]--${CJK_CHAR}]`
/** A letter, digit or combining mark of any other script. */
const LETTER = String.raw`[[\p{L}\p{N}\p{M}]--${CJK_CHAR}]`
// A dotted acronym first, so "U.S." is one token (not "U" and "S") and keeps its dots for the
// reader's highlight: single letters each followed by a dot, the last dot optional, and no
// letter right after (so "a.Bcd" stays two words). A hyphen still separates: "U.S.-Ukraine".
const ACRONYM = String.raw`\p{L}(?:\.\p{L}(?![\p{L}\p{N}]))+\.?(?:['\u2019\u02BC]s(?![\p{L}\p{N}]))?`
// Otherwise letters, digits and combining marks, from a letter or digit on (a mark with nothing
// to sit on, such as the variation selector after an emoji, is no word), with apostrophes
// allowed between them (don't, Korea’s), and the invisible characters that sit inside words (a
// soft hyphen, the zero-width joiners of Persian and Indic spelling): folding drops those, so
// inter­national is one word. Hyphens separate words, so Jong-un reads as "Jong un".
const PLAIN = String.raw`${START}${LETTER}*(?:(?:['\u2019\u02BC]|[${INVISIBLE_IN_WORDS}]+)${LETTER}+)*`
const WORD = new RegExp(`${CJK}|${ACRONYM}|${PLAIN}`, 'gv')

/** Splits text into word tokens with their UTF-16 offsets in `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // exec on the one expression, not matchAll: matchAll copies it for every call, which cost a
  // one-word query more than reading its words (~0.6 µs). No alternative matches empty text.
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const start = match.index
    tokens.push({ text: match[0], start, end: start + match[0].length })
  }
  return tokens
}
