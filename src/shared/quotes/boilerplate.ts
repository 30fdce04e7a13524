/**
 * Lines a news page puts between paragraphs that are not the story: "Story continues below
 * advertisement", "ADVERTISEMENT", and link headlines ("READ MORE: …", "WATCH: …"). They are
 * blanked out (replaced by spaces, so every offset stays put) before attribution reads the
 * text: a quotation and its "she said" on either side of an advertisement are one paragraph,
 * a quotation standing alone after one still carries on the voice before it, and a link
 * headline's quoted words are nobody's and never a speaker ("READ MORE").
 */
import type { Range } from './sentences'

/**
 * One pass over the lines: an advertisement's placeholder (group 1) or a link to another story
 * led by its label (group 2).
 */
const BOILERPLATE_LINE =
  /^[ \t]*(?:((?:story|article|text|content) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|advertisement|sponsored content)[ \t.]*|((?:read more|more|watch|related|listen|see also|also read|click here|video|photos?|recommended)[ \t]*:[^\n]*))$/gim

/** Words one of those lines must hold: a cheap test that skips the pass for most articles. */
const HINT =
  /continues|advertisement|sponsored|more:|read more|watch:|related:|listen:|see also|click here|video:|photos?:|recommended:/i

export interface Boilerplate {
  /** The text with every boilerplate line replaced by spaces (same length, same offsets). */
  text: string
  /** Link lines: quotations inside them are titles, never anyone's words. */
  links: Range[]
}

/** Finds and blanks the boilerplate lines of `text`; cheap when there are none. */
export function maskBoilerplate(text: string): Boilerplate {
  const found: Range[] = []
  const links: Range[] = []
  if (!HINT.test(text)) return { text, links }
  for (const match of text.matchAll(BOILERPLATE_LINE)) {
    let start = match.index
    let end = start + match[0].length
    if (match[2] !== undefined) {
      links.push([start, end])
      found.push([start, end])
      continue
    }
    // The story goes on mid-sentence after it (`"…,"` / ad / `she said.`): one paragraph.
    const after = /^\s*/.exec(text.slice(end, end + 200))![0]
    if (/^\p{Ll}/u.test(text.slice(end + after.length, end + after.length + 1))) {
      while (start > 0 && /\s/.test(text[start - 1]!)) start--
      end += after.length
    }
    found.push([start, end])
  }
  if (found.length === 0) return { text, links }
  found.sort((a, b) => a[0] - b[0])
  let masked = ''
  let at = 0
  for (const [start, end] of found) {
    const from = Math.max(start, at)
    if (end <= from) continue
    masked += text.slice(at, from) + ' '.repeat(end - from)
    at = end
  }
  return { text: masked + text.slice(at), links }
}
