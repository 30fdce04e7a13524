/**
 * The user's highlights as a layer of ranges, drawn by the same mechanism as search hits and
 * quotations (segment-block + RangedText), so a highlight crossing emphasis, a link or a
 * paragraph break is cut into parts that all carry its id and colour.
 */
import type { AnnotationView } from '@shared/model/annotation'
import type { LayeredRange } from '@shared/ranges/segment-block'

/** The layer name highlights are drawn in. */
export const HIGHLIGHT_LAYER = 'highlight'

/**
 * One range per highlight that anchors in the current text (orphans and article notes have
 * nowhere to go). Earlier and then longer ones come first, so where two highlights overlap the
 * one that began first is drawn outside the other in every part they share.
 */
export function toHighlightRanges(annotations: readonly AnnotationView[]): LayeredRange[] {
  return annotations
    .flatMap((annotation) =>
      annotation.kind === 'highlight' &&
      annotation.anchor &&
      annotation.anchor.end > annotation.anchor.start
        ? [
            {
              layer: HIGHLIGHT_LAYER,
              start: annotation.anchor.start,
              end: annotation.anchor.end,
              id: annotation.id,
              data: { color: annotation.color }
            }
          ]
        : []
    )
    .sort((a, b) => a.start - b.start || b.end - a.end)
}
