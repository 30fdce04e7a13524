/**
 * Main's hold on the library: every article's summary (what lists and checks need), and the
 * articles themselves only when asked for (the reader, a new highlight, notes' anchors), from
 * whoever holds the texts: the index worker, or main's own copy (library-questions.ts).
 */
import { summaryOf, type ArticleSummary, type ArticleView } from '@shared/model/article'
import { NotFoundError } from '../ipc/dispatcher'
import { LibraryAnswers, type AskLibrary } from './library-questions'

export interface LibraryAccess {
  /** Every article's summary, in library order. */
  readonly summaries: readonly ArticleSummary[]
  ask: AskLibrary
}

/** Access to articles main holds itself: a library it read, or tests'. */
export function localLibrary(articles: readonly ArticleView[]): LibraryAccess {
  const answers = new LibraryAnswers(new Map(articles.map((article) => [article.id, article])))
  return {
    summaries: articles.map(summaryOf),
    ask: async (question) => answers.answer(question)
  }
}

/** The article `id`. @throws NotFoundError when the library has none. */
export async function articleOf(ask: AskLibrary, id: string): Promise<ArticleView> {
  const [article] = await ask({ kind: 'articles', ids: [id] })
  if (!article) throw new NotFoundError(`No article with id "${id}"`)
  return article
}

/**
 * How many articles main keeps after asking for them: the one being read and the last few
 * opened, so going back to one (or listing its notes) asks the worker nothing. ~60 KB each.
 */
export const RECENT_ARTICLES = 16

/**
 * `ask`, keeping the last `keep` articles asked for. Only for articles that never change while
 * the app runs (the bundled ones): an edited article under the same id would be served stale.
 */
export function withRecentArticles(ask: AskLibrary, keep = RECENT_ARTICLES): AskLibrary {
  const recent = new Map<string, ArticleView>()
  const remember = (article: ArticleView): void => {
    recent.delete(article.id)
    recent.set(article.id, article)
    if (recent.size > keep) recent.delete(recent.keys().next().value!)
  }
  return (async (question) => {
    if (question.kind !== 'articles') return ask(question)
    const missing = [...new Set(question.ids.filter((id) => !recent.has(id)))]
    const found = new Map<string, ArticleView | null>()
    if (missing.length > 0) {
      const articles = await ask({ kind: 'articles', ids: missing })
      missing.forEach((id, i) => found.set(id, articles[i] ?? null))
    }
    return question.ids.map((id) => {
      const article = found.has(id) ? found.get(id)! : recent.get(id)!
      if (article) remember(article)
      return article
    })
  }) as AskLibrary
}
