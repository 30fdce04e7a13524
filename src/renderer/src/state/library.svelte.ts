/**
 * The articles the library holds, as the sidebar lists them: loaded once, then kept in order
 * as articles are imported, edited, removed and put back, without asking for the whole list.
 */
import type { ArticleSummary, SkippedFile } from '@shared/model/article'
import { call } from '../lib/api'
import { placeArticle } from '../lib/library-order'
import { notices } from './notices.svelte'

export type LibraryFilter = 'all' | 'imported'

class LibraryState {
  articles = $state.raw<ArticleSummary[]>([])
  skipped = $state.raw<SkippedFile[]>([])
  loaded = $state(false)
  filter = $state<LibraryFilter>('all')
  /** Articles removed in this session, most recent last, still offered for undo. */
  removed = $state.raw<ArticleSummary[]>([])
  /** Articles removed before this session, read from main's trash for the notes left on them. */
  trashed = $state.raw<ReadonlyMap<string, ArticleSummary>>(new Map())
  /** Ids already asked about: an article not in the trash either is not asked for again. */
  #askedRemoved = new Set<string>()

  hasImported = $derived(this.articles.some((article) => article.imported))
  /** What the sidebar lists: everything, or only imported articles while there are some. */
  shown = $derived(
    this.filter === 'imported' && this.hasImported
      ? this.articles.filter((article) => article.imported)
      : this.articles
  )

  async load(): Promise<void> {
    const result = await call('library:list')
    if (result.ok) {
      this.articles = result.value.articles
      this.skipped = result.value.skipped
    } else {
      notices.fromError('Could not load the library', result.error)
    }
    this.loaded = true
  }

  has(id: string | null): id is string {
    return id !== null && this.articles.some((article) => article.id === id)
  }

  get(id: string | null): ArticleSummary | undefined {
    return this.articles.find((article) => article.id === id)
  }

  /** An article new or changed in main, put in its place in the list. */
  place(article: ArticleSummary): void {
    this.articles = placeArticle(this.articles, article)
  }

  /** The title of a removed article (in this session or before), for notes that point at it. */
  removedTitle(id: string): string | null {
    return (
      this.removed.find((article) => article.id === id)?.title ??
      this.trashed.get(id)?.title ??
      null
    )
  }

  /** Asks main which of `ids` (articles notes point at, not in the library) it holds removed. */
  async loadRemoved(ids: readonly string[]): Promise<void> {
    const unknown = ids.filter((id) => !this.has(id) && !this.#askedRemoved.has(id))
    if (unknown.length === 0) return
    for (const id of unknown) this.#askedRemoved.add(id)
    const result = await call('library:removed', { ids: unknown })
    if (!result.ok) return
    this.trashed = new Map([
      ...this.trashed,
      ...result.value.articles.map((article) => [article.id, article] as const)
    ])
  }

  /** The article after (or else before) `id` in the list, to show once `id` is gone. */
  neighbour(id: string): ArticleSummary | undefined {
    const list = this.shown
    const at = list.findIndex((article) => article.id === id)
    return list[at + 1] ?? list[at - 1]
  }

  /** Removes an imported article; answers what main removed, or null when it refused. */
  async remove(id: string): Promise<{ removed: ArticleSummary; notes: number } | null> {
    const result = await call('library:remove', { id })
    if (!result.ok) {
      notices.fromError('Could not remove the article', result.error)
      return null
    }
    this.articles = this.articles.filter((article) => article.id !== id)
    this.removed = [...this.removed.filter((article) => article.id !== id), result.value.removed]
    return result.value
  }

  get canRestore(): boolean {
    return this.removed.length > 0
  }

  /** Puts back the latest removed article (or `id`); answers it, or null. */
  async restore(id?: string): Promise<ArticleSummary | null> {
    const target = id ?? this.removed.at(-1)?.id
    if (target === undefined) return null
    const result = await call('library:restore', { id: target })
    if (!result.ok) {
      notices.fromError('Could not undo the remove', result.error)
      return null
    }
    this.removed = this.removed.filter((article) => article.id !== target)
    if (this.trashed.has(target))
      this.trashed = new Map([...this.trashed].filter(([id]) => id !== target))
    this.place(result.value)
    return result.value
  }
}

export const library = new LibraryState()
