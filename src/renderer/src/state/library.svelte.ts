/** The articles the library holds, as the sidebar lists them. */
import type { ArticleSummary, SkippedFile } from '@shared/model/article'
import { call } from '../lib/api'
import { notices } from './notices.svelte'

class LibraryState {
  articles = $state.raw<ArticleSummary[]>([])
  skipped = $state.raw<SkippedFile[]>([])
  loaded = $state(false)

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
}

export const library = new LibraryState()
