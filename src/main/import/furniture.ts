/**
 * Page furniture readability can leave in an article: share bars, newsletter and cookie boxes,
 * "recommended" and related-link lists. Found by structure (the element's role, what its class,
 * id or label says it is for, a list that is little but short links), not by its wording.
 */
import { collapse, tagOf, type DomElement } from './dom'

const FURNITURE_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'iframe',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'object',
  'embed',
  'dialog'
])
const FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'search',
  'form'
])
/** What a class, id or label says an element is for, matched as a whole word of it. */
const FURNITURE_PURPOSE =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|subscription|signup|cookies?|consent|gdpr|related|recommended|recommendations|promo|advert|ads?|sponsored|outbrain|taboola|paywall|breadcrumbs?|comments?|tags|author-bio|popup|modal)(?:$|[\s_-])/i

/** An element that is furniture by what it is, whatever it holds. */
export function isFurniture(element: DomElement): boolean {
  if (FURNITURE_TAGS.has(tagOf(element))) return true
  const role = element.getAttribute('role')?.toLowerCase()
  if (role && FURNITURE_ROLES.has(role)) return true
  if (element.getAttribute('aria-hidden') === 'true' || element.getAttribute('hidden') !== null)
    return true
  const purpose = [
    element.getAttribute('class'),
    element.getAttribute('id'),
    element.getAttribute('aria-label'),
    element.getAttribute('data-component')
  ]
    .filter(Boolean)
    .join(' ')
  return purpose !== '' && FURNITURE_PURPOSE.test(purpose)
}

/**
 * A list that is a block of links, not prose: every item is short and almost all of its text
 * is a link's (related stories, "more from", tag lists). A list of sources in an article has
 * prose around its links and survives.
 */
export function isLinkList(list: DomElement): boolean {
  const items = Array.from(list.children).filter((child) => tagOf(child) === 'li')
  if (items.length < 2) return false
  return items.every((item) => {
    const text = collapse(item.textContent)
    if (text.length > 120) return false
    const linked = Array.from(item.querySelectorAll('a'))
      .map((a) => collapse(a.textContent).length)
      .reduce((sum, length) => sum + length, 0)
    return text.length > 0 && linked / text.length >= 0.8
  })
}
