/**
 * Lazy-loaded images keep their real address in a data attribute and a placeholder (or
 * nothing) in `src`. Readability judges images by `src`, and an article's image count should
 * not depend on a page's loading script, so the real addresses are put in place first.
 */
import type { DomDocument } from './dom'

const SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src']
const SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset']

/** A `src` that stands for nothing: absent, empty, a tiny data: placeholder. */
const isPlaceholder = (src: string | null): boolean =>
  !src || src.trim() === '' || (src.startsWith('data:') && src.length < 200)

/** Puts lazy images' real addresses into `src`/`srcset`; answers how many images the page has. */
export function unlazyImages(document: DomDocument): number {
  const images = Array.from(document.querySelectorAll('img, picture source'))
  for (const image of images) {
    if (isPlaceholder(image.getAttribute('src'))) {
      const real = SRC_ATTRIBUTES.map((name) => image.getAttribute(name)).find(Boolean)
      if (real) image.setAttribute('src', real)
    }
    if (!image.getAttribute('srcset')) {
      const set = SRCSET_ATTRIBUTES.map((name) => image.getAttribute(name)).find(Boolean)
      if (set) image.setAttribute('srcset', set)
    }
  }
  return images.filter((image) => image.tagName.toLowerCase() === 'img').length
}
