/**
 * The lines around an article that say who made it rather than what it says: the byline
 * ("By Maren Holt", which Readability leaves in the text when the page's metadata already named
 * the author) and the caption or credit of a picture Dossier does not show. Found by what the
 * element is marked as, or by the shape of the line, never a paragraph that merely starts "By".
 */
import { collapse, tagOf, type DomElement } from './dom'

/** Readability's own test of what a byline's class or id says (Readability.REGEXPS.byline). */
const BYLINE_PURPOSE = /byline|author|dateline|writtenby|p-author/i
const CREDIT_PURPOSE = /(?:^|[\s_-])(?:caption|credits?|photo-?credit|image-?credit)(?:$|[\s_-])/i
/** A byline is a line, as Readability measures it. */
const MAX_BYLINE = 100
const MAX_CREDIT = 160
const MEDIA = 'img, picture, video, audio, svg, canvas, iframe, object, embed'
/** "Photo: …", "Photograph by …", "Image credit: …": a picture's credit line. */
const CREDIT_LINE =
  /^\(?(?:photo(?:graph)?s?|photography|image|illustration|picture|credit|video)(?:\s+credit)?\s*(?::|by\b)/i
/** Words a name may hold in lower case ("Ana de la Cruz", "Kim and Lee"). */
const NAME_PARTICLES =
  /^(?:and|&|of|the|de|del|della|der|den|di|da|dos|du|la|le|van|von|y|bin|al|el)$/

export interface CreditContext {
  /** The author the page's details name, when they do. */
  author: string | null
  /** Whether the article's prose has begun: a name-like "By …" after it must name the author. */
  proseBegun: boolean
}

/** The name a byline gives (without its "By"), or null when `element` is not a byline. */
export function bylineName(element: DomElement, context: CreditContext): string | null {
  const text = collapse(element.textContent)
  if (text === '' || text.length >= MAX_BYLINE) return null
  const by = /^by\s+(.+)$/i.exec(text)
  const name = (by?.[1] ?? text).replace(/[\s,;|·—–-]+$/, '')
  if (markedAsByline(element)) return name
  if (!by || !nameLike(name)) return null
  return !context.proseBegun || namesAuthor(name, context.author) ? name : null
}

/** A picture's caption or credit: Dossier shows no pictures, so their words would stand alone. */
export function isPictureCredit(element: DomElement): boolean {
  const tag = tagOf(element)
  const text = collapse(element.textContent)
  if (tag === 'figcaption') {
    const figure = element.parentNode
    return figure !== null && tagOf(figure) === 'figure' && figure.querySelector(MEDIA) !== null
  }
  if (text.length > MAX_CREDIT) return false
  return CREDIT_PURPOSE.test(purposeOf(element)) || CREDIT_LINE.test(text)
}

function markedAsByline(element: DomElement): boolean {
  const rel = element.getAttribute('rel')?.toLowerCase()
  const itemprop = element.getAttribute('itemprop')?.toLowerCase() ?? ''
  return rel === 'author' || itemprop.includes('author') || BYLINE_PURPOSE.test(purposeOf(element))
}

function purposeOf(element: DomElement): string {
  return [element.getAttribute('class'), element.getAttribute('id')].filter(Boolean).join(' ')
}

/** A name or names: short, every word capitalised but for particles, no sentence's end. */
function nameLike(name: string): boolean {
  if (/[.!?:;]$/.test(name) && !/\b\p{Lu}\.$/u.test(name)) return false
  const words = name.split(/[\s,]+/).filter(Boolean)
  if (words.length === 0 || words.length > 8) return false
  return words.every((word) => /^\p{Lu}/u.test(word) || NAME_PARTICLES.test(word.toLowerCase()))
}

function namesAuthor(name: string, author: string | null): boolean {
  if (!author) return false
  const fold = (text: string) => collapse(text).toLocaleLowerCase()
  return fold(name).includes(fold(author)) || fold(author).includes(fold(name))
}
