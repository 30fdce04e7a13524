/**
 * In-article find matches as a layer of ranges, drawn by the same mechanism as search hits
 * (segment-block + RangedText) so the two overlap cleanly when both are shown.
 */
import type { TextRange } from '@shared/model/range'
import type { LayeredRange } from '@shared/ranges/segment-block'

/** The layer name find matches are drawn in. */
export const FIND_LAYER = 'find'

/** Numbers matches from 0 in reading order: the id is what "3 of 11" and next / previous count. */
export function toFindHits(matches: readonly TextRange[]): LayeredRange[] {
  return matches.map((match, index) => ({
    layer: FIND_LAYER,
    start: match.start,
    end: match.end,
    id: String(index)
  }))
}
