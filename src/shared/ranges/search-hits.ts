/**
 * Search matches as a layer of ranges. Each match gets its position in reading order as its id,
 * so the several `<mark>` elements a match may be split into still count as one match.
 */
import type { TextRange } from '../model/range'
import type { LayeredRange } from './segment-block'

/** The layer name search matches are drawn in. */
export const SEARCH_HIT_LAYER = 'search-hit'

/**
 * Orders matches by where they start, drops empty ones, and numbers them from 0. The
 * numbering is what hit navigation (next / previous, "2 of 7") counts in.
 */
export function toSearchHits(matches: readonly TextRange[]): LayeredRange[] {
  return matches
    .filter((match) => match.end > match.start)
    .toSorted((a, b) => a.start - b.start || a.end - b.end)
    .map((match, index) => ({
      layer: SEARCH_HIT_LAYER,
      start: match.start,
      end: match.end,
      id: String(index)
    }))
}
