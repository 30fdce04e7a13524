import { describe, expect, it } from 'vitest'
import type { InlineMark } from '@shared/model/article'
import { segmentBlock, type LayeredRange, type Segment } from '@shared/ranges/segment-block'

const hit = (start: number, end: number, id?: string): LayeredRange => ({
  layer: 'search-hit',
  start,
  end,
  ...(id === undefined ? {} : { id })
})
const quote = (start: number, end: number): LayeredRange => ({ layer: 'quote', start, end })
const em = (start: number, end: number): InlineMark => ({ kind: 'em', start, end })
const link = (start: number, end: number): InlineMark => ({
  kind: 'link',
  start,
  end,
  href: 'https://example.com/'
})

/** A compact picture of segments: text with the kinds and layers active over it. */
const picture = (segments: Segment[]) =>
  segments.map((s) => [s.text, s.marks.map((m) => m.kind), s.ranges.map((r) => r.layer)])

describe('segmentBlock', () => {
  // Two blocks joined by a blank line, as the canonical text joins them.
  const text = 'The quick brown fox\n\njumps over the lazy dog'
  const first = { start: 0, end: 19, marks: [] as InlineMark[] }
  const second = { start: 21, end: 44, marks: [] as InlineMark[] }

  it.each([
    {
      name: 'a block with nothing over it is one plain segment',
      block: first,
      ranges: [],
      expected: [['The quick brown fox', [], []]]
    },
    {
      name: 'a range inside a block splits it into three',
      block: first,
      ranges: [hit(4, 9)],
      expected: [
        ['The ', [], []],
        ['quick', [], ['search-hit']],
        [' brown fox', [], []]
      ]
    },
    {
      name: 'overlapping ranges of different layers cut at every edge',
      block: first,
      ranges: [hit(4, 15), quote(10, 19)],
      expected: [
        ['The ', [], []],
        ['quick ', [], ['search-hit']],
        ['brown', [], ['search-hit', 'quote']],
        [' fox', [], ['quote']]
      ]
    },
    {
      name: 'a range running past the block end is clipped to the block',
      block: first,
      ranges: [hit(16, 30)],
      expected: [
        ['The quick brown ', [], []],
        ['fox', [], ['search-hit']]
      ]
    },
    {
      name: 'a range starting in the previous block is clipped to this block',
      block: second,
      ranges: [quote(10, 26)],
      expected: [
        ['jumps', [], ['quote']],
        [' over the lazy dog', [], []]
      ]
    },
    {
      name: 'ranges wholly outside the block, empty or reversed are ignored',
      block: second,
      ranges: [hit(0, 19), hit(25, 25), hit(30, 27), hit(19, 21)],
      expected: [['jumps over the lazy dog', [], []]]
    }
  ])('$name', ({ block, ranges, expected }) => {
    expect(picture(segmentBlock(text, block, ranges))).toEqual(expected)
  })

  it('splits a range that crosses emphasis into parts that each keep the range', () => {
    const block = { start: 0, end: 19, marks: [em(4, 9)] }
    const segments = segmentBlock(text, block, [hit(7, 15, '3')])
    expect(picture(segments)).toEqual([
      ['The ', [], []],
      ['qui', ['em'], []],
      ['ck', ['em'], ['search-hit']],
      [' brown', [], ['search-hit']],
      [' fox', [], []]
    ])
    expect(segments.filter((s) => s.ranges.length > 0).map((s) => s.ranges[0]?.id)).toEqual([
      '3',
      '3'
    ])
  })

  it('nests a mark that starts earlier or runs longer outside a mark it contains', () => {
    const block = { start: 0, end: 19, marks: [em(4, 9), link(4, 15)] }
    const kinds = segmentBlock(text, block).map((s) => s.marks.map((m) => m.kind))
    expect(kinds).toEqual([[], ['link', 'em'], ['link'], []])
  })

  it('keeps a link target on every segment the link is split into', () => {
    const block = { start: 0, end: 19, marks: [link(4, 15)] }
    const hrefs = segmentBlock(text, block, [hit(10, 12)])
      .flatMap((s) => s.marks)
      .map((m) => m.href)
    expect(hrefs).toEqual(['https://example.com/', 'https://example.com/', 'https://example.com/'])
  })

  it('covers the block exactly, with contiguous segments whose text matches their offsets', () => {
    const block = { start: 21, end: 44, marks: [em(27, 31), link(30, 40)] }
    const segments = segmentBlock(text, block, [hit(21, 26), quote(29, 50), hit(35, 39)])
    expect(segments[0]?.start).toBe(21)
    expect(segments.at(-1)?.end).toBe(44)
    segments.forEach((segment, i) => {
      expect(segment.text).toBe(text.slice(segment.start, segment.end))
      if (i > 0) expect(segment.start).toBe(segments[i - 1]?.end)
    })
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(21, 44))
  })

  it('returns no segments for an empty block', () => {
    expect(segmentBlock(text, { start: 19, end: 19, marks: [] }, [hit(10, 30)])).toEqual([])
  })

  it('returns no segments for a block that lies outside the text', () => {
    expect(segmentBlock('short', { start: 40, end: 50, marks: [] })).toEqual([])
  })

  it('counts offsets in UTF-16 code units, so text after an emoji is cut in the right place', () => {
    const emojiText = 'Kim 👋 met Trump'
    const start = emojiText.indexOf('Trump')
    const segments = segmentBlock(emojiText, { start: 0, end: emojiText.length, marks: [] }, [
      hit(start, start + 5)
    ])
    expect(segments.map((s) => s.text)).toEqual(['Kim 👋 met ', 'Trump'])
  })

  it('widens a range that would split an emoji so the whole character stays together', () => {
    const emojiText = 'a👋b'
    // Offset 2 falls between the two UTF-16 halves of the emoji.
    const segments = segmentBlock(emojiText, { start: 0, end: 4, marks: [] }, [hit(2, 4)])
    expect(picture(segments)).toEqual([
      ['a', [], []],
      ['👋b', [], ['search-hit']]
    ])
  })

  it('handles accented and non-Latin text like any other', () => {
    const t = 'Séoul — 서울 summit'
    const start = t.indexOf('서울')
    const segments = segmentBlock(t, { start: 0, end: t.length, marks: [] }, [
      hit(start, start + 2)
    ])
    expect(segments.map((s) => s.text)).toEqual(['Séoul — ', '서울', ' summit'])
  })

  it('gives every run exactly the marks and ranges covering it, in order, however they overlap', () => {
    // A small deterministic generator: overlapping, nested, touching and duplicate spans.
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const long = 'abcdefghij'.repeat(6)
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + next(12) }, () => {
        const start = next(long.length)
        return [start, start + 1 + next(15)] as const
      })
      const ranges = spans.map(([start, end], i) => hit(start, end, String(i)))
      const marks = spans.slice(0, 3).map(([start, end]) => em(start, end))
      const block = { start: next(10), end: 50 + next(10), marks }
      for (const segment of segmentBlock(long, block, ranges)) {
        const covers = (r: { start: number; end: number }) =>
          r.start <= segment.start && r.end >= segment.end
        expect(segment.ranges.map((r) => r.id)).toEqual(
          ranges
            .filter((r) =>
              covers({ start: Math.max(r.start, block.start), end: Math.min(r.end, block.end) })
            )
            .map((r) => r.id)
        )
        expect(segment.marks).toHaveLength(
          marks.filter((m) =>
            covers({ start: Math.max(m.start, block.start), end: Math.min(m.end, block.end) })
          ).length
        )
      }
    }
  })
})
