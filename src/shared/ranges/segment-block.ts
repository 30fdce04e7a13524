/**
 * Splits one block of an article into runs of text that each carry a constant set of inline
 * marks and layered ranges. Everything the reader draws over the canonical text (search hits
 * now, quotations and highlights later) goes through here, so overlapping layers, ranges that
 * cross emphasis or links, and ranges that run past a block's edge are handled in one place.
 */
import type { InlineMark } from '../model/article'
import type { TextRange } from '../model/range'

/** A range of the canonical text drawn in one layer (e.g. `search-hit`, `quote`, `highlight`). */
export interface LayeredRange extends TextRange {
  layer: string
  /** Identifies the range across the segments it is split into (e.g. a hit's index). */
  id?: string
  data?: Record<string, string>
}

/** The part of a block this module needs: where it sits in the text, and its inline marks. */
export interface BlockSpan extends TextRange {
  marks: readonly InlineMark[]
}

/** A run of a block's text over which no mark or range starts or ends. */
export interface Segment extends TextRange {
  text: string
  /** Marks covering the whole segment, outermost (earliest starting, longest) first. */
  marks: InlineMark[]
  /** Ranges covering the whole segment, in the order they were given. */
  ranges: LayeredRange[]
}

/**
 * Cuts `block` (a span of `text`) into segments at every place a mark or range begins or ends.
 * Marks and ranges are clipped to the block; empty ones and ones outside it are ignored.
 * Offsets that fall between the two halves of a surrogate pair are widened to the whole
 * character, so no segment ever holds half an emoji.
 * Segments are contiguous and together cover the block exactly; an empty block gives none.
 */
export function segmentBlock(
  text: string,
  block: BlockSpan,
  ranges: readonly LayeredRange[] = []
): Segment[] {
  const blockStart = clamp(block.start, 0, text.length)
  const blockEnd = clamp(block.end, blockStart, text.length)
  if (blockEnd <= blockStart) return []

  const clip = <T extends TextRange>(item: T): T | null => {
    const start = Math.max(snapDown(text, Math.max(item.start, blockStart)), blockStart)
    const end = Math.min(snapUp(text, Math.min(item.end, blockEnd)), blockEnd)
    if (!(end > start)) return null
    return item.start === start && item.end === end ? item : { ...item, start, end }
  }
  const marks = orderMarks(block.marks.map(clip).filter((m): m is InlineMark => m !== null))
  const layered = ranges.map(clip).filter((r): r is LayeredRange => r !== null)

  const cuts = new Set<number>([blockStart, blockEnd])
  for (const item of [...marks, ...layered]) {
    cuts.add(item.start)
    cuts.add(item.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const marksOver = coverage(marks, points)
  const rangesOver = coverage(layered, points)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number
    const end = points[i + 1] as number
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      marks: marksOver[i] as InlineMark[],
      ranges: rangesOver[i] as LayeredRange[]
    })
  }
  return segments
}

/**
 * For each run between consecutive `points`, the items covering it, in the items' own order.
 * Every item starts and ends on a point, so one sweep that opens and closes items as it passes
 * their edges replaces testing every item against every run: a million-character paragraph
 * holds thousands of quotations, and the quadratic test took seconds.
 */
function coverage<T extends TextRange>(items: readonly T[], points: readonly number[]): T[][] {
  const pointIndex = new Map(points.map((point, index) => [point, index]))
  const opening: number[][] = points.map(() => [])
  const closing: number[][] = points.map(() => [])
  items.forEach((item, k) => {
    opening[pointIndex.get(item.start) as number]?.push(k)
    closing[pointIndex.get(item.end) as number]?.push(k)
  })
  const open: number[] = []
  const runs: T[][] = []
  for (let i = 0; i + 1 < points.length; i++) {
    for (const k of closing[i] as number[]) open.splice(open.indexOf(k), 1)
    for (const k of opening[i] as number[]) {
      const at = open.findIndex((other) => other > k)
      open.splice(at < 0 ? open.length : at, 0, k)
    }
    runs.push(open.map((k) => items[k] as T))
  }
  return runs
}

/**
 * Earlier-starting and then longer marks go outside, so a mark that contains another nests
 * around it in every segment they share.
 */
function orderMarks(marks: InlineMark[]): InlineMark[] {
  return marks
    .map((mark, index) => ({ mark, index }))
    .sort((a, b) => a.mark.start - b.mark.start || b.mark.end - a.mark.end || a.index - b.index)
    .map(({ mark }) => mark)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : min, min), max)
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

function snapDown(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset
}

function snapUp(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset
}
