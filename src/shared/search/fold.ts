/**
 * Text folding shared by indexing and querying, so a word is found however it was typed:
 * case, diacritics (café ≈ cafe) and the apostrophe variants news text uses (’ ‘ ʼ ′ ≈ ').
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07`´]/g
const COMBINING_MARKS = /\p{M}+/gu

/** Folds one word-like string to its comparable form. */
export function foldWord(word: string): string {
  return word.replace(APOSTROPHES, "'").normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}

/**
 * Drops the English possessive so Trump’s, Trump's and Trump index alike; plural possessives
 * ("growers'") lose only the apostrophe.
 */
export function stripPossessive(folded: string): string {
  if (folded.endsWith("'s")) return folded.slice(0, -2)
  if (folded.endsWith("'")) return folded.slice(0, -1)
  return folded
}
