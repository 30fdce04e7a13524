/**
 * What an import of another tool's Web Annotations needs from main (see `ForeignImport` in
 * shared/annotations/web-annotation.ts): a stable UUID for an id that is not one, and the
 * passage a quote names in the library's texts.
 */
import { createHash } from 'node:crypto'
import { anchor } from '@shared/annotations/anchor'
import type { ForeignImport } from '@shared/annotations/import-web-annotation'
import type { ArticleView } from '@shared/model/article'
import type { AskLibrary, QuoteToLocate } from '../library/library-questions'

/**
 * A name-based UUID (version 5's layout over SHA-1) of an annotation's IRI: importing the same
 * file again finds the same notes, so it adds nothing twice.
 */
export function uuidFor(iri: string): string {
  const hex = createHash('sha1').update(`dossier:annotation:${iri}`).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function foreignImport(
  articles: ReadonlyMap<string, ArticleView>,
  now: Date
): ForeignImport {
  return {
    now,
    idFor: uuidFor,
    locate: (quote, articleId) => {
      const target = {
        position: { type: 'TextPositionSelector' as const, start: -1, end: -1 },
        quote: { type: 'TextQuoteSelector' as const, ...quote }
      }
      // A quote found once verbatim needs no context (another tool may give none, which
      // anchoring reads as "at the very start and end").
      const place = (article: ArticleView) => {
        const at = article.text.indexOf(quote.exact)
        if (at >= 0 && at === article.text.lastIndexOf(quote.exact))
          return { articleId: article.id, start: at, end: at + quote.exact.length }
        const found = anchor(article.text, target)
        return found ? { articleId: article.id, ...found } : null
      }
      if (articleId !== null) {
        const article = articles.get(articleId)
        return article ? place(article) : null
      }
      // Another source (a web page): the one article holding the quote with its context, else
      // the one holding the quote alone; never a guess between several.
      const all = [...articles.values()]
      const withContext = all.filter((a) =>
        a.text.includes(quote.prefix + quote.exact + quote.suffix)
      )
      const holding =
        withContext.length > 0 ? withContext : all.filter((a) => a.text.includes(quote.exact))
      return holding.length === 1 ? place(holding[0]!) : null
    }
  }
}

/**
 * `foreignImport` for a library whose texts are held elsewhere (the index worker): a first
 * reading of `content` collects the quotes to place, they are placed where the texts are, and
 * the second reading (the caller's) is given those places in the same order.
 */
export async function foreignImportFrom(
  content: string,
  ask: AskLibrary,
  now: Date
): Promise<ForeignImport> {
  // Loaded here, not at the top: the index worker answers `locate` with `foreignImport` and
  // need not load the parser and its schema library (zod) at start-up.
  const { parseWebAnnotation } = await import('@shared/annotations/import-web-annotation')
  const quotes: QuoteToLocate[] = []
  try {
    parseWebAnnotation(content, {
      now,
      idFor: uuidFor,
      locate: (quote, articleId) => {
        quotes.push({ quote, articleId })
        return { articleId: articleId ?? 'unplaced', start: 0, end: quote.exact.length }
      }
    })
  } catch {
    // The second reading refuses the file with the same reason.
  }
  const places = quotes.length > 0 ? await ask({ kind: 'locate', quotes }) : []
  let next = 0
  return { now, idFor: uuidFor, locate: () => places[next++] ?? null }
}
