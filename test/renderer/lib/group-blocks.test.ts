import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/model/article'
import { groupBlocks } from '../../../src/renderer/src/lib/group-blocks'

const block = (kind: Block['kind'], start: number): Block => ({
  kind,
  start,
  end: start + 5,
  marks: []
})

describe('groupBlocks', () => {
  it('joins consecutive quotation blocks and keeps everything else on its own', () => {
    const groups = groupBlocks([
      block('paragraph', 0),
      block('blockquote', 10),
      block('blockquote', 20),
      block('paragraph', 30),
      block('blockquote', 40)
    ])
    expect(
      groups.map((g) => (g.kind === 'quote' ? g.blocks.map((b) => b.start) : g.block.start))
    ).toEqual([0, [10, 20], 30, [40]])
  })

  it('gives nothing for an article without blocks', () => {
    expect(groupBlocks([])).toEqual([])
  })
})
