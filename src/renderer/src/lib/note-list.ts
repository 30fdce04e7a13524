/**
 * How lists of notes are ordered, filtered and grouped for the Notes panel and the Notebook.
 * Pure functions over AnnotationView: the views show what these return.
 */
import type { AnnotationView, HighlightColor } from '@shared/model/annotation'
import type { ArticleSummary } from '@shared/model/article'
import { foldWord } from '@shared/search/fold'

/** What the Notes panel is narrowed to: one colour and/or one tag (null: any). */
export interface NoteFilter {
  color: HighlightColor | null
  tag: string | null
}

export const NO_FILTER: NoteFilter = { color: null, tag: null }

/** Whether an annotation is a highlight whose passage is no longer in the text. */
export const isOrphan = (annotation: AnnotationView): boolean =>
  annotation.kind === 'highlight' && annotation.anchor === null

/**
 * Notes on the whole article first (oldest first), then highlights in reading order, then
 * orphans at the end in the order their passages used to be, so they are seen and never lost
 * among the rest.
 */
export function readingOrder(annotations: readonly AnnotationView[]): AnnotationView[] {
  const rank = (a: AnnotationView) => (a.kind === 'article-note' ? 0 : a.anchor ? 1 : 2)
  const start = (a: AnnotationView) => a.anchor?.start ?? a.target?.position.start ?? 0
  const end = (a: AnnotationView) => a.anchor?.end ?? a.target?.position.end ?? 0
  return annotations.toSorted(
    (a, b) =>
      rank(a) - rank(b) ||
      start(a) - start(b) ||
      end(a) - end(b) ||
      a.created.localeCompare(b.created)
  )
}

/** Puts `annotation` into `list` in place of the one with its id, or adds it, in reading order. */
export function upsert(
  list: readonly AnnotationView[],
  annotation: AnnotationView
): AnnotationView[] {
  return readingOrder([...list.filter((a) => a.id !== annotation.id), annotation])
}

export function filterNotes(
  annotations: readonly AnnotationView[],
  filter: NoteFilter
): AnnotationView[] {
  return annotations.filter(
    (a) =>
      (filter.color === null || a.color === filter.color) &&
      (filter.tag === null || a.tags.includes(filter.tag))
  )
}

/** Every tag used, once each, alphabetically (ignoring case). */
export function tagsOf(annotations: readonly AnnotationView[]): string[] {
  const tags = new Set(annotations.flatMap((a) => a.tags))
  return [...tags].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
}

/**
 * A tag as typed, made fit to store: trimmed, without a leading `#` (Obsidian's tag marker,
 * which people type out of habit), inner whitespace as hyphens (a tag is one word in Markdown
 * exports). Null when nothing is left.
 */
export function normaliseTag(raw: string): string | null {
  const tag = raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, '-')
  return tag === '' ? null : tag
}

/** `tags` with `tag` added, unless it (in any case) is already there. */
export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = normaliseTag(raw)
  if (tag === null || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return [...tags]
  return [...tags, tag]
}

/** Folded the way search folds words (case, accents, apostrophes), for substring matching. */
const fold = (text: string): string => foldWord(text)

/**
 * Whether every word of `query` occurs in the note, its tags, its passage or the article's
 * title, ignoring case and accents. An empty query matches everything.
 */
export function matchesQuery(annotation: AnnotationView, query: string, title = ''): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = fold(
    [annotation.note, annotation.tags.join(' '), annotation.target?.quote.exact ?? '', title].join(
      '\n'
    )
  )
  return words.every((word) => haystack.includes(word))
}

export interface ArticleNotes {
  articleId: string
  /** The article's title, or null when it is no longer in the library. */
  title: string | null
  notes: AnnotationView[]
}

/**
 * Notes grouped by article, articles in library order (notes of articles no longer in the
 * library last, so they are still found), each group in reading order.
 */
export function groupByArticle(
  annotations: readonly AnnotationView[],
  articles: readonly ArticleSummary[]
): ArticleNotes[] {
  const byArticle = new Map<string, AnnotationView[]>()
  for (const annotation of annotations) {
    const group = byArticle.get(annotation.articleId)
    if (group) group.push(annotation)
    else byArticle.set(annotation.articleId, [annotation])
  }
  const known = articles.flatMap((article) => {
    const notes = byArticle.get(article.id)
    return notes
      ? [{ articleId: article.id, title: article.title, notes: readingOrder(notes) }]
      : []
  })
  const listed = new Set(articles.map((article) => article.id))
  const unknown = [...byArticle.entries()]
    .filter(([id]) => !listed.has(id))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([articleId, notes]) => ({ articleId, title: null, notes: readingOrder(notes) }))
  return [...known, ...unknown]
}
