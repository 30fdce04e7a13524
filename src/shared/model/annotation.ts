/**
 * The user's highlights and notes, as stored and as they cross IPC. A highlight is anchored by
 * W3C Web Annotation selectors over the article's canonical text (see shared/annotations/), so
 * it can be found again after the text changes; an article note has no target.
 */
import type { TextRange } from './range'

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** Where a highlight was made: both selectors, taken together when it was created or edited. */
export interface AnnotationTarget {
  position: TextPositionSelector
  quote: TextQuoteSelector
}

export interface Annotation {
  /** A UUID. */
  id: string
  articleId: string
  /** `highlight`: a passage (with `target`); `article-note`: a note on the whole article. */
  kind: 'highlight' | 'article-note'
  target: AnnotationTarget | null
  color: HighlightColor
  /** Markdown. */
  note: string
  tags: string[]
  /** ISO 8601 timestamps. */
  created: string
  updated: string
}

/**
 * An annotation as the UI shows it: where it anchors in the article's current text, or null
 * when the passage can no longer be found (orphaned: shown with its quote, never dropped).
 */
export interface AnnotationView extends Annotation {
  anchor: TextRange | null
}

export type ExportFormat = 'markdown' | 'web-annotation'

export interface ExportedNotes {
  fileName: string
  mimeType: string
  content: string
}

export interface ImportReport {
  imported: number
  /** Annotations already stored with the same id and content. */
  unchanged: number
}

/** What the notes store has to tell the user once (a recovered file, a failed load). */
export interface NotesStatus {
  notice: string | null
  count: number
}
