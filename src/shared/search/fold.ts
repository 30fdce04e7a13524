/**
 * Text folding shared by indexing and querying, so a word is found however it was typed:
 * case, diacritics (café ≈ cafe), the apostrophe variants news text uses (’ ‘ ʼ ′ ≈ ') and the
 * dots of acronyms (U.S. ≈ US, D.P.R.K. ≈ DPRK).
 */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07`´]/g
// Diacritics go, but not the kana voicing marks NFKD splits off (ガ → カ + U+3099): they change
// the sound and the word (ガス "gas", カス "dregs"), where an accent rarely changes an English one.
const COMBINING_MARKS = /[^\P{M}\u3099\u309A]+/gu
/**
 * Invisible characters that may stand inside a word without ending it: the soft hyphen, the
 * zero-width non-joiner and joiner (Persian می‌خواهم, Indic conjuncts) and the word joiner. The
 * tokenizer keeps them in a word; folding drops them, so the word is found as typed without.
 */
export const INVISIBLE_IN_WORDS = '\u200D\u200C\u00AD\u2060'
// The joiner first: between two characters of a class it would read as joining them.
const INVISIBLE = new RegExp(`[${INVISIBLE_IN_WORDS}]`, 'g')
// Only dotted acronyms reach folding with a dot in them (the tokenizer splits everything else).
const DOTS = /\./g

/** Folds one word-like string to its comparable form. */
export function foldWord(word: string): string {
  return word
    .replace(APOSTROPHES, "'")
    .replace(DOTS, '')
    .replace(INVISIBLE, '')
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
