/**
 * Dossier's search: plain-word queries over the library, ranked with title matches first, with
 * a snippet per result and the offsets of every match so the reader can highlight them.
 */
import type { ArticleView } from '../model/article'
import type { TextRange } from '../model/range'
import type { SearchResponse, SearchResult } from '../model/search'
import { analyseWord, foldForPrefix, SearchEngine, type IndexedDocument } from './lunr-engine'
import { parseQuery, wordMatches, type QueryWord } from './query'
import { makeSnippet, type SnippetMatch } from './snippet'
import { tokenize } from './tokenize'

export const DEFAULT_LIMIT = 20

/** What the index holds for an article: its title, and the rest of its text as the body. */
export function toIndexedDocument(article: ArticleView): IndexedDocument {
  const title = article.blocks.find((block) => block.kind === 'title')
  return {
    id: article.id,
    title: article.title,
    body: title ? article.text.slice(title.end) : article.text,
    source: article.source ?? '',
    author: ''
  }
}

interface AnalysedToken extends TextRange {
  analysed: string | null
  folded: string
}

export class SearchService {
  private readonly articles = new Map<string, ArticleView>()
  private readonly tokenCache = new Map<string, AnalysedToken[]>()

  constructor(
    articles: readonly ArticleView[],
    private readonly engine: SearchEngine
  ) {
    for (const article of articles) this.articles.set(article.id, article)
  }

  search(raw: string, limit = DEFAULT_LIMIT): SearchResponse {
    const words = parseQuery(raw)
    if (words.length === 0) return { query: raw, results: [], fuzzy: false }

    const hits = this.engine.search([
      ...unique(words.map((word) => word.exact)).map((term) => ({ term, kind: 'exact' as const })),
      ...unique(words.map((word) => word.prefix)).map((term) => ({ term, kind: 'prefix' as const }))
    ])

    const ranked = hits
      .filter((hit) => words.every((word) => matchesAnyTerm(word, hit.matched)))
      .map((hit) => ({
        hit,
        titleWords: words.filter((word) => matchesTerms(word, hit.matched['title'])).length
      }))
      // Title matches rank above body matches whatever lunr's scores say; score breaks ties.
      .sort((a, b) => b.titleWords - a.titleWords || b.hit.score - a.hit.score)

    const results: SearchResult[] = []
    for (const { hit } of ranked.slice(0, limit)) {
      const article = this.articles.get(hit.id)
      if (!article) continue
      const ranges = this.locate(article, words)
      results.push({
        kind: 'article',
        articleId: article.id,
        title: article.title,
        source: article.source,
        date: article.date,
        score: hit.score,
        snippet: makeSnippet(article.text, article.blocks, ranges),
        matchCount: ranges.length,
        firstMatch: ranges[0]?.start ?? 0
      })
    }
    return { query: raw, results, fuzzy: false }
  }

  /** Every match of the query in one article, in reading order. */
  matches(articleId: string, raw: string): TextRange[] | null {
    const article = this.articles.get(articleId)
    if (!article) return null
    return this.locate(article, parseQuery(raw)).map(({ start, end }) => ({ start, end }))
  }

  private locate(article: ArticleView, words: QueryWord[]): SnippetMatch[] {
    const found: SnippetMatch[] = []
    if (words.length === 0) return found
    for (const token of this.tokens(article)) {
      const word = words.findIndex((candidate) =>
        wordMatches(candidate, token.analysed, token.folded)
      )
      if (word >= 0) found.push({ start: token.start, end: token.end, word })
    }
    return found
  }

  private tokens(article: ArticleView): AnalysedToken[] {
    let tokens = this.tokenCache.get(article.id)
    if (!tokens) {
      tokens = tokenize(article.text).map((token) => ({
        start: token.start,
        end: token.end,
        analysed: analyseWord(token.text),
        folded: foldForPrefix(token.text)
      }))
      this.tokenCache.set(article.id, tokens)
    }
    return tokens
  }
}

function matchesAnyTerm(word: QueryWord, matched: Record<string, Set<string>>): boolean {
  return Object.values(matched).some((terms) => matchesTerms(word, terms))
}

function matchesTerms(word: QueryWord, terms: Set<string> | undefined): boolean {
  if (!terms) return false
  for (const term of terms) if (wordMatches(word, term, term)) return true
  return false
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))]
}
