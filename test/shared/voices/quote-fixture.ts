/**
 * Hand-made articles with quotations placed by hand: each quotation is given as it is printed,
 * marks included, so tests never count characters, and never depend on what the extractor
 * finds. Used by the shared and the renderer tests.
 */
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import type { Quote } from '@shared/model/quote'

/** An article from its front matter and body paragraphs, read as the library reads files. */
export function markdownArticle(
  id: string,
  meta: { title: string; source?: string; date?: string; author?: string },
  paragraphs: string[]
): ArticleView {
  const front = Object.entries(meta)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')
  return parseArticle(id, `---\n${front}\n---\n\n${paragraphs.join('\n\n')}\n`)
}

export interface QuoteSpec {
  /** The quotation as printed, opening and closing marks included. */
  printed: string
  speaker: string | null
  /** Which occurrence of `printed` (default the first). */
  nth?: number
}

/** The quotation `printed` (its `nth` occurrence) in `text`. */
export function quoteIn(text: string, spec: QuoteSpec): Quote {
  let at = -1
  for (let i = 0; i <= (spec.nth ?? 0); i++) {
    at = text.indexOf(spec.printed, at + 1)
    if (at < 0) throw new Error(`"${spec.printed}" is not in the text ${(spec.nth ?? 0) + 1} times`)
  }
  return {
    start: at,
    end: at + spec.printed.length,
    text: spec.printed.slice(1, -1),
    kind: spec.speaker === null ? 'scare' : 'direct',
    speaker: spec.speaker
  }
}

/** The article with these quotations, in reading order (outer before nested). */
export function withQuotes(article: ArticleView, specs: QuoteSpec[]): ArticleView {
  const quotes = specs
    .map((spec) => quoteIn(article.text, spec))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  return { ...article, quotes }
}
