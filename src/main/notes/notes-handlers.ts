/**
 * The `notes:*` channels over the notes store: highlights are described from the article text
 * as main asks for it (the renderer only says where), anchored again in the current text when
 * listed (orphans flagged, never dropped), exported and imported.
 */
import { randomUUID } from 'node:crypto'
import { anchor } from '@shared/annotations/anchor'
import { describeRange } from '@shared/annotations/describe'
import { exportMarkdown } from '@shared/annotations/export-markdown'
import { ImportError, parseWebAnnotation } from '@shared/annotations/import-web-annotation'
import { exportWebAnnotation } from '@shared/annotations/web-annotation'
import type { Handlers } from '@shared/ipc/contract'
import { MAX_QUOTE_LENGTH } from '@shared/ipc/schemas'
import type { Annotation, AnnotationView } from '@shared/model/annotation'
import type { ArticleSummary } from '@shared/model/article'
import type { TextRange } from '@shared/model/range'
import { NoteProvider, type NoteEntry } from '@shared/search/note-provider'
import type { ProviderAnswer } from '@shared/search/providers'
import { parseQuery } from '@shared/search/query-parser'
import { NotFoundError, RequestError } from '../ipc/dispatcher'
import { articleOf, type LibraryAccess } from '../library/library-access'
import type { AskLibrary } from '../library/library-questions'
import { foreignImportFrom } from './foreign-import'
import type { NotesStore } from './notes-store'

/** The contract's `notes:*` channels. */
export type NotesChannel = Extract<keyof Handlers, `notes:${string}`>

/**
 * Annotations with where they anchor now, remembered while they and the texts are unchanged.
 * The texts are asked for only for annotations not anchored yet, once per article.
 */
export class Anchors {
  private readonly cache = new Map<string, { key: string; anchor: TextRange | null }>()

  constructor(private readonly ask: AskLibrary) {}

  /** The annotations as the UI shows them; null anchor for an orphan or an article note. */
  async views(annotations: readonly Annotation[]): Promise<AnnotationView[]> {
    // Article texts do not change while these handlers serve them; an annotation's target
    // changes only with it (a restore or an import brings its own `updated`).
    const keyOf = ({ updated, target }: Annotation): string =>
      `${updated}\u0000${target!.position.start}\u0000${target!.quote.exact}`
    const stale = annotations.filter((a) => a.target && this.cache.get(a.id)?.key !== keyOf(a))
    const ids = [...new Set(stale.map(({ articleId }) => articleId))]
    if (ids.length > 0) {
      const articles = await this.ask({ kind: 'articles', ids })
      const texts = new Map(ids.map((id, i) => [id, articles[i]?.text]))
      for (const annotation of stale) {
        const text = texts.get(annotation.articleId)
        const found = text === undefined ? null : anchor(text, annotation.target!)
        this.cache.set(annotation.id, { key: keyOf(annotation), anchor: found })
      }
    }
    return annotations.map((annotation) => ({
      ...annotation,
      anchor: annotation.target ? (this.cache.get(annotation.id)?.anchor ?? null) : null
    }))
  }

  async view(annotation: Annotation): Promise<AnnotationView> {
    return (await this.views([annotation]))[0]!
  }
}

/**
 * Reading order: articles in library order (unknown ones last), then an article's notes on
 * the whole article, its highlights by position, and orphans last, oldest first.
 */
export function inReadingOrder(
  views: AnnotationView[],
  articleOrder: ReadonlyMap<string, number>
): AnnotationView[] {
  const rank = (view: AnnotationView) => (view.kind === 'article-note' ? 0 : view.anchor ? 1 : 2)
  return views.sort(
    (a, b) =>
      (articleOrder.get(a.articleId) ?? Infinity) - (articleOrder.get(b.articleId) ?? Infinity) ||
      a.articleId.localeCompare(b.articleId) ||
      rank(a) - rank(b) ||
      (a.anchor?.start ?? 0) - (b.anchor?.start ?? 0) ||
      (a.anchor?.end ?? 0) - (b.anchor?.end ?? 0) ||
      a.created.localeCompare(b.created)
  )
}

/**
 * Searches the notes for `search:query` (main holds them; the index worker holds the
 * articles): the query read as the search box's, answered by a `NoteProvider`.
 */
export function createNoteSearch({
  library,
  notes,
  anchors
}: Pick<NotesHandlerDeps, 'library' | 'notes' | 'anchors'>): (
  query: string,
  limit: number,
  cursor?: number
) => Promise<ProviderAnswer> {
  const byId = new Map(library.summaries.map((summary) => [summary.id, summary]))
  let entries: NoteEntry[] = []
  const provider = new NoteProvider(() => entries)
  return async (query, limit, cursor) => {
    // A note whose article left the library has nowhere to open; the Notebook still shows it.
    const views = await anchors.views(notes.snapshot().filter((a) => byId.has(a.articleId)))
    entries = views.map(({ anchor, ...annotation }) => ({
      annotation,
      anchor,
      article: byId.get(annotation.articleId)!
    }))
    return provider.search(parseQuery(query, cursor), limit)
  }
}

/** What the notes channels work on; `now` is injectable for tests. */
export interface NotesHandlerDeps {
  library: LibraryAccess
  notes: NotesStore
  anchors: Anchors
  /** Removed articles among these ids, so their notes are exported under their titles. */
  removedArticles?: (ids: string[]) => Promise<ArticleSummary[]>
  now?: () => Date
}

