/**
 * Whether main's search index is ready. A large library's index loads in the background while
 * the library and reader already work; until it is ready the search field shows how far along
 * it is, and a query typed meanwhile says so instead of claiming that nothing matched.
 */
import type { SearchStatus } from '@shared/model/search'
import { call } from '../lib/api'

/**
 * Often enough for a progress bar to move smoothly to the eye at the pace an index loads
 * (seconds), rarely enough that the polling itself costs main nothing noticeable.
 */
export const STATUS_POLL_MS = 200

class SearchStatusState {
  /** The latest status main reported; null until it has answered once (or if it cannot). */
  value = $state.raw<SearchStatus | null>(null)

  get loading(): boolean {
    return this.value?.state === 'loading'
  }

  get failed(): boolean {
    return this.value?.state === 'failed'
  }

  /**
   * Asks main for the status until the index is ready or has failed, then resolves with
   * whether search is ready. If the status itself cannot be had, search is assumed ready:
   * queries report their own failures, and a progress bar that never ends helps nobody.
   */
  async watch(): Promise<boolean> {
    for (;;) {
      const result = await call('search:status')
      if (!result.ok) {
        this.value = null
        return true
      }
      this.value = result.value
      if (result.value.state !== 'loading') return result.value.state === 'ready'
      await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS))
    }
  }
}

export const searchStatus = new SearchStatusState()
