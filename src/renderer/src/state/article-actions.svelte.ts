/**
 * What can be done to an imported article beyond reading it: correct its details, remove it
 * (undoably: its notes stay in the Notebook) and, when extraction kept little of the page,
 * read the whole page's text instead.
 */
import type { ArticleDetails } from '@shared/ipc/contract'
import type { ArticleSummary } from '@shared/model/article'
import type { PageBlock } from '@shared/model/page-text'
import { call } from '../lib/api'
import { formatCount } from '../lib/format'
import { library } from './library.svelte'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'

/** A removed article stays undoable from its notice this long, as a deleted note does. */
const UNDO_NOTICE_MS = 10_000

class ArticleActions {
  /** The whole page's text, for the article it was asked for. */
  pageText = $state.raw<{ id: string; blocks: PageBlock[] } | null>(null)
  loadingPageText = $state(false)
  /** The article whose details are being edited, while the form is open. */
  editing = $state.raw<ArticleSummary | null>(null)
  saving = $state(false)
  /** Main's refusal of the last edit, shown in the form. */
  editError = $state<string | null>(null)

  openEditor(article: ArticleSummary): void {
    this.editError = null
    this.editing = article
  }

  closeEditor(): void {
    this.editing = null
  }

  /** Saves corrected details; answers whether main took them. */
  async edit(id: string, details: ArticleDetails): Promise<boolean> {
    if (Object.keys(details).length === 0) return true
    this.saving = true
    this.editError = null
    const result = await call('library:edit', { id, details })
    this.saving = false
    if (!result.ok) {
      this.editError = result.error.message
      return false
    }
    library.place(result.value)
    // The title is part of the article's text, so the reader shows the article afresh.
    if (reader.article?.id === id) await reader.open(id)
    return true
  }

  async showPageText(id: string): Promise<void> {
    this.loadingPageText = true
    const result = await call('library:page-text', { id })
    this.loadingPageText = false
    if (!result.ok) {
      notices.fromError('Could not read the whole page', result.error)
      return
    }
    this.pageText = { id, blocks: result.value.blocks }
  }

  hidePageText(): void {
    this.pageText = null
  }

  /** Removes an imported article and offers to undo it; the reader moves to its neighbour. */
  async remove(article: ArticleSummary): Promise<void> {
    const next = library.neighbour(article.id)
    const removed = await library.remove(article.id)
    if (!removed) return
    if (reader.article?.id === article.id) {
      if (next) await reader.open(next.id)
      else reader.close()
    }
    notices.push(
      `Removed “${removed.removed.title}” (${formatCount(removed.notes, 'note')} kept)`,
      { action: { label: 'Undo', run: () => void this.undoRemove(article.id) }, ms: UNDO_NOTICE_MS }
    )
  }

  get canUndo(): boolean {
    return library.canRestore
  }

  /** Puts back the latest removed article (or `id`) and opens it. */
  async undoRemove(id?: string): Promise<void> {
    const restored = await library.restore(id)
    if (restored) await reader.open(restored.id)
  }
}

export const articleActions = new ArticleActions()
