/**
 * The import channels (issue 16): a file goes to the extraction process, and what comes back
 * is checked for a duplicate, stored (imported-store.ts), made searchable and added to the
 * library. Edits, removals and restores act on imported articles only; bundled ones are the
 * app's own.
 */
import type { ArticleImportRow, Handlers } from '@shared/ipc/contract'
import { articlePageBlocks } from '@shared/import/page-text'
import { summaryOf, type ArticleSummary, type ArticleView } from '@shared/model/article'
import { NotFoundError, RequestError } from '../ipc/dispatcher'
import type { NotesStore } from '../notes/notes-store'
import { CANCELLED, type ExtractionClient } from './extraction-client'
import type { ImportedStore } from './imported-store'
import { articleOf, type LibraryAccess } from '../library/library-access'
import type { AskLibrary } from '../library/library-questions'

type ImportChannels =
  | 'import:file'
  | 'import:cancel'
  | 'library:edit'
  | 'library:remove'
  | 'library:restore'
  | 'library:removed'
  | 'library:page-text'

export interface ImportDeps {
  store: ImportedStore
  extraction: ExtractionClient
  /**
   * The bundled library, which imports must not duplicate nor take an id of. A function: the
   * list main started with can be corrected once the worker has read the articles.
   */
  bundled: () => readonly ArticleSummary[]
  /** Asks where the bundled articles' texts are (a duplicate's content, a page's text). */
  ask: AskLibrary
  search: { update(added: readonly ArticleView[], removed: readonly string[]): Promise<void> }
  notes: NotesStore
  /** Called after every change to the imported articles: the library list is rebuilt. */
  changed(): void
}

export function createImportHandlers(deps: ImportDeps): Pick<Handlers, ImportChannels> {
  const { store, extraction, bundled, ask, search, notes } = deps
  let lookups: {
    of: readonly ArticleSummary[]
    byId: Map<string, ArticleSummary>
    byUrl: Map<string, ArticleSummary>
  } | null = null
  const bundledLookups = () => {
    const list = bundled()
    if (lookups?.of !== list)
      lookups = {
        of: list,
        byId: new Map(list.map((article) => [article.id, article])),
        byUrl: new Map(list.filter((a) => a.url).map((a) => [a.url!, a]))
      }
    return lookups
  }
  const bundledById = {
    get: (id: string) => bundledLookups().byId.get(id),
    has: (id: string) => bundledLookups().byId.has(id)
  }
  const bundledByUrl = { get: (url: string) => bundledLookups().byUrl.get(url) }
  const bundledWith = async (hash: string): Promise<ArticleSummary | undefined> => {
    const id = await ask({ kind: 'duplicate', contentHash: hash })
    return id === null ? undefined : bundledById.get(id)
  }
  // After extraction, one file at a time: two copies of one page in a batch are a duplicate.
  let tail: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work)
    tail = result.catch(() => undefined)
    return result
  }
  const imported = (id: string): ArticleView => {
    const article = store.get(id)
    if (article) return article
    if (bundledById.has(id))
      throw new RequestError('invalid-request', 'Only imported articles can be changed.')
    throw new NotFoundError(`No imported article with id "${id}"`)
  }
  const publish = async (added: ArticleView[], removed: string[]) => {
    deps.changed()
    await search.update(added, removed)
  }

  return {
    'import:file': async ({ batchId, name, path, data }): Promise<ArticleImportRow> => {
      const bytes = Buffer.from(data, 'base64')
      const failed = (reason: string): ArticleImportRow => ({ name, status: 'failed', reason })
      // Refused here without a round trip: what the extraction process would say first.
      if (bytes.length === 0) return failed('The file is empty.')
      const result = await extraction.extract({ name, ...(path ? { path } : {}), bytes }, batchId)
      if (!result.ok) return failed(result.reason)
      return serially(async () => {
        if (extraction.isCancelled(batchId)) return failed(CANCELLED)
        const url = result.article.url
        const duplicate =
          store.duplicateOf(url, result.contentHash) ??
          (url ? bundledByUrl.get(url) : undefined) ??
          (await bundledWith(result.contentHash))
        if (duplicate)
          return {
            name,
            status: 'duplicate',
            reason: `Already in the library as “${duplicate.title}”.`,
            article: summaryOf(duplicate)
          }
        const article = await store.add(result, bytes, (id) => bundledById.has(id))
        await publish([article], [])
        return { name, status: 'imported', reason: result.reason, article: summaryOf(article) }
      })
    },
    'import:cancel': ({ batchId }) => ({ cancelled: extraction.cancel(batchId) }),
    'library:edit': async ({ id, details }) => {
      imported(id)
      const article = await store.edit(id, details)
      await publish([article], [])
      return summaryOf(article)
    },
    'library:remove': async ({ id }) => {
      imported(id)
      const removed = await store.remove(id)
      await publish([], [id])
      return { removed: summaryOf(removed), notes: notes.list(id).length }
    },
    'library:restore': async ({ id }) => {
      if (store.get(id)) return summaryOf(store.get(id)!)
      if (bundledById.has(id))
        throw new RequestError('invalid-request', 'Only imported articles can be restored.')
      const article = await store.restore(id)
      if (!article) throw new NotFoundError(`No removed article with id "${id}"`)
      await publish([article], [])
      return summaryOf(article)
    },
    'library:removed': async ({ ids }) => ({
      articles: (await store.removed(ids.filter((id) => !store.get(id)))).map(summaryOf)
    }),
    'library:page-text': async ({ id }) => {
      if (bundledById.has(id)) return { blocks: articlePageBlocks(await articleOf(ask, id)) }
      const article = imported(id)
      // Imported Markdown and text keep all of their file in the article; a web page is read again.
      const original = await store.original(id)
      const blocks = original?.html ? await extraction.pageText(original.bytes) : null
      return { blocks: blocks?.length ? blocks : articlePageBlocks(article) }
    }
  }
}

/** For handlers made without an import store (tests of other channels): imports are refused. */
export function withoutImports(library: LibraryAccess): Pick<Handlers, ImportChannels> {
  const ids = new Set(library.summaries.map(({ id }) => id))
  const find = (id: string): void => {
    if (!ids.has(id)) throw new NotFoundError(`No article with id "${id}"`)
  }
  const refuse = ({ id }: { id: string }): never => {
    find(id)
    throw new RequestError('invalid-request', 'Only imported articles can be changed.')
  }
  return {
    'import:file': ({ name }) => ({
      name,
      status: 'failed',
      reason: 'Importing is not available here.'
    }),
    'import:cancel': () => ({ cancelled: false }),
    'library:edit': refuse,
    'library:remove': refuse,
    'library:restore': refuse,
    'library:removed': () => ({ articles: [] }),
    'library:page-text': async ({ id }) => {
      find(id)
      return { blocks: articlePageBlocks(await articleOf(library.ask, id)) }
    }
  }
}

export type ImportHandlers = Pick<Handlers, ImportChannels>
