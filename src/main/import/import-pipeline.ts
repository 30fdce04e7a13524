/**
 * One file through the import: size and kind checked, bytes decoded (decode.ts), its article
 * taken out by the stage for its kind (a web page, Markdown, text), written as an article file
 * and read back by parse-article as every article is. Runs in the extraction process.
 */
import { ArticleParseError, parseArticle } from '@shared/content/parse-article'
import { articleFile, type ArticleMeta } from '@shared/import/article-file'
import { decodeBytes } from '@shared/import/decode'
import { IMPORT_MAX_BYTES, importExtension } from '@shared/import/limits'
import { importMarkdown } from '@shared/import/markdown-import'
import { fileTitle, savedPageOf } from '@shared/import/saved-page'
import { importText } from '@shared/import/text-import'
import type { ArticleView } from '@shared/model/article'
import { contentHash } from './content-hash'
import { extractHtml } from './extract-html'

export interface ImportInput {
  name: string
  /** The path within a dropped folder, when there is one. */
  path?: string
  bytes: Uint8Array
}

export type PipelineResult =
  | {
      ok: true
      meta: ArticleMeta
      body: string
      /** Parsed with a placeholder id; the store gives it its own. */
      article: ArticleView
      /** SHA-256 of the article's body text: the same article imported twice has the same. */
      contentHash: string
      /** What the original file is kept as, beside the article. */
      extension: '.html' | '.md' | '.txt'
      reason: string
    }
  | { ok: false; reason: string }

export const PENDING_ID = 'pending'

export function runPipeline(input: ImportInput): PipelineResult {
  const page = savedPageOf(input.path ?? input.name)
  if (page) return { ok: false, reason: `A resource of the saved page “${page}”, not an article.` }
  const extension = importExtension(input.name)
  if (!extension)
    return { ok: false, reason: 'Not a file Dossier imports (.html, .htm, .md, .markdown, .txt).' }
  if (input.bytes.length > IMPORT_MAX_BYTES)
    return {
      ok: false,
      reason: `Too large: files over ${IMPORT_MAX_BYTES / 1048576} MB are not imported.`
    }
  const html = extension === '.html' || extension === '.htm'
  const decoded = decodeBytes(input.bytes, html)
  if (!decoded.ok) return decoded
  const title = fileTitle(input.name)
  const stage = html
    ? extractHtml(decoded.text, title)
    : extension === '.txt'
      ? importText(decoded.text, title)
      : importMarkdown(decoded.text, title)
  if (!stage.ok) return stage
  let article: ArticleView
  try {
    article = parseArticle(PENDING_ID, articleFile(stage.meta, stage.body))
  } catch (error) {
    if (!(error instanceof ArticleParseError)) throw error
    return { ok: false, reason: `No article text could be found (${error.message}).` }
  }
  return {
    ok: true,
    meta: stage.meta,
    body: stage.body,
    article,
    contentHash: contentHash(article),
    extension: html ? '.html' : extension === '.txt' ? '.txt' : '.md',
    reason: stage.reason
  }
}
