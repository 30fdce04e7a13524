/**
 * A saved web page to an article: details from the page's own metadata (page-metadata.ts),
 * the article's text found by Mozilla's Readability on a linkedom document, then written as
 * Dossier's Markdown (html-to-markdown.ts). Runs in the extraction process, never in main.
 */
import { Readability } from '@mozilla/readability'
import { baseDirection } from '@shared/content/base-direction'
import type { ArticleMeta } from '@shared/import/article-file'
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
    serializer: (node) => node as unknown as DomElement
  }).parse()
  if (!article?.content) return { ok: false, reason: 'No article found on the page.' }
  const body = htmlToMarkdown(article.content, { baseUrl: meta.url })
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
      author: meta.author ?? (collapse(article.byline) || null),
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

/** The whole page's readable text, a paragraph per block: what a thin extraction offers. */
export function pageText(html: string): string {
  const body = parsePage(html).body
  if (!body) return ''
  const paragraphs: string[] = []
  let current = ''
  const walk = (node: DomNode): void => {
    if (!isElement(node)) {
      if (node.nodeType === TEXT_NODE) current += node.textContent ?? ''
      return
    }
    if (UNSEEN.has(tagOf(node))) return
    const block = BLOCKS.test(tagOf(node))
    if (block) paragraphs.push(current)
    if (block) current = ''
    for (const child of Array.from(node.childNodes)) walk(child)
    if (block) paragraphs.push(current)
    if (block) current = ''
  }
  walk(body)
  paragraphs.push(current)
  return paragraphs.map(collapse).filter(Boolean).join('\n\n')
}

const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'head'])
const BLOCKS =
  /^(?:p|div|section|article|main|header|footer|nav|aside|li|h[1-6]|blockquote|pre|tr|td|th|figure|figcaption|dt|dd|br)$/

function visibleText(body: DomElement | null): string {
  if (!body) return ''
  for (const hidden of Array.from(body.querySelectorAll('script, style, noscript, template')))
    hidden.remove()
  return collapse(body.textContent)
}
