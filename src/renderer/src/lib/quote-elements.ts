/**
 * Finding the quotations RangedText drew inside the reader, and where on screen to put things
 * beside one. A quotation may be drawn in several parts (one per block or per overlapping
 * range); every part carries `data-quote-index`, and only the first is `data-testid="quote"`,
 * the one that takes the focus.
 */

/** A place beside a quotation's line box, in viewport pixels. */
export interface Anchor {
  left: number
  top: number
  bottom: number
}

const SELECTOR = '[data-quote-index]'
const DIRECT = '[data-quote-index][data-kind="direct"]'

/**
 * The quotation part an event happened in, inside `root`: the innermost direct quotation, else
 * (unless `directOnly`) any quotation.
 */
export function quoteElement(
  root: HTMLElement | undefined,
  target: EventTarget | null,
  directOnly = false
): HTMLElement | null {
  if (!(target instanceof Element) || !root?.contains(target)) return null
  const direct = target.closest<HTMLElement>(DIRECT)
  if (direct || directOnly) return direct
  return target.closest<HTMLElement>(SELECTOR)
}

/** The index in the article's quotations of the quotation `element` is a part of. */
export function quoteIndexOf(element: HTMLElement): number {
  return Number(element.dataset['quoteIndex'])
}

/** The focusable first part of quotation `index`, if it is drawn. */
export function firstPart(root: HTMLElement | undefined, index: number): HTMLElement | null {
  return (
    root?.querySelector<HTMLElement>(`[data-testid="quote"][data-quote-index="${index}"]`) ?? null
  )
}

/** The focusable parts of the direct quotations, in reading order: what ← and → move through. */
export function directQuotes(root: HTMLElement | undefined): HTMLElement[] {
  return [
    ...(root?.querySelectorAll<HTMLElement>(`[data-testid="quote"][data-kind="direct"]`) ?? [])
  ]
}

/** Where to put things by a part: the line box under the pointer, else its first line. */
export function anchorOf(element: Element, x?: number, y?: number): Anchor {
  const boxes = [...element.getClientRects()]
  const box =
    (x !== undefined && y !== undefined
      ? boxes.find((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom)
      : undefined) ??
    boxes[0] ??
    element.getBoundingClientRect()
  return { left: x ?? box.left, top: box.top, bottom: box.bottom }
}
