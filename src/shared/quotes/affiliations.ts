/**
 * US news writes a legislator's party and state right after the name: `Rep. Gwen Moore
 * (D-Wis.) said`, `Sen. Mitch McConnell, R-Ky., said`. The tag stands between the name and
 * its verb, where attribution expects nothing, so it is blanked (spaces, every offset kept)
 * before the text is read: the name and the verb meet again.
 */

/**
 * `(D-Wis.)`, `(R-N.Y.)`, `(I-Vt.)`, `(D-New York)`, `(R-OH)`, or the state alone (`(Vt.)`),
 * with the space before it.
 */
const BRACKETED =
  /[ \t]?\((?:(?:D|R|I|Dem|Rep|Ind)[-–][A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}|[A-Z][a-z]{1,4}\.)\)/g

/**
 * `, R-Ky.,` set off by commas (both blanked), or `, R-Ky.` ending the sentence (its full stop
 * kept, since it also ends the sentence).
 */
const BETWEEN_COMMAS = /, (?:D|R|I)[-–][A-Z][A-Za-z.]{0,12}?(\.?)(,|(?=[\s.;]|$))/g

/** Cheap test that skips both passes for most articles. */
const HINT = /[(,] ?(?:D|R|I|Dem|Rep|Ind)[-–][A-Z]|\([A-Z][a-z]{1,4}\.\)/

/** `text` with party-and-state tags after names replaced by spaces. */
export function maskAffiliations(text: string): string {
  if (!HINT.test(text)) return text
  const blank = (match: string): string => ' '.repeat(match.length)
  return text
    .replace(BRACKETED, blank)
    .replace(BETWEEN_COMMAS, (match, stop: string, comma: string) =>
      comma === ',' ? blank(match) : blank(match.slice(0, match.length - stop.length)) + stop
    )
}
