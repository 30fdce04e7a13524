/**
 * Groups an article's blocks the way they are drawn: consecutive `blockquote` blocks are one
 * quotation (one `<blockquote>` with several paragraphs), consecutive `list-item` blocks are
 * one run of (possibly nested) lists, every other block stands alone.
 */
import type { Block } from '@shared/model/article'
import { buildLists, type ListTree } from './list-tree'

export type BlockGroup =
  | { kind: 'single'; block: Block }
  | { kind: 'quote'; blocks: Block[]; start: number }
  | { kind: 'lists'; lists: ListTree[]; start: number }

export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = []
  let items: Block[] = []
  const endList = () => {
    if (items.length > 0)
      groups.push({ kind: 'lists', lists: buildLists(items), start: items[0]!.start })
    items = []
  }
  for (const block of blocks) {
    if (block.kind === 'list-item') {
      items.push(block)
      continue
    }
    endList()
    const last = groups.at(-1)
    if (block.kind !== 'blockquote') groups.push({ kind: 'single', block })
    else if (last?.kind === 'quote') last.blocks.push(block)
    else groups.push({ kind: 'quote', blocks: [block], start: block.start })
  }
  endList()
  return groups
}

/** A group's key and first offset. */
export function groupStart(group: BlockGroup): number {
  return group.kind === 'single' ? group.block.start : group.start
}
