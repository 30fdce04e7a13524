/**
 * In-article find (Ctrl/Cmd+F): every place a typed needle occurs in an article's text, with
 * the same folding as search (case, diacritics, apostrophe variants), so what search found the
 * find bar finds too. Unlike search it matches substrings, as a browser's find does: "korea"
 * also finds "Korean". Runs of whitespace and hyphens count as one separator, so "Jong Un"
 * finds "Jong-Un" and a needle typed with one space finds words split across a line break.
 *
 * Folding can change lengths (ligatures expand, combining marks vanish), so the text is folded
 * one code point at a time while remembering, for every folded character, the code point it
 * came from; a match in the folded text maps back to whole code points of the original.
 */
import type { TextRange } from '../model/range'
import { foldWord } from './fold'

/** A text folded for find, with a map from each folded character back to the original. */
export interface FoldedText {
  folded: string
  /** Original offset where the code point behind each folded character starts. */
  starts: Int32Array
  /** Original offset where that code point (and any marks folded away after it) ends. */
  ends: Int32Array
}

/** Whitespace and the hyphens that join names (Jong-un); dashes between clauses are not. */
const SEPARATOR = /^[\s\-\u2010\u2011]+$/u
/** Invisible characters that only guide line breaking: they never stop a match. */
const IGNORABLE = /^[\u00AD\u200B\u2060\uFEFF]$/u

/**
 * Folds one code point: separators become one space, invisible break hints vanish, and the
 * Greek final sigma joins its ordinary form (toLowerCase of "Σ" alone is "σ"). Punctuation is
 * kept as typed, full stops included: search drops the dots of acronyms, but a find that
 * ignored every dot would match across sentence ends and could never find a "." itself.
 */
function foldCodePoint(char: string): string {
  let folded = foldedCodePoints.get(char)
  if (folded === undefined) {
    // A text uses a few hundred distinct code points (a CJK one a few thousand): folding each
    // once instead of at every occurrence makes folding a pasted page cheap enough per keystroke.
    if (foldedCodePoints.size >= FOLD_CACHE_SIZE) foldedCodePoints.clear()
    folded = foldOneCodePoint(char)
    foldedCodePoints.set(char, folded)
  }
  return folded
}

/** Code points folded so far; emptied past `FOLD_CACHE_SIZE`, which no real text reaches. */
const foldedCodePoints = new Map<string, string>()
const FOLD_CACHE_SIZE = 65_536

function foldOneCodePoint(char: string): string {
  if (IGNORABLE.test(char)) return ''
  if (char === '.') return char
  const folded = foldWord(char)
  if (folded !== '' && SEPARATOR.test(folded)) return ' '
  return folded === 'ς' ? 'σ' : folded
}

/**
 * Folds `text` for find. Folding per code point is what keeps the map exact; it agrees with
 * folding the whole string because NFKD decomposes each character on its own and the
 * combining marks it could reorder are dropped anyway.
 */
export function foldForFind(text: string): FoldedText {
  let folded = ''
  // Kept aside: asking `folded` itself, a string still being built, copies it every time.
  let endsInSpace = false
  const starts: number[] = []
  const ends: number[] = []
  let offset = 0
  for (const char of text) {
    const start = offset
    offset += char.length
    const piece = foldCodePoint(char)
    if (piece === '') {
      // A mark folded away belongs to the character before it: a match ending on that
      // character takes the mark along, so "cafe" highlights all of "café" written as e + ◌́.
      if (ends.length > 0) ends[ends.length - 1] = offset
      continue
    }
    if (piece === ' ' && endsInSpace) {
      ends[ends.length - 1] = offset
      continue
    }
    for (const unit of piece) {
      folded += unit
      for (let i = 0; i < unit.length; i++) {
        starts.push(start)
        ends.push(offset)
      }
    }
    endsInSpace = piece.endsWith(' ')
  }
  return { folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
}

/** Folds what the person typed the same way, trimmed, with separators collapsed. */
export function foldNeedle(needle: string): string {
  return foldForFind(needle).folded.trim()
}

/**
 * Every non-overlapping occurrence of `needle` in an already folded text, left to right, as
 * ranges of the original text. An empty needle finds nothing.
 */
export function findInFolded(text: FoldedText, needle: string): TextRange[] {
  const wanted = foldNeedle(needle)
  if (wanted === '') return []
  const ranges: TextRange[] = []
  for (
    let at = text.folded.indexOf(wanted);
    at !== -1;
    at = text.folded.indexOf(wanted, at + wanted.length)
  ) {
    const start = text.starts[at] as number
    const end = text.ends[at + wanted.length - 1] as number
    // Two matches inside one expanded character ("ﬃ" for "f") would map to the same span.
    const last = ranges.at(-1)
    if (last && start < last.end) continue
    ranges.push({ start, end })
  }
  return ranges
}

/** Every occurrence of `needle` in `text`, folded as search folds, as ranges of `text`. */
export function findInText(text: string, needle: string): TextRange[] {
  return findInFolded(foldForFind(text), needle)
}
