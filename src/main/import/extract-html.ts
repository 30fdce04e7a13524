/**
 * A saved web page to an article: details from the page's own metadata (page-metadata.ts),
 * the article's text found by Mozilla's Readability on a linkedom document, then written as
 * Dossier's Markdown (html-to-markdown.ts). Runs in the extraction process, never in main.
 */
import { Readability } from '@mozilla/readability'
import { baseDirection } from '@shared/content/base-direction'
import type { ArticleMeta } from '@shared/import/article-file'
import type { PageBlock } from '@shared/model/page-text'
import {
  collapse,
  isElement,
  parsePage,
  tagOf,
  TEXT_NODE,
  type DomElement,
  type DomNode
} from './dom'
import { htmlToMarkdown } from './html-to-markdown'
import { unlazyImages } from './lazy-images'
import { readPageMetadata } from './page-metadata'

/** Extraction is thin when it kept less than this share of a page with this much text. */
const THIN_SHARE = 0.25
const THIN_PAGE_CHARS = 2000

export type HtmlExtraction =
  { ok: true; meta: ArticleMeta; body: string; reason: string } | { ok: false; reason: string }

export function extractHtml(html: string, fileTitle: string): HtmlExtraction {
  const document = parsePage(html)
  const meta = readPageMetadata(document)
  const pageChars = visibleText(document.body).length
  unlazyImages(document)
  const article = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement,
    // What an element's class says it is for (a byline, a share bar) is how furniture is found.
    keepClasses: true
  }).parse()
  if (!article?.content) return { ok: false, reason: 'No article found on the page.' }
  let byline: string | null = null
  const body = htmlToMarkdown(article.content, {
    baseUrl: meta.url,
    author: meta.author,
    onByline: (name) => (byline ??= name)
  })
  if (body.trim() === '') return { ok: false, reason: 'No article found on the page.' }
  const images = article.content.querySelectorAll('img').length
  const kept = collapse(article.textContent).length
  const thin = pageChars >= THIN_PAGE_CHARS && kept < pageChars * THIN_SHARE
  const title = meta.title ?? collapse(article.title) ?? fileTitle
  const dir = meta.dir ?? baseDirection(collapse(article.textContent).slice(0, 2000)) ?? null
  return {
    ok: true,
    meta: {
      title: title || fileTitle,
      author: meta.author ?? (collapse(article.byline) || byline),
      source: meta.source ?? (collapse(article.siteName) || null),
      date: meta.date,
      url: meta.url,
      language: meta.language,
      dir,
      extraction: { thin, images }
    },
    body,
    reason: meta.titleFrom
      ? `Imported with the details from the page's ${meta.titleFrom === 'title' ? 'title' : meta.titleFrom}.`
      : 'Imported; the page names no title, so the file name is used.'
  }
}

/**
 * The whole page's readable text, block by block (what a thin extraction offers): headings,
 * list items with their place, and every other block a paragraph. Plain text only.
 */
export function pageText(html: string): PageBlock[] {
  const body = parsePage(html).body
  if (!body) return []
  const blocks: PageBlock[] = []
  let current = ''
  const flush = (kind: Kind): void => {
    const text = collapse(current)
    current = ''
    if (text) blocks.push({ ...kind, text })
  }
  const walk = (node: DomNode, kind: Kind, depth: number): void => {
    if (!isElement(node)) {
      if (node.nodeType === TEXT_NODE) current += node.textContent ?? ''
      return
    }
    const tag = tagOf(node)
    if (UNSEEN.has(tag)) return
    if (!BLOCKS.test(tag)) {
      for (const child of Array.from(node.childNodes)) walk(child, kind, depth)
      return
    }
    flush(kind)
    const inner = blockKind(node, tag, kind, depth)
    const innerDepth = tag === 'ul' || tag === 'ol' ? depth + 1 : depth
    for (const child of Array.from(node.childNodes)) walk(child, inner, innerDepth)
    flush(inner)
  }
  walk(body, PARAGRAPH, 0)
  flush(PARAGRAPH)
  return blocks
}

/** A block's kind and place, before its text is known. */
type Kind = PageBlock extends infer B ? (B extends PageBlock ? Omit<B, 'text'> : never) : never
const PARAGRAPH: Kind = { kind: 'paragraph' }

/** What text inside `element` is: its own heading or list item, else what held it. */
function blockKind(element: DomElement, tag: string, outer: Kind, depth: number): Kind {
  const heading = /^h([1-6])$/.exec(tag)
  if (heading) return { kind: 'heading', level: Number(heading[1]) }
  if (tag !== 'li') return outer
  const list = element.parentNode
  const ordered = list !== null && tagOf(list) === 'ol'
  const siblings = list ? Array.from(list.children).filter((child) => tagOf(child) === 'li') : []
  const start = ordered ? Number(list?.getAttribute('start') ?? 1) || 1 : 1
  return {
    kind: 'list-item',
    list: {
      ordered,
      depth: Math.max(1, depth),
      index: start + Math.max(0, siblings.indexOf(element))
    }
  }
}

const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'head'])
const BLOCKS =
  /^(?:p|div|section|article|main|header|footer|nav|aside|ul|ol|li|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|dl|dt|dd|br)$/

function visibleText(body: DomElement | null): string {
  if (!body) return ''
  for (const hidden of Array.from(body.querySelectorAll('script, style, noscript, template')))
    hidden.remove()
  return collapse(body.textContent)
}
