/**
 * The fields at the top of an article file, between `---` lines, in YAML. Bundled and imported
 * articles share the format; imported ones add `imported: true` and how they were extracted.
 */
import { parse as parseYaml } from 'yaml'
import type { ArticleSummary, Extraction } from '../model/article'

/** A file that cannot become an article; the message names what is wrong in plain words. */
export class ArticleParseError extends Error {
  override name = 'ArticleParseError'
}

export interface FrontMatter {
  title: string
  author: string | null
  standfirst: string | null
  source: string | null
  date: string | null
  url: string | null
  language: string | null
  dir: ArticleSummary['dir']
  imported: boolean
  extraction: Extraction | null
}

/** Reads the front matter's YAML text. */
export function readFrontMatter(yamlText: string): FrontMatter {
  let data: unknown
  try {
    data = parseYaml(yamlText)
  } catch (error) {
    const firstLine = (error as Error).message.split('\n')[0]
    throw new ArticleParseError(`its front matter is not valid YAML (${firstLine})`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleParseError('its front matter is not a set of fields (title: …)')
  }
  const fields = data as Record<string, unknown>
  const title = optionalString(fields, 'title')
  if (!title) throw new ArticleParseError('its front matter has no title')
  const date = optionalString(fields, 'date')
  if (date !== null && !isIsoDate(date)) {
    throw new ArticleParseError(`its date "${date}" is not a calendar date written YYYY-MM-DD`)
  }
  const url = optionalString(fields, 'url')
  if (url !== null && !/^https?:\/\/\S+$/i.test(url)) {
    throw new ArticleParseError(`its url "${url}" is not a web address (http or https)`)
  }
  const dir = optionalString(fields, 'dir')
  if (dir !== null && dir !== 'ltr' && dir !== 'rtl') {
    throw new ArticleParseError(`its dir "${dir}" is neither ltr nor rtl`)
  }
  return {
    title,
    author: optionalString(fields, 'author'),
    standfirst: optionalString(fields, 'standfirst'),
    source: optionalString(fields, 'source'),
    date,
    url,
    language: optionalString(fields, 'language'),
    dir,
    imported: fields.imported === true,
    extraction: readExtraction(fields.extraction)
  }
}

/** `extraction: { thin: true, images: 3 }`; anything else is no extraction record. */
function readExtraction(value: unknown): Extraction | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const { thin, images } = value as Record<string, unknown>
  return {
    thin: thin === true,
    images: typeof images === 'number' && Number.isSafeInteger(images) && images > 0 ? images : 0
  }
}

function optionalString(fields: Record<string, unknown>, key: string): string | null {
  const value = fields[key]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ArticleParseError(`its front matter field "${key}" must be text`)
  }
  const text = String(value).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}
