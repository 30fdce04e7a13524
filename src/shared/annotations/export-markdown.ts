/**
 * Notes as Markdown to read or keep in a notes app (Obsidian, say): per article a heading, its
 * source line, the notes on the whole article, then each highlighted passage as a block quote
 * followed by its note and its tags as #tags. The notes themselves are Markdown and go in as
 * written; the article's words are escaped so they read as text, not markup.
 */
import type { Annotation, AnnotationView } from '../model/annotation'
import type { ArticleSummary } from '../model/article'

/**
 * `annotations` in the order to write them (reading order, grouped by article); `articles`
 * give titles and sources (a note whose article is gone is written under its id), `removed`
 * the articles among them that were removed from the library (their titles still known).
 */
export function exportMarkdown(
  annotations: readonly (Annotation | AnnotationView)[],
  articles: ReadonlyMap<string, ArticleSummary>,
  removed: ReadonlySet<string> = new Set()
): string {
  const groups = new Map<string, (Annotation | AnnotationView)[]>()
  for (const annotation of annotations) {
    const group = groups.get(annotation.articleId)
    if (group) group.push(annotation)
    else groups.set(annotation.articleId, [annotation])
  }
  // One article: its title is the document's title. Several: one section each.
  const level = groups.size === 1 ? '#' : '##'
  const parts: string[] = groups.size === 1 ? [] : ['# Notes from Dossier']
  if (groups.size === 0) parts.push('# Notes from Dossier', 'No notes yet.')
  for (const [articleId, group] of groups) {
    const article = articles.get(articleId)
    parts.push(`${level} ${escapeInline(article?.title ?? articleId)}`)
    const source = sourceLine(article)
    if (source) parts.push(source)
    if (article && removed.has(articleId))
      parts.push('*Removed from the library; it can be restored from the Notebook.*')
    for (const annotation of group) parts.push(...annotationBlock(annotation))
  }
  return parts.join('\n\n') + '\n'
}

function sourceLine(article: ArticleSummary | undefined): string | null {
  if (!article) return '*This article is no longer in the library.*'
  const details = [
    article.author ? `By ${article.author}` : null,
    article.source,
    article.date
  ].filter((part): part is string => !!part)
  return details.length > 0 ? escapeInline(details.join(' · ')) : null
}

function annotationBlock(annotation: Annotation | AnnotationView): string[] {
  const parts: string[] = []
  if (annotation.target) {
    parts.push(blockQuote(annotation.target.quote.exact))
    if ('anchor' in annotation && annotation.anchor === null)
      parts.push("*This passage is no longer in the article's text.*")
  } else {
    parts.push('**Note on the article**')
  }
  if (annotation.note.trim() !== '') parts.push(annotation.note.trim())
  if (annotation.tags.length > 0) parts.push(annotation.tags.map(hashTag).join(' '))
  return parts
}

/** Every line quoted, paragraphs kept apart by a quoted blank line. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n')
}

/**
 * A tag as Obsidian writes one: no spaces (they become hyphens) and only letters, digits,
 * `_`, `-` and `/`; a tag of digits alone gets a leading underscore, since `#2019` is no tag.
 */
export function hashTag(tag: string): string {
  const cleaned = tag
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '')
  const safe = /^[\p{N}]*$/u.test(cleaned) ? `_${cleaned}` : cleaned
  return `#${safe}`
}

/** Escapes what Markdown would read as inline markup. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&')
}

/** Escapes inline markup, and a line start that would open a heading, list or quote. */
function escapeLine(line: string): string {
  return escapeInline(line)
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
}
