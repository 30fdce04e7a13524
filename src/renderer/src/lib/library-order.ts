/**
 * The library's order, as main sorts it (newest first, then by title), kept when one article
 * is added, changed or put back, without asking main for the whole list again.
 */
import type { ArticleSummary } from '@shared/model/article'

export function compareArticles(a: ArticleSummary, b: ArticleSummary): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)
}

/** `articles` with `article` in its place; an article with the same id is replaced. */
export function placeArticle(
  articles: readonly ArticleSummary[],
  article: ArticleSummary
): ArticleSummary[] {
  const others = articles.filter((other) => other.id !== article.id)
  const at = others.findIndex((other) => compareArticles(article, other) < 0)
  return at === -1 ? [...others, article] : [...others.slice(0, at), article, ...others.slice(at)]
}
