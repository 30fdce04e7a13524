/**
 * In-article find (Ctrl/Cmd+F): the needle, its matches in the open article and which one is
 * current. Matching happens here in the renderer, on the text it already holds, with the same
 * folding as search; nothing goes to main. The current match is remembered by where it starts,
 * so refining the needle or reopening the bar keeps the reader's place instead of jumping back
 * to the top.
 */
import { findInFolded, foldForFind, type FoldedText } from '@shared/search/find-in-text'
import type { LayeredRange } from '@shared/ranges/segment-block'
import { toFindHits } from '../lib/find-hits'
import { reader } from './reader.svelte'

class FindState {
  open = $state(false)
  needle = $state('')
  /** Grows each time the current match should be brought into view. */
  scrollRequest = $state(0)

  #anchor = $state({ articleId: '', offset: 0 })

  /** The open article's text folded once, not once per keystroke. */
  #folded: FoldedText | null = $derived(reader.article ? foldForFind(reader.article.text) : null)

  /** Every match of the needle in the open article, in reading order. */
  readonly hits: LayeredRange[] = $derived(
    this.open && this.#folded ? toFindHits(findInFolded(this.#folded, this.needle)) : []
  )

  /** Index of the current match in `hits`, or -1 when there is none. */
  readonly current: number = $derived.by(() => {
    if (this.hits.length === 0) return -1
    const anchor = this.#anchor.articleId === reader.article?.id ? this.#anchor.offset : 0
    const index = this.hits.findIndex((hit) => hit.start >= anchor)
    return index === -1 ? 0 : index
  })

  /** Opens the bar (or, when it is open, just asks for the current match to be shown). */
  show(needle?: string): void {
    this.open = true
    if (needle !== undefined && needle.trim() !== '') this.setNeedle(needle)
    else this.scrollRequest++
  }

  /** Closes the bar and forgets the needle, so its marks leave the article. */
  close(): void {
    this.open = false
    this.needle = ''
    this.#anchor = { articleId: '', offset: 0 }
  }

  setNeedle(needle: string): void {
    // Keep looking from the current match: typing more letters narrows in place.
    const current = this.hits[this.current]
    this.#anchor = { articleId: reader.article?.id ?? '', offset: current?.start ?? 0 }
    this.needle = needle
    this.scrollRequest++
  }

  /** Moves to the next match (or the previous, with -1), wrapping round at either end. */
  step(step: 1 | -1): void {
    const count = this.hits.length
    if (count === 0) return
    const next = this.hits[(this.current + step + count) % count]
    if (!next) return
    this.#anchor = { articleId: reader.article?.id ?? '', offset: next.start }
    this.scrollRequest++
  }
}

export const find = new FindState()
