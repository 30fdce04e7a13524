import type { Handlers } from '@shared/ipc/contract'
import type { ArticleSummary, SkippedFile } from '@shared/model/article'
import type { TextRange } from '@shared/model/range'
import type { SearchResponse, SearchStatus } from '@shared/model/search'
import { withNoteResults } from '@shared/search/note-provider'
import { DEFAULT_LIMIT } from '@shared/search/search-service'
import { withoutImports, type ImportHandlers } from '../import/import-handlers'
import { articleOf, type LibraryAccess } from '../library/library-access'
import { Anchors, createNoteSearch, createNotesHandlers } from '../notes/notes-handlers'
import type { NotesStore } from '../notes/notes-store'
import type { SettingsStore } from '../settings/settings-store'
import { NotFoundError } from './dispatcher'
import { createQuoteHandlers } from './quote-handlers'

/**
 * What the handlers need of search: a SearchService in-process, or main's client of the index
 * worker (which answers asynchronously and reports its loading status).
 */
export interface SearchBackend {
  search(query: string, limit?: number, cursor?: number): SearchResponse | Promise<SearchResponse>
  matches(articleId: string, query: string): TextRange[] | null | Promise<TextRange[] | null>
  /** Absent for a backend that is ready from the start. */
  status?(): SearchStatus
}

export interface HandlerDeps {
  /** The articles' summaries, and their texts when asked for. */
  library: LibraryAccess
  skipped: readonly SkippedFile[]
  search: SearchBackend
  settings: SettingsStore
  /** The user's highlights and notes. */
  notes: NotesStore
  /** The import channels; without them imports are refused. */
  imports?: ImportHandlers
  /** What opening other user data (imported articles) had to restore, for the user. */
  notices?: readonly string[]
}

/** The contract implemented over main's services. Requests arrive already validated. */
export function createHandlers({
  library,
  skipped,
  search,
  settings,
  notes,
  imports,
  notices = []
}: HandlerDeps): Handlers {
  const { summaries, ask } = library
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  const find = (id: string): ArticleSummary => {
    const summary = byId.get(id)
    if (!summary) throw new NotFoundError(`No article with id "${id}"`)
    return summary
  }

  const anchors = new Anchors(ask)
  const searchNotes = createNoteSearch({ library, notes, anchors })

  return {
    'library:list': () => ({ articles: [...summaries], skipped: [...skipped] }),
    ...createQuoteHandlers(ask),
    'library:get': ({ id }) => {
      find(id)
      return articleOf(ask, id)
    },
    // Articles are searched in the index worker, notes here where they live: one score merges.
    'search:query': async ({ query, limit = DEFAULT_LIMIT, cursor }) => {
      const [articles, noted] = await Promise.all([
        search.search(query, limit, cursor),
        searchNotes(query, limit, cursor)
      ])
      return withNoteResults(articles, noted, limit)
    },
    'search:matches': async ({ articleId, query }) => {
      find(articleId)
      return { articleId, query, ranges: (await search.matches(articleId, query)) ?? [] }
    },
    'search:status': () =>
      search.status?.() ?? { state: 'ready', progress: 1, articles: summaries.length },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'reading:save-position': ({ articleId, position }) => {
      find(articleId)
      return settings.savePosition(articleId, position)
    },
    ...createNotesHandlers({
      library,
      notes,
      anchors,
      removedArticles: async (ids) =>
        imports ? (await imports['library:removed']({ ids })).articles : []
    }),
    ...(imports ?? withoutImports(library)),
    // The one place the UI hears about loading user data: a recovered settings file too.
    'notes:status': () => {
      const status = notes.status()
      const notice = [status.notice, settings.notice, ...notices].filter(Boolean).join(' ')
      return { ...status, notice: notice === '' ? null : notice }
    }
  }
}
