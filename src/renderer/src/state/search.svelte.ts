/**
 * The search box and its results. Queries go out as the person types (after a short pause);
 * answers carry a sequence number so a slow answer to an old query never replaces a newer one.
 */
import type { SearchResult } from '@shared/model/search'
import { call } from '../lib/api'
import { debounce } from '../lib/timing'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'

/** Short enough to feel instant, long enough to skip the keystrokes of a fast typist. */
const TYPING_PAUSE_MS = 60

class SearchState {
  query = $state('')
  results = $state.raw<SearchResult[]>([])
  /** The query `results` answer; differs from `query` while an answer is on its way. */
  answered = $state('')
  activeIndex = $state(0)

  #seq = 0
  #inflight: Promise<void> = Promise.resolve()
  #run = debounce((query: string) => {
    this.#inflight = this.#search(query)
  }, TYPING_PAUSE_MS)

  get active(): SearchResult | undefined {
    return this.results[this.activeIndex]
  }

  /** True once the current query has been answered with nothing. */
  get nothingFound(): boolean {
    return this.query.trim() !== '' && this.answered === this.query && this.results.length === 0
  }

  setQuery(query: string): void {
    this.query = query
    if (this.query.trim() === '') {
      this.#forget()
      return
    }
    this.#run(this.query)
  }

  /** Moves the active result down (1) or up (-1), wrapping around. */
  move(step: 1 | -1): void {
    const count = this.results.length
    if (count === 0) return
    this.activeIndex = (this.activeIndex + step + count) % count
  }

  /** Opens a result with every match of the query highlighted. */
  async open(index: number): Promise<void> {
    const result = this.results[index]
    if (!result) return
    this.activeIndex = index
    await reader.open(result.articleId, { query: this.answered })
  }

  /**
   * Enter in the search box: opens the active result unless it is already open with this
   * query's matches, in which case it steps through them (backwards with Shift).
   */
  async enter(backwards: boolean): Promise<void> {
    // Enter straight after typing means the newest query, not the answer to an older one.
    if (this.query.trim() !== '' && this.answered !== this.query) {
      this.#run.flush()
      await this.#inflight
    }
    const active = this.active
    if (active && !reader.showsHitsFor(active.articleId, this.answered) && !backwards) {
      await this.open(this.activeIndex)
    } else {
      reader.stepHit(backwards ? -1 : 1)
    }
  }

  /** Empties the box, the results and the highlights in the reader. */
  clear(): void {
    this.query = ''
    this.#forget()
    reader.clearHits()
  }

  #forget(): void {
    this.#seq++
    this.#run.cancel()
    this.results = []
    this.answered = ''
    this.activeIndex = 0
  }

  async #search(query: string): Promise<void> {
    const seq = ++this.#seq
    const result = await call('search:query', { query })
    if (seq !== this.#seq) return
    if (!result.ok) {
      notices.fromError('Search failed', result.error)
      return
    }
    this.results = result.value.results
    this.answered = query
    this.activeIndex = 0
  }
}

export const search = new SearchState()
