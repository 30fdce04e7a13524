/**
 * One person, however an article spells them. Extraction names a speaker as each article first
 * introduces them, so across the library "Kim Jong-un" and "Kim Jong Un", or "KCNA" and "Kcna",
 * are the same voice. They are compared as search compares words: folded case, accents and
 * apostrophes, hyphens read as spaces, a possessive dropped ("Kim Kye Gwan's statement").
 */
import { foldWord, stripPossessive } from '../search/fold'
import { tokenize } from '../search/tokenize'

/** The comparable form of a speaker's name: its words, folded, joined by single spaces. */
export function speakerKey(name: string): string {
  return tokenize(name)
    .map((token) => stripPossessive(foldWord(token.text)))
    .join(' ')
}
