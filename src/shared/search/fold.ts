/**
 * Text folding shared by indexing and querying, so a word is found however it was typed:
 * case, diacritics (café ≈ cafe), the apostrophe variants news text uses (’ ‘ ʼ ′ ≈ ') and the
 * dots of acronyms (U.S. ≈ US, D.P.R.K. ≈ DPRK).
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07`´]/g
const COMBINING_MARKS = /\p{M}+/gu
// Only dotted acronyms reach folding with a dot in them (the tokenizer splits everything else).
const DOTS = /\./g

/** Folds one word-like string to its comparable form. */
export function foldWord(word: string): string {
  return word
    .replace(APOSTROPHES, "'")
    .replace(DOTS, '')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
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

// Two or more capitals, with or without dots between them, and an optional possessive:
// US, U.S., D.P.R.K., DPRK’s. Lower-case forms (u.s., us) are ordinary words.
const ACRONYM = /^(?:\p{Lu}\.?){2,}(?:['\u2019\u02BC]s)?$/u

/**
 * True for an acronym as written (US, U.S., D.P.R.K., or any word in capitals). Analysis never
 * drops one as a stop word: the capitals of "US" mean the country, not "us"; typed in lower
 * case, "us" stays a stop word. (A shouted "THE" is kept too, which costs nothing.)
 */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word)
}
