/**
 * A plain text file to import: its first line is the title when it is short and more text
 * follows, paragraphs are split on blank lines, and every character is kept as text (escaped,
 * so a `#` or `*` in it is not read as Markdown).
 */
import { escapeMarkdown, titleOnly, type ArticleMeta } from './article-file'

/** A first line longer than this is prose, not a title. */
const MAX_TITLE = 150

export function importText(
  source: string,
  fileTitle: string
): { ok: true; meta: ArticleMeta; body: string; reason: string } {
  const text = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim()
  const newline = text.indexOf('\n')
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).trim()
  const rest = newline === -1 ? '' : text.slice(newline + 1)
  const titled = firstLine.length <= MAX_TITLE && rest.trim() !== ''
  const paragraphs = (titled ? rest : text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return {
    ok: true,
    meta: titleOnly(titled ? firstLine.replace(/\s+/g, ' ') : fileTitle),
    body: paragraphs.map(escapeMarkdown).join('\n\n'),
    reason: titled ? 'Imported; titled by its first line.' : 'Imported; titled by its file name.'
  }
}
