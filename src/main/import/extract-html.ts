/**
 * A saved web page to an article: details from the page's own metadata (page-metadata.ts),
 * the article's text found by Mozilla's Readability on a linkedom document, then written as
 * Dossier's Markdown (html-to-markdown.ts). Runs in the extraction process, never in main.
 */
import { Readability } from '@mozilla/readability'
import { baseDirection } from '@shared/content/base-direction'
import type { ArticleMeta } from '@shared/import/article-file'
import { collapse, parsePage, type DomElement } from './dom'
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

/** The whole page's readable text, blocks on their own lines: what a thin extraction offers. */
export function pageText(html: string): string {
  const document = parsePage(html)
  return visibleText(document.body)
}

function visibleText(body: DomElement | null): string {
  if (!body) return ''
  for (const hidden of Array.from(body.querySelectorAll('script, style, noscript, template')))
    hidden.remove()
  return collapse(body.textContent)
}
