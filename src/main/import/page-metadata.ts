/**
 * An article's details as the page states them, each tried in order: JSON-LD (schema.org
 * NewsArticle and kin), OpenGraph, plain meta tags, Dublin Core, then `<title>`. Nothing is
 * guessed: a detail no source gives is null.
 */
import { webLinkTarget } from '@shared/content/link-target'
import { isIsoDate } from '@shared/content/front-matter'
import { collapse, type DomDocument } from './dom'

export interface PageMetadata {
  title: string | null
  author: string | null
  source: string | null
  date: string | null
  language: string | null
  url: string | null
  dir: 'ltr' | 'rtl' | null
  /** Where the title came from, for the import report. */
  titleFrom: MetadataSource | null
}

export type MetadataSource = 'JSON-LD' | 'OpenGraph' | 'meta tags' | 'Dublin Core' | 'title'

type Fields = Partial<Record<'title' | 'author' | 'source' | 'date' | 'language' | 'url', string>>

export function readPageMetadata(document: DomDocument): PageMetadata {
  const meta = metaTags(document)
  const first = (...names: string[]) => names.map((name) => meta.get(name)).find(Boolean)
  const sources: [MetadataSource, Fields][] = [
    ['JSON-LD', jsonLd(document)],
    [
      'OpenGraph',
      {
        title: first('og:title'),
        source: first('og:site_name'),
        date: first('article:published_time', 'og:published_time'),
        language: first('og:locale')?.replace('_', '-'),
        author: notUrl(first('article:author')),
        url: first('og:url')
      }
    ],
    [
      'meta tags',
      {
        title: first('title', 'headline'),
        author: first('author', 'byl', 'parsely-author', 'sailthru.author'),
        source: first('application-name', 'publisher'),
        date: first('date', 'pubdate', 'publish-date', 'publishdate', 'parsely-pub-date'),
        language: first('language', 'content-language')
      }
    ],
    [
      'Dublin Core',
      {
        title: first('dc.title', 'dcterms.title'),
        author: first('dc.creator', 'dcterms.creator'),
        source: first('dc.publisher', 'dcterms.publisher'),
        date: first('dc.date', 'dcterms.date', 'dcterms.issued', 'dc.date.issued'),
        language: first('dc.language', 'dcterms.language')
      }
    ],
    ['title', { title: document.title }]
  ]
  const pick = (key: keyof Fields, accept: (value: string) => string | null = (v) => v) => {
    for (const [from, fields] of sources) {
      const value = fields[key] === undefined ? null : accept(collapse(fields[key]))
      if (value) return { value, from }
    }
    return null
  }
  const title = pick('title')
  const html = document.documentElement
  const dir = collapse(html.getAttribute('dir')).toLowerCase()
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')
  return {
    title: title?.value ?? null,
    titleFrom: title?.from ?? null,
    author: pick('author')?.value ?? null,
    source: pick('source')?.value ?? null,
    date: pick('date', isoDay)?.value ?? null,
    language:
      pick('language', languageTag)?.value ?? languageTag(collapse(html.getAttribute('lang'))),
    url: webUrl(canonical) ?? pick('url', webUrl)?.value ?? null,
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null
  }
}

/** Meta tags by lower-cased `property` or `name` (the first of each wins). */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>()
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase()
    const content = meta.getAttribute('content')
    if (key && content && !tags.has(key)) tags.set(key, content)
  }
  return tags
}

const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|Report)$/

/** The first schema.org article in the page's JSON-LD blocks (also inside `@graph`). */
function jsonLd(document: DomDocument): Fields {
  for (const script of Array.from(document.querySelectorAll('script[type*="ld+json" i]'))) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const article = findArticle(data, 0)
    if (!article) continue
    const publisher = article.publisher as Record<string, unknown> | undefined
    return {
      title: text(article.headline) ?? text(article.name),
      author: names(article.author),
      source: text(publisher?.name),
      date: text(article.datePublished) ?? text(article.dateCreated),
      language: text(article.inLanguage),
      url: text(article.url)
    }
  }
  return {}
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4 || !data || typeof data !== 'object') return null
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1)
      if (found) return found
    }
    return null
  }
  const record = data as Record<string, unknown>
  const types = ([] as unknown[]).concat(record['@type'])
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type))) return record
  return findArticle(record['@graph'], depth + 1)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** `author`: a name, a Person, or a list of either; joined with commas. */
function names(value: unknown): string | undefined {
  const list = ([] as unknown[]).concat(value ?? [])
  const found = list
    .map((item) =>
      typeof item === 'string' ? item : text((item as Record<string, unknown> | null)?.name)
    )
    .filter((name): name is string => !!name && !/^https?:/i.test(name))
  return found.length > 0 ? found.join(', ') : undefined
}

const notUrl = (value: string | undefined) => (value && /^https?:/i.test(value) ? undefined : value)

/** The calendar day a date or date-time starts with, when it is a real one. */
function isoDay(value: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0]
  return day && isIsoDate(day) ? day : null
}

function languageTag(value: string): string | null {
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null
}

function webUrl(value: string | null | undefined): string | null {
  const url = webLinkTarget(value?.trim())
  return url && /^https?:/.test(url) ? url : null
}
