/**
 * Typo tolerance: when exact matching finds little, words that matched little are retried with
 * a small edit distance (denuclearisation ≈ denuclearization).
 */

/**
 * Fewer results than this and fuzzy matching is tried. Three is "a handful": enough that the
 * reader has something to choose from; below it a typo is the likelier explanation.
 */
export const FUZZY_BELOW = 3

/**
 * Longest word (folded) retried with close spellings. English prose tops out near 22 letters
 * (counterrevolutionaries); anything longer is a paste or a keyboard held down, not a typo.
 * lunr's fuzzy automaton grows faster than the square of the word's length (about 6 ms at 24
 * letters and distance 2, 85 ms at 32, out of memory at 1,000), so the cap is also what keeps
 * a hostile query cheap.
 */
export const MAX_FUZZY_LENGTH = 24

/**
 * Most words of one query retried with close spellings: at a few milliseconds each, enough for
 * every misspelling a typed query holds and a bound on what a pasted one can cost.
 */
export const MAX_FUZZY_WORDS = 5

/**
 * Edit distance allowed for a word of this (folded) length. Short words have too many real
 * neighbours (talk ~ tall ~ walk) to guess at; long words tolerate a slip or a spelling
 * variant (-isation/-ization changes two letters of the stem); past `MAX_FUZZY_LENGTH` none.
 */
export function editDistanceFor(length: number): number {
  if (length < 5 || length > MAX_FUZZY_LENGTH) return 0
  return length < 9 ? 1 : 2
}

/** True when `a` and `b` are at most `max` single-character edits apart (Levenshtein). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return false
    previous = current
  }
  return previous[b.length]! <= max
}
