/**
 * The open article, the search matches drawn over it, and where the reader should scroll once
 * the article is on screen. Reading positions are reported here by the reader view and saved
 * to main at a gentle rate.
 */
import type { ArticleView } from '@shared/model/article'
import { toSearchHits } from '@shared/ranges/search-hits'
import type { LayeredRange } from '@shared/ranges/segment-block'
import { call } from '../lib/api'
import { throttle } from '../lib/timing'
import { notices } from './notices.svelte'
import { settings } from './settings.svelte'

/** What the reader view should do with its scroll position once `articleId` has rendered. */
export type ScrollRequest =
  | { kind: 'position'; articleId: string; position: number }
  | { kind: 'hit'; articleId: string; index: number; smooth: boolean }
  /** Bring a passage (a quotation, a highlight) into view: offsets of the canonical text. */
  | { kind: 'passage'; articleId: string; start: number; end: number }

/** Often enough that a crash loses little, rarely enough to cost nothing while scrolling. */
const SAVE_POSITION_MS = 300

export interface OpenOptions {
  /** Highlight this query's matches and scroll to the first instead of the saved position. */
  query?: string
  /** Scroll to this passage instead of the saved position (or the first match). */
  passage?: { start: number; end: number }
}

class ReaderState {
  article = $state.raw<ArticleView | null>(null)
  /** The article being opened (or open): the library marks it as selected straight away. */
  selectedId = $state<string | null>(null)
  loading = $state(false)
  hits = $state.raw<LayeredRange[]>([])
  /** The query the hits belong to; empty when no hits are shown. */
  hitQuery = $state('')
  currentHit = $state(-1)
  scrollRequest = $state.raw<ScrollRequest | null>(null)

  #openSeq = 0
  #savePosition = throttle((articleId: string, position: number) => {
    void this.#persistPosition(articleId, position)
  }, SAVE_POSITION_MS)

  /** Whether the hits on screen are `query`'s matches in `articleId`. */
  showsHitsFor(articleId: string, query: string): boolean {
    return this.article?.id === articleId && this.hitQuery === query && this.hits.length > 0
  }

  /**
   * Opens an article. Only the latest of several quick opens lands; the previous article's
   * reading position is saved first, since its scroll container is about to be reused.
   */
  async open(id: string, options: OpenOptions = {}): Promise<void> {
    const seq = ++this.#openSeq
    this.#savePosition.flush()
    this.selectedId = id
    this.loading = true
    const query = options.query?.trim() ? options.query : undefined
    const [article, matches] = await Promise.all([
      call('library:get', { id }),
      query === undefined ? null : call('search:matches', { articleId: id, query })
    ])
    if (seq !== this.#openSeq) return
    this.loading = false
    if (!article.ok) {
      notices.fromError('Could not open the article', article.error)
      this.selectedId = this.article?.id ?? null
      return
    }
    if (matches && !matches.ok) notices.fromError('Could not find the matches', matches.error)
    const hits = matches?.ok ? toSearchHits(matches.value.ranges) : []

    this.article = article.value
    this.hits = hits
    this.hitQuery = hits.length > 0 && query !== undefined ? query : ''
    this.currentHit = hits.length > 0 ? 0 : -1
    this.scrollRequest = options.passage
      ? { kind: 'passage', articleId: id, ...options.passage }
      : hits.length > 0
        ? { kind: 'hit', articleId: id, index: 0, smooth: false }
        : { kind: 'position', articleId: id, position: settings.value.positions[id] ?? 0 }
    if (settings.value.lastArticleId !== id) settings.update({ lastArticleId: id })
  }

  /** Opens `articleId` (if it is not open already) scrolled to the passage [start, end). */
  async showPassage(articleId: string, start: number, end: number): Promise<void> {
    if (this.article?.id === articleId && !this.loading) {
      this.scrollRequest = { kind: 'passage', articleId, start, end }
      return
    }
    await this.open(articleId, { passage: { start, end } })
  }

  /** Moves to the next match (or the previous, with `step` -1), wrapping at either end. */
  stepHit(step: 1 | -1): void {
    const count = this.hits.length
    if (count === 0 || !this.article) return
    this.currentHit = (this.currentHit + step + count) % count
    this.scrollRequest = {
      kind: 'hit',
      articleId: this.article.id,
      index: this.currentHit,
      smooth: true
    }
  }

  /** Shows no article (the open one was removed and nothing is left to show). */
  close(): void {
    this.#openSeq++
    this.#savePosition.flush()
    this.article = null
    this.selectedId = null
    this.loading = false
    this.clearHits()
    this.scrollRequest = null
  }

  clearHits(): void {
    this.hits = []
    this.hitQuery = ''
    this.currentHit = -1
  }

  /** The reader view has carried out `request`. */
  scrolled(request: ScrollRequest): void {
    if (this.scrollRequest === request) this.scrollRequest = null
  }

  /** The reader view's scroll position, as a fraction 0–1 of its scrollable height. */
  reportPosition(position: number): void {
    const article = this.article
    // Until a requested restore has happened, the scroll position belongs to the old layout.
    if (!article || this.scrollRequest?.kind === 'position') return
    const clamped = Math.round(Math.min(Math.max(position, 0), 1) * 10000) / 10000
    if (!Number.isFinite(clamped)) return
    settings.rememberPosition(article.id, clamped)
    this.#savePosition(article.id, clamped)
  }

  /** Saves a position still waiting to be saved. */
  flush(): void {
    this.#savePosition.flush()
  }

  async #persistPosition(articleId: string, position: number): Promise<void> {
    const result = await call('reading:save-position', { articleId, position })
    if (!result.ok) notices.fromError('Could not save your reading position', result.error)
  }
}

export const reader = new ReaderState()
