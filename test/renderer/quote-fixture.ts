/**
 * Quotations placed by hand on a hand-made article (see article-fixture.ts): each is given as
 * it is printed, marks included, so tests never count characters. The node tests have their
 * own copy (test/shared/voices/quote-fixture.ts): the two type-check projects share no test files.
 */
import type { ArticleView } from '@shared/model/article'

export interface QuoteSpec {
  /** The quotation as printed, opening and closing marks included. */
  printed: string
  speaker: string | null
}

/** The article with these quotations (each the first occurrence), outer before nested. */
export function withQuotes(article: ArticleView, specs: QuoteSpec[]): ArticleView {
  const quotes = specs
    .map((spec) => {
      const start = article.text.indexOf(spec.printed)
      if (start < 0) throw new Error(`"${spec.printed}" is not in the text`)
      return {
        start,
        end: start + spec.printed.length,
        text: spec.printed.slice(1, -1),
        kind: spec.speaker === null ? ('scare' as const) : ('direct' as const),
        speaker: spec.speaker
      }
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
  return { ...article, quotes }
}
