/**
 * Reading without a mouse: how far a scrolling key moves the article, and selecting text in it
 * from the keyboard (Shift+arrows from the first paragraph in view, or a paragraph at a time),
 * so a passage can be highlighted with `h` or the selection toolbar.
 */

/** One arrow press, as Chromium scrolls a page. */
const LINE_PX = 40
/** A page keeps this much of the last screen in view, as browsers do. */
const PAGE_OVERLAP = 0.875

/** Pixels a scrolling key moves a column `height` tall (negative: up); null for other keys. */
export function scrollKeyAmount(event: KeyboardEvent, height: number): number | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  const page = Math.max(height * PAGE_OVERLAP, LINE_PX)
  switch (event.key) {
    case 'ArrowDown':
      return event.shiftKey ? null : LINE_PX
    case 'ArrowUp':
      return event.shiftKey ? null : -LINE_PX
    case 'PageDown':
      return page
    case 'PageUp':
      return -page
    case ' ':
      return event.shiftKey ? -page : page
    case 'Home':
      return -Number.MAX_SAFE_INTEGER
    case 'End':
      return Number.MAX_SAFE_INTEGER
    default:
      return null
  }
}

const EXTEND: Record<string, ['forward' | 'backward', 'character' | 'line']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line']
}

/** The article's blocks (title, standfirst, paragraphs, headings) in reading order. */
function blocks(scroller: HTMLElement): HTMLElement[] {
  return [
    ...scroller.querySelectorAll<HTMLElement>('[data-testid="article-body"] [data-block-start]')
  ]
}

/** The first block whose text shows in the column. */
function firstInView(scroller: HTMLElement): HTMLElement | undefined {
  const top = scroller.getBoundingClientRect().top
  return blocks(scroller).find((block) => block.getBoundingClientRect().bottom > top + 1)
}

/** Whether the selection lies in the article. */
function selectionIn(scroller: HTMLElement, selection: Selection): boolean {
  return selection.rangeCount > 0 && scroller.contains(selection.anchorNode)
}

/**
 * Shift+← → (a letter; with Ctrl or Cmd, a word) and Shift+↑ ↓ (a line) extend the selection
 * in the article, starting at the first paragraph in view when nothing there is selected yet.
 * Answers whether the key was one of these.
 */
export function extendSelection(event: KeyboardEvent, scroller: HTMLElement): boolean {
  const step = EXTEND[event.key]
  const selection = window.getSelection()
  if (!step || !event.shiftKey || event.altKey || !selection) return false
  if (!selectionIn(scroller, selection)) {
    const start = firstInView(scroller)
    if (!start) return false
    selection.collapse(start, 0)
  }
  const [direction, unit] = step
  const word = unit === 'character' && (event.ctrlKey || event.metaKey)
  selection.modify('extend', direction, word ? 'word' : unit)
  return true
}

/**
 * Selects the paragraph after the one selected (the first in view to begin with) and brings it
 * into view; answers whether there was one.
 */
export function selectNextBlock(scroller: HTMLElement): boolean {
  const selection = window.getSelection()
  if (!selection) return false
  const all = blocks(scroller)
  const current = selectionIn(scroller, selection)
    ? all.findIndex((block) => block.contains(selection.focusNode))
    : -1
  const next = current >= 0 ? all[current + 1] : firstInView(scroller)
  if (!next) return false
  selection.selectAllChildren(next)
  next.scrollIntoView({ block: 'nearest' })
  return true
}
