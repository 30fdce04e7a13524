/**
 * A paragraph's base direction by the Unicode bidi rule (UAX #9, P2–P3): the first strong
 * letter decides. The reader sets it as `dir` itself instead of `dir="auto"` because Chromium
 * re-resolves `dir="auto"` as every child is inserted, which took a minute to lay out one
 * million-character paragraph holding thousands of quotation spans.
 */

export type BaseDirection = 'ltr' | 'rtl'

// Letters of the right-to-left scripts in current use and their common historical kin.
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}]/u
const LETTER = /\p{L}/gu

/**
 * Direction of `text[start, end)`: `rtl` when its first letter is of a right-to-left script,
 * `ltr` for any other letter, `undefined` when it has no letter (digits, punctuation, emoji),
 * so the element inherits its parent's direction as `dir="auto"` would.
 */
export function baseDirection(
  text: string,
  start = 0,
  end = text.length
): BaseDirection | undefined {
  LETTER.lastIndex = Math.max(0, start)
  const found = LETTER.exec(text)
  if (!found || found.index >= end) return undefined
  return RTL_LETTER.test(found[0]) ? 'rtl' : 'ltr'
}
