import type { Handlers } from '@shared/ipc/contract'
import type { ArticleView, SkippedFile } from '@shared/model/article'
import type { SearchService } from '@shared/search/search-service'
import type { SettingsStore } from '../settings/settings-store'
import { NotFoundError } from './dispatcher'

export interface HandlerDeps {
  articles: readonly ArticleView[]
  skipped: readonly SkippedFile[]
  search: SearchService
  settings: SettingsStore
}

/** The contract implemented over main's services. Requests arrive already validated. */
export function createHandlers({ articles, skipped, search, settings }: HandlerDeps): Handlers {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const summaries = articles.map(({ id, title, source, date, words, readingMinutes }) => ({
    id,
    title,
    source,
    date,
    words,
    readingMinutes
  }))
  const find = (id: string): ArticleView => {
    const article = byId.get(id)
    if (!article) throw new NotFoundError(`No article with id "${id}"`)
    return article
  }

  return {
    'library:list': () => ({ articles: summaries, skipped: [...skipped] }),
    'library:get': ({ id }) => find(id),
    'search:query': ({ query, limit }) => search.search(query, limit),
    'search:matches': ({ articleId, query }) => {
      find(articleId)
      return { articleId, query, ranges: search.matches(articleId, query) ?? [] }
    },
    'search:status': () => ({ state: 'ready', progress: 1, articles: articles.length }),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'reading:save-position': ({ articleId, position }) => {
      find(articleId)
      return settings.savePosition(articleId, position)
    }
  }
}