/** The notes channels of the contract. Requests arrive already validated by the schemas. */
export function createNotesHandlers({
  library,
  notes,
  anchors,
  removedArticles = async () => [],
  now = () => new Date()
}: NotesHandlerDeps): Pick<Handlers, NotesChannel> {
  const { summaries, ask } = library
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  const order = new Map(summaries.map((summary, index) => [summary.id, index]))
  const find = (id: string): ArticleSummary => {
    const summary = byId.get(id)
    if (!summary) throw new NotFoundError(`No article with id "${id}"`)
    return summary
  }
  const known = (id: string): Annotation => {
    const annotation = notes.get(id)
    if (!annotation) throw new NotFoundError(`No note with id "${id}"`)
    return annotation
  }
  const listed = async (articleId?: string) =>
    inReadingOrder(await anchors.views(notes.list(articleId)), order)

  return {
    'notes:list': async ({ articleId }) => {
      if (articleId !== undefined) find(articleId)
      return { annotations: await listed(articleId) }
    },

    'notes:create': async ({ articleId, kind, start, end, color, note, tags }) => {
      find(articleId)
      const article = await articleOf(ask, articleId)
      let target: Annotation['target'] = null
      if (kind === 'highlight') {
        // The schema guarantees start < end for a highlight; only main knows the text's length.
        const from = start!
        const to = end!
        if (to > article.text.length)
          throw new RequestError(
            'invalid-request',
            `The selection ${from}–${to} runs past the end of the article's text (${article.text.length} characters)`
          )
        if (to - from > MAX_QUOTE_LENGTH)
          throw new RequestError(
            'invalid-request',
            `A highlight may cover at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters`
          )
        target = describeRange(article.text, from, to)
      }
      const stamp = now().toISOString()
      const annotation: Annotation = {
        id: randomUUID(),
        articleId,
        kind,
        target,
        color: color ?? 'yellow',
        note: note ?? '',
        tags: uniqueTags(tags ?? []),
        created: stamp,
        updated: stamp
      }
      return anchors.view(await saved(notes.create(annotation)))
    },

    'notes:update': async ({ id, note, tags, color }) => {
      const current = known(id)
      const next = {
        note: note ?? current.note,
        tags: tags ? uniqueTags(tags) : current.tags,
        color: color ?? current.color
      }
      // Autosave sends the same text again; an unchanged note costs no write.
      if (
        next.note === current.note &&
        next.color === current.color &&
        next.tags.join('\u0000') === current.tags.join('\u0000')
      )
        return await anchors.view(current)
      const updated = await saved(
        notes.update(id, (latest) => ({
          ...latest,
          ...(note !== undefined ? { note } : {}),
          ...(tags !== undefined ? { tags: uniqueTags(tags) } : {}),
          ...(color !== undefined ? { color } : {}),
          updated: now().toISOString()
        }))
      )
      return anchors.view(updated)
    },

    'notes:delete': async ({ id }) => {
      known(id)
      return { deleted: await saved(notes.delete(id)) }
    },

    'notes:restore': async ({ annotation }) => anchors.view(await saved(notes.restore(annotation))),

    'notes:export': async ({ articleId, format }) => {
      const chosen = await listed(articleId)
      // A removed article's notes can still be exported on their own: they are all that is left.
      if (articleId !== undefined && chosen.length === 0) find(articleId)
      const name = `dossier-notes-${articleId ?? 'all'}`
      if (format === 'markdown') {
        const gone = [...new Set(chosen.map((a) => a.articleId))].filter((id) => !byId.has(id))
        const titled = new Map<string, ArticleSummary>(byId)
        for (const article of gone.length > 0 ? await removedArticles(gone) : [])
          titled.set(article.id, article)
        return {
          fileName: `${name}.md`,
          mimeType: 'text/markdown',
          content: exportMarkdown(chosen, titled, new Set(gone))
        }
      }
      return {
        fileName: `${name}.jsonld`,
        mimeType: 'application/ld+json',
        content: exportWebAnnotation(chosen, now(), articleId ?? null)
      }
    },

    'notes:import': async ({ content }) => {
      let annotations: Annotation[]
      try {
        annotations = parseWebAnnotation(content, await foreignImportFrom(content, ask, now()))
      } catch (error) {
        if (error instanceof ImportError) throw new RequestError('invalid-request', error.message)
        throw error
      }
      return saved(notes.importAll(annotations))
    },

    'notes:status': () => notes.status()
  }
}

/** Tags once each, in the order given (the schema has trimmed them). */
function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)]
}

/**
 * Waits for a write, turning a storage failure into a message for the user: the editor keeps
 * the note, so the message says what went wrong, not that anything is lost.
 */
async function saved<T>(write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof RequestError) throw error
    throw new RequestError(
      'internal',
      `Your notes could not be saved: ${describeWriteError(error)}`
    )
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full.'
  if (code === 'EROFS') return 'the disk is read-only.'
  if (code === 'EACCES' || code === 'EPERM')
    return 'Dossier is not allowed to write to its data folder.'
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the data folder is missing.'
  return error instanceof Error ? error.message : String(error)
}
