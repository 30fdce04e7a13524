/**
 * A page's whole text as it is drawn: each heading and paragraph alone, consecutive list items
 * as one run of (possibly nested) lists.
 */
import type { PageBlock } from '@shared/model/page-text'
import { buildLists, type ListTree } from './list-tree'

type PageListItem = Extract<PageBlock, { kind: 'list-item' }>

export type PageGroup =
  | { kind: 'single'; block: Exclude<PageBlock, PageListItem> }
  | { kind: 'lists'; lists: ListTree<PageListItem>[] }

export function groupPageBlocks(blocks: readonly PageBlock[]): PageGroup[] {
  const groups: PageGroup[] = []
  let items: PageListItem[] = []
  const endList = () => {
    if (items.length > 0) groups.push({ kind: 'lists', lists: buildLists(items) })
    items = []
  }
  for (const block of blocks) {
    if (block.kind === 'list-item') items.push(block)
    else {
      endList()
      groups.push({ kind: 'single', block })
    }
  }
  endList()
  return groups
}
