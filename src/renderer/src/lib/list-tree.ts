/**
 * Consecutive `list-item` blocks as the nested lists they came from. Each item carries its
 * depth, whether its list is ordered and its number there; a deeper item opens a list inside
 * the item before it, a shallower one closes lists, and at the same depth a change of kind
 * (or an ordered list starting again at 1) begins a new list beside the old one.
 */
import type { Block, ListPlace } from '@shared/model/article'

/** Anything placed in a list: an article's blocks, or the blocks of a page's whole text. */
export interface Listed {
  kind: string
  list?: ListPlace
}

export interface ListTree<T extends Listed = Block> {
  ordered: boolean
  /** The first item's number, for `<ol start>`. */
  start: number
  items: ListNode<T>[]
}

export interface ListNode<T extends Listed = Block> {
  block: T
  lists: ListTree<T>[]
}

interface Open<T extends Listed> {
  list: ListTree<T>
  depth: number
  /** Where sibling lists at this depth go: the parent item's lists, or the top level. */
  home: ListTree<T>[]
}

/** `blocks` must all be list items; answers the top-level lists, in order. */
export function buildLists<T extends Listed>(blocks: readonly T[]): ListTree<T>[] {
  const top: ListTree<T>[] = []
  const stack: Open<T>[] = []
  for (const block of blocks) {
    const place = block.list ?? { ordered: false, depth: 1, index: 1 }
    while (stack.length > 1 && stack.at(-1)!.depth > place.depth) stack.pop()
    let open = stack.at(-1)
    if (open && open.depth > place.depth) {
      // Shallower than the outermost list: it starts a new top-level list.
      stack.length = 0
      open = undefined
    }
    if (!open) {
      open = begin(top, place.ordered, place.index, place.depth)
      stack.push(open)
    } else if (place.depth > open.depth) {
      const parent = open.list.items.at(-1)!
      open = begin(parent.lists, place.ordered, place.index, place.depth)
      stack.push(open)
    } else if (open.list.ordered !== place.ordered || (place.ordered && place.index === 1)) {
      stack.pop()
      open = begin(open.home, place.ordered, place.index, place.depth)
      stack.push(open)
    }
    open.list.items.push({ block, lists: [] })
  }
  return top
}

function begin<T extends Listed>(
  home: ListTree<T>[],
  ordered: boolean,
  start: number,
  depth: number
): Open<T> {
  const list: ListTree<T> = { ordered, start, items: [] }
  home.push(list)
  return { list, depth, home }
}
