import { describe, expect, it } from 'vitest'
import type { Block } from '@shared/model/article'
import { buildLists, type ListTree } from '../../../src/renderer/src/lib/list-tree'

let at = 0
const item = (depth: number, ordered: boolean, index: number): Block => {
  at += 10
  return { kind: 'list-item', start: at, end: at + 5, marks: [], list: { ordered, depth, index } }
}

/** A list as a compact outline: `ol@1[...]`, each item by its start, nested lists after it. */
const outline = (lists: ListTree[]): string =>
  lists
    .map(
      (list) =>
        `${list.ordered ? 'ol' : 'ul'}@${list.start}[${list.items
          .map((node) => `${node.block.start}${node.lists.length ? outline(node.lists) : ''}`)
          .join(' ')}]`
    )
    .join(' ')

describe('buildLists', () => {
  it('nests deeper items inside the item before them and comes back out', () => {
    at = 0
    const lists = buildLists([
      item(1, false, 1),
      item(2, true, 1),
      item(2, true, 2),
      item(3, false, 1),
      item(1, false, 2)
    ])
    expect(outline(lists)).toBe('ul@1[10ol@1[20 30ul@1[40]] 50]')
  })

  it('keeps an ordered list’s numbering, and starts a new list when the kind changes', () => {
    at = 0
    const lists = buildLists([
      item(1, true, 3),
      item(1, true, 4),
      item(1, false, 1),
      item(1, true, 1)
    ])
    expect(outline(lists)).toBe('ol@3[10 20] ul@1[30] ol@1[40]')
  })

  it('starts a new ordered list where numbering starts again at 1', () => {
    at = 0
    expect(outline(buildLists([item(1, true, 1), item(1, true, 2), item(1, true, 1)]))).toBe(
      'ol@1[10 20] ol@1[30]'
    )
  })

  it('reads depths counted from 0 as well as from 1, and an item without a place as a bullet', () => {
    at = 0
    const lists = buildLists<Block>([
      item(0, false, 1),
      item(1, false, 1),
      { kind: 'list-item', start: 99, end: 100, marks: [] }
    ])
    expect(outline(lists)).toBe('ul@1[10ul@1[20 99]]')
  })
})
