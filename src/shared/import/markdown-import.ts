/**
 * A Markdown file to import: YAML (`---`) or TOML (`+++`) front matter, or none. Its details
 * are taken from the front matter where given (title, author, source or publication, date,
 * url, language, dir, standfirst or description); the title, failing that, is the first
 * heading (taken out of the body), then the file's name.
 */
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { isIsoDate } from '../content/front-matter'
import { webLinkTarget } from '../content/link-target'
import type { ArticleMeta } from './article-file'

export type MarkdownImport =
  { ok: true; meta: ArticleMeta; body: string; reason: string } | { ok: false; reason: string }

const FENCES = [
  {
    open: /^---[ \t]*\r?\n/,
    close: /\r?\n---[ \t]*(?:\r?\n|$)/,
    parse: (text: string): unknown => parseYaml(text),
    name: 'YAML'
  },
  {
    open: /^\+\+\+[ \t]*\r?\n/,
    close: /\r?\n\+\+\+[ \t]*(?:\r?\n|$)/,
    parse: (text: string): unknown => parseToml(text),
    name: 'TOML'
  }
] as const

export function importMarkdown(source: string, fileTitle: string): MarkdownImport {
  let body = source.replace(/^\uFEFF/, '')
  let fields: Record<string, unknown> = {}
  let from: string | null = null
  for (const fence of FENCES) {
    const open = fence.open.exec(body)
    if (!open) continue
    const rest = body.slice(open[0].length)
    const close = fence.close.exec(rest)
    if (!close) break
    try {
      const data: unknown = fence.parse(rest.slice(0, close.index))
      if (data && typeof data === 'object' && !Array.isArray(data))
        fields = data as Record<string, unknown>
    } catch (error) {
      const line = (error as Error).message.split('\n')[0]
      return { ok: false, reason: `Its ${fence.name} front matter could not be read (${line}).` }
    }
    from = fence.name
    body = rest.slice(close.index + close[0].length)
    break
  }
  let title = text(fields.title)
  if (!title) {
    const heading = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body)
    if (heading && body.slice(0, heading.index).trim() === '') {
      title = heading[1]!.trim()
      body = body.slice(heading.index + heading[0].length)
    }
  }
  if (body.trim() === '') return { ok: false, reason: 'The file has no text besides its details.' }
  const date = day(fields.date ?? fields.published ?? fields.pubDate)
  const url = text(fields.url ?? fields.canonical ?? fields.link)
  const dir = text(fields.dir)
  return {
    ok: true,
    meta: {
      title: title ?? fileTitle,
      standfirst: text(fields.standfirst ?? fields.description ?? fields.summary),
      author: text(fields.author ?? fields.authors ?? fields.byline),
      source: text(fields.source ?? fields.publication ?? fields.publisher),
      date,
      url: url && /^https?:/i.test(url) ? webLinkTarget(url) : null,
      language: text(fields.language ?? fields.lang),
      dir: dir === 'ltr' || dir === 'rtl' ? dir : null
    },
    body,
    reason: from
      ? `Imported with the details from its ${from} front matter.`
      : title
        ? 'Imported; titled by its first heading.'
        : 'Imported; titled by its file name.'
  }
}

/** Text, a number, or a list of them (authors): one line. */
function text(value: unknown): string | null {
  if (Array.isArray(value))
    return text(
      value
        .map((item) => text(item))
        .filter(Boolean)
        .join(', ')
    )
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const line = String(value).replace(/\s+/g, ' ').trim()
  return line === '' ? null : line
}

/** A date (YAML text, a TOML date or date-time) as its calendar day. */
function day(value: unknown): string | null {
  const written =
    value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : text(value)
  const found = /^\d{4}-\d{2}-\d{2}/.exec(written ?? '')?.[0]
  return found && isIsoDate(found) ? found : null
}
