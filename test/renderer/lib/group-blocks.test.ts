import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/model/article'
import { groupBlocks, groupStart } from '../../../src/renderer/src/lib/group-blocks'

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
      groups.map((g) => (g.kind === 'quote' ? g.blocks.map((b) => b.start) : groupStart(g)))
    ).toEqual([0, [10, 20], 30, [40]])
  })

  it('gives nothing for an article without blocks', () => {
    expect(groupBlocks([])).toEqual([])
  })
})

describe('groupBlocks with lists', () => {
  it('gathers consecutive list items into one group of lists, between other blocks', () => {
    const item = (start: number, depth: number): Block => ({
      ...block('list-item', start),
      list: { ordered: false, depth, index: 1 }
    })
    const groups = groupBlocks([
      block('paragraph', 0),
      item(10, 1),
      item(20, 2),
      block('blockquote', 30),
      item(40, 1)
    ])
    expect(groups.map((g) => [g.kind, groupStart(g)])).toEqual([
      ['single', 0],
      ['lists', 10],
      ['quote', 30],
      ['lists', 40]
    ])
    const lists = groups[1]!.kind === 'lists' ? groups[1]!.lists : []
    expect(lists[0]!.items[0]!.lists[0]!.items[0]!.block.start).toBe(20)
  })
})
