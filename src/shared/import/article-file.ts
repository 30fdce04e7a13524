/**
 * Writes an article file: the front matter parse-article reads (front-matter.ts) and a
 * Markdown body. Imported and curated articles are written here, so both are read back by the
 * same parser as every bundled article.
 */
import { stringify } from 'yaml'
import type { ArticleSummary, Extraction } from '../model/article'

export interface ArticleMeta {
  title: string
  standfirst?: string | null
  author: string | null
  source: string | null
  date: string | null
  url: string | null
  language: string | null
  dir: ArticleSummary['dir']
  /** Present (true) only for articles in the user's data directory. */
  imported?: boolean
  extraction?: Extraction | null
}

/** Details of an article that states nothing but its title. */
export function titleOnly(title: string): ArticleMeta {
  return { title, author: null, source: null, date: null, url: null, language: null, dir: null }
}

/** The file's text: `---`, the fields that have a value, `---`, a blank line, the body. */
export function articleFile(meta: ArticleMeta, body: string): string {
  const fields: Record<string, unknown> = {}
  for (const key of [
    'title',
    'standfirst',
    'author',
    'source',
    'date',
    'url',
    'language',
    'dir',
    'imported',
    'extraction'
  ] as const) {
    const value = meta[key]
    if (value !== null && value !== undefined && value !== false) fields[key] = value
  }
  const yaml = stringify(fields, { lineWidth: 0 }).trimEnd()
  return `---\n${yaml}\n---\n\n${body.trim()}\n`
}

// Characters that start or end Markdown syntax inside a line of text.
const INLINE_SYNTAX = /[\\`*_[\]<>|~]/g

/**
 * `text` as Markdown that reads back as exactly this text: inline syntax escaped, and what
 * would make a block of another kind at the start of a line (a heading's `#`, a quote's `>`,
 * a list's `-` or `1.`) escaped too. `text` is one line: callers collapse white space first.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(/^(\s*)([#>+-]|=+$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

/** A link target written so that spaces and parentheses in it cannot end it early. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}
