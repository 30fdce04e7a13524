import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_LAYER, toHighlightRanges } from '../../../src/renderer/src/lib/highlights'
import { makeAnnotation } from '../fake-notes-main'

describe('highlight ranges', () => {
  it('draws anchored highlights with their id and colour, and nothing for orphans or article notes', () => {
    const placed = makeAnnotation({ anchor: { start: 4, end: 9 }, color: 'pink' })
    const ranges = toHighlightRanges([
      makeAnnotation({ anchor: null }),
      makeAnnotation({ kind: 'article-note' }),
      placed
    ])
    expect(ranges).toEqual([
      { layer: HIGHLIGHT_LAYER, start: 4, end: 9, id: placed.id, data: { color: 'pink' } }
    ])
  })

  it('puts the earlier, then the longer, of overlapping highlights first (drawn outside)', () => {
    const inner = makeAnnotation({ anchor: { start: 5, end: 8 } })
    const outer = makeAnnotation({ anchor: { start: 5, end: 20 } })
    const first = makeAnnotation({ anchor: { start: 1, end: 6 } })
    expect(toHighlightRanges([inner, outer, first]).map((r) => r.id)).toEqual([
      first.id,
      outer.id,
      inner.id
    ])
  })
})
