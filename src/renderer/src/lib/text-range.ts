/**
 * The one place the renderer converts between offsets of an article's canonical text and DOM
 * positions. Each block element carries `data-block-start`: the offset of its first character.
 * RangedText renders exactly the block's text, in order, with no added whitespace, so within a
 * block the text nodes' lengths add up to canonical offsets. Anything outside a block (the
 * byline, the gaps between blocks) has no offset.
 */

const BLOCK = '[data-block-start]'

function blockStart(element: Element): number | null {
  const value = Number(element.getAttribute('data-block-start'))
  return Number.isInteger(value) && value >= 0 ? value : null
}

function textNodes(block: Element): Text[] {
  const nodes: Text[] = []
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** The canonical offset of a DOM point (as a Selection or Range gives it), or null outside blocks. */
export function offsetOfPoint(root: Element, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement
  const block = element?.closest(BLOCK)
  if (!block || !root.contains(block)) return null
  const start = blockStart(block)
  if (start === null) return null
  // The block's text nodes are its canonical text in order, so the text a range holds from
  // the block's start to the point is exactly the offset within the block.
  const before = block.ownerDocument.createRange()
  before.setStart(block, 0)
  before.setEnd(node, offset)
  return start + before.toString().length
}

/** The canonical [start, end) a DOM range covers, or null when either end lies outside a block. */
export function offsetsOfRange(root: Element, range: Range): { start: number; end: number } | null {
  const start = firstOffset(root, range.startContainer, range.startOffset, 'forward')
  const end = firstOffset(root, range.endContainer, range.endOffset, 'backward')
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

/**
 * A selection dragged from the title to the byline, or ending in the gap after a paragraph,
 * has an end outside any block: take the nearest block's edge in the given direction.
 */
function firstOffset(
  root: Element,
  node: Node,
  offset: number,
  direction: 'forward' | 'backward'
): number | null {
  const inside = offsetOfPoint(root, node, offset)
  if (inside !== null) return inside
  const blocks = [...root.querySelectorAll(BLOCK)]
  const probe = root.ownerDocument.createRange()
  probe.setStart(node, offset)
  const ordered = direction === 'forward' ? blocks : blocks.reverse()
  for (const block of ordered) {
    const position = probe.comparePoint(block, 0)
    if (direction === 'forward' && position >= 0) return blockStart(block)
    if (direction === 'backward' && position <= 0) {
      const start = blockStart(block)
      return start === null ? null : start + (block.textContent?.length ?? 0)
    }
  }
  return null
}

/** The DOM point at a canonical offset, or null when no block holds it. */
export function pointAtOffset(
  root: Element,
  offset: number
): { node: Node; offset: number } | null {
  for (const block of root.querySelectorAll(BLOCK)) {
    const start = blockStart(block)
    if (start === null || offset < start) continue
    let count = start
    for (const text of textNodes(block)) {
      if (offset <= count + text.length) return { node: text, offset: offset - count }
      count += text.length
    }
  }
  return null
}

/** A DOM range over canonical [start, end), or null when it cannot be placed. */
export function rangeAtOffsets(root: Element, start: number, end: number): Range | null {
  const from = pointAtOffset(root, start)
  const to = pointAtOffset(root, end)
  if (!from || !to) return null
  const range = root.ownerDocument.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

/**
 * [start, end) of `text` without the whitespace at either end (a double-click takes the space
 * after a word; a drag to the next paragraph takes the break), or null when nothing else is
 * left: a highlight should begin and end on the words chosen.
 */
export function trimToText(
  text: string,
  start: number,
  end: number
): { start: number; end: number } | null {
  let from = Math.max(0, start)
  let to = Math.min(text.length, end)
  while (from < to && /\s/.test(text[from] as string)) from++
  while (to > from && /\s/.test(text[to - 1] as string)) to--
  return to > from ? { start: from, end: to } : null
}
