/**
 * The search box and its results. A query goes out on every keystroke, with no pause: at the
 * library sizes Dossier is built for main answers well within a frame, so waiting would only
 * add delay. Answers carry a sequence number so a slow answer to an old query never replaces
 * a newer one. The caret position goes along, so the word being typed is read as a prefix.
 * A pasted page is welcome in the box, but only its beginning is searched (query-limits.ts):
 * main refuses longer requests, so what goes out is cut here and the box says so.
 */
import type { SearchResult } from '@shared/model/search'
import { describeLimit, limitQuery, type LimitedQuery } from '@shared/search/query-limits'
import { call } from '../lib/api'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'
import { searchStatus } from './search-status.svelte'

class SearchState {
  query = $state('')
  results = $state.raw<SearchResult[]>([])
  /** The query `results` answer; differs from `query` while an answer is on its way. */
  answered = $state('')
  /** The results are close spellings: nothing matched exactly. */
  fuzzy = $state(false)
  activeIndex = $state(0)

  /** What is searched of `query`: all of it, or its beginning when it is too long. */
  readonly limited: LimitedQuery = $derived(limitQuery(this.query))
  /** The quiet hint that only the beginning is searched; null when all of it is. */
  readonly limitNote: string | null = $derived(describeLimit(this.limited))

  #seq = 0
  /** Caret position sent with the latest query, if known. */
  #cursor: number | undefined
  #inflight: Promise<void> = Promise.resolve()

  get active(): SearchResult | undefined {
    return this.results[this.activeIndex]
  }

  /** True once the current query has been answered with nothing (and the index is ready). */
  get nothingFound(): boolean {
    return (
      !searchStatus.loading &&
      this.query.trim() !== '' &&
      this.answered === this.query &&
      this.results.length === 0
    )
  }

  /** Searches for `query` at once; `cursor` is the caret position in it, if known. */
  setQuery(query: string, cursor?: number): void {
    this.query = query
    this.#cursor = cursor
    if (this.query.trim() === '') {
      this.#forget()
      return
    }
    this.#inflight = this.#search(query, cursor)
  }

  /**
   * The caret moved without typing (arrow keys, a click): the word under it, read as a
   * prefix, may have changed, so the same text is asked again with the new position.
   */
  moveCursor(cursor: number): void {
    if (this.query.trim() === '' || cursor === this.#cursor) return
    this.setQuery(this.query, cursor)
  }

  /** Asks the current query again, e.g. once the index has finished loading. */
  refresh(): void {
    if (this.query.trim() !== '') this.setQuery(this.query, this.#cursor)
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
    // A quotation or a note opens at its passage; the query's matches are drawn there too.
    await reader.open(result.articleId, {
      query: limitQuery(this.answered).text,
      ...(result.passage ? { passage: result.passage } : {})
    })
  }

  /**
   * Enter in the search box: opens the active result unless it is already open with this
   * query's matches, in which case it steps through them (backwards with Shift). Answers
   * whether it opened a result.
   */
  async enter(backwards: boolean): Promise<boolean> {
    // Enter straight after typing means the newest query, not the answer to an older one.
    if (this.query.trim() !== '' && this.answered !== this.query) await this.#inflight
    const active = this.active
    const shown = active && reader.showsHitsFor(active.articleId, limitQuery(this.answered).text)
    if (active && !shown && !backwards) {
      await this.open(this.activeIndex)
      return true
    }
    reader.stepHit(backwards ? -1 : 1)
    return false
  }

  /** Empties the box, the results and the highlights in the reader. */
  clear(): void {
    this.query = ''
    this.#forget()
    reader.clearHits()
  }

  #forget(): void {
    this.#seq++
    this.#cursor = undefined
    this.results = []
    this.answered = ''
    this.fuzzy = false
    this.activeIndex = 0
  }

  async #search(query: string, cursor: number | undefined): Promise<void> {
    const seq = ++this.#seq
    const { text, cut } = limitQuery(query)
    // A caret past what is searched is on none of its words: the cut's closing space already
    // says the last word is finished.
    const caret =
      cursor === undefined || (cut !== null && cursor >= text.length - 1)
        ? undefined
        : clampCursor(cursor, text)
    const result = await call(
      'search:query',
      caret === undefined ? { query: text } : { query: text, cursor: caret }
    )
    if (seq !== this.#seq) return
    if (!result.ok) {
      // While the index loads a refusal is expected: the box already says it is indexing.
      if (!searchStatus.loading) notices.fromError('Search failed', result.error)
      this.results = []
      this.answered = query
      this.fuzzy = false
      return
    }
    this.results = result.value.results
    this.answered = query
    this.fuzzy = result.value.fuzzy && result.value.results.length > 0
    this.activeIndex = 0
  }
}

export const search = new SearchState()

function clampCursor(cursor: number, query: string): number {
  return Math.min(Math.max(Math.trunc(cursor), 0), query.length)
}
