/**
 * Groups an article's blocks the way they are drawn: consecutive `blockquote` blocks are one
 * quotation (one `<blockquote>` with several paragraphs), every other block stands alone.
 */
import type { Block } from '@shared/model/article'

export type BlockGroup =
  { kind: 'single'; block: Block } | { kind: 'quote'; blocks: Block[]; start: number }

export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = []
  for (const block of blocks) {
    const last = groups.at(-1)
    if (block.kind !== 'blockquote') groups.push({ kind: 'single', block })
    else if (last?.kind === 'quote') last.blocks.push(block)
    else groups.push({ kind: 'quote', blocks: [block], start: block.start })
  }
  return groups
}
