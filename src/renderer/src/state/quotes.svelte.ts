/**
 * The open article's quotations: the range layer the reader draws (with its one Tab stop, the
 * quotation being pointed at and the one flashing after a jump), the quotes panel's groups,
 * jumping to a quotation and copying one with its attribution.
 */
import type { Quote } from '@shared/model/quote'
import type { TextRange } from '@shared/model/range'
import { attribution, type CitedArticle } from '@shared/voices/attribution'
import { groupBySpeaker } from '@shared/voices/group-by-speaker'
import { quoteLayer, tabStop } from '@shared/voices/quote-layer'
import { copyToClipboard } from '../lib/clipboard'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'

/** Long enough to find the quotation on the page, short enough not to linger over the text. */
export const FLASH_MS = 1600
/** How long a copy button says it has copied. */
export const COPIED_MS = 1500

/** Copy a quotation cited (`“…” — Speaker, in *Headline*…`) or just its words as printed. */
export type CopyForm = 'attributed' | 'words'

/** Identifies a quotation across views: its article and where it starts. */
export const quoteKey = (articleId: string, quote: TextRange): string =>
  `${articleId}:${quote.start}`

interface Flash {
  articleId: string
  range: TextRange
  pulse: 'a' | 'b'
}

class QuotesState {
  /** The quotation pointed at or focused in the text (an index into the article's quotes). */
  active = $state<number | null>(null)
  /** The quotation just copied (`quoteKey`), so the button that did it can say so. */
  copied = $state<string | null>(null)

  #stop = $state<{ articleId: string; index: number } | null>(null)
  #flash = $state.raw<Flash | null>(null)
  #flashTimer: ReturnType<typeof setTimeout> | undefined
  #copiedTimer: ReturnType<typeof setTimeout> | undefined

  readonly quotes: readonly Quote[] = $derived(reader.article?.quotes ?? [])
  readonly groups = $derived(groupBySpeaker(this.quotes))
  /** The direct quotation that is the Tab stop: the last one focused, else the first. */
  readonly stop = $derived(
    tabStop(
      this.quotes,
      this.#stop && this.#stop.articleId === reader.article?.id ? this.#stop.index : undefined
    )
  )
  /** The `quote` range layer, outermost of the reader's layers. */
  readonly ranges = $derived(
    quoteLayer(this.quotes, {
      stop: this.stop,
      active: this.active,
      flash: this.#flash && this.#flash.articleId === reader.article?.id ? this.#flash : null
    })
  )

  /** A quotation in the text got focus: it becomes the Tab stop. */
  focused(index: number): void {
    const article = reader.article
    if (article) this.#stop = { articleId: article.id, index }
  }

  /** Scrolls the open article to one of its quotations and draws attention to it. */
  async show(index: number): Promise<void> {
    const article = reader.article
    const quote = article?.quotes[index]
    if (!article || !quote) return
    await this.showIn(article.id, quote)
  }

  /** Opens an article (if need be) at a quotation and draws attention to it. */
  async showIn(articleId: string, range: TextRange): Promise<void> {
    await reader.showPassage(articleId, range.start, range.end)
    if (reader.article?.id !== articleId) return
    clearTimeout(this.#flashTimer)
    // Alternating pulses restart the animation when the same quotation is asked for again.
    const pulse = this.#flash?.pulse === 'a' ? 'b' : 'a'
    const flash: Flash = { articleId, range: { start: range.start, end: range.end }, pulse }
    this.#flash = flash
    this.#flashTimer = setTimeout(() => {
      if (this.#flash === flash) this.#flash = null
    }, FLASH_MS)
  }

  /** Copies one of the open article's quotations. */
  async copy(index: number, form: CopyForm = 'attributed'): Promise<boolean> {
    const article = reader.article
    const quote = article?.quotes[index]
    if (!article || !quote) return false
    const printed = article.text.slice(quote.start, quote.end)
    return this.copyQuote(article.id, quote, article, form, printed)
  }

  /**
   * Copies a quotation cited from `from`, or as printed (`printed`, or its words in quotation
   * marks); says so on the button for a moment, or in a notice when the clipboard refuses.
   */
  async copyQuote(
    articleId: string,
    quote: Quote,
    from: CitedArticle,
    form: CopyForm,
    printed = `\u201C${quote.text}\u201D`
  ): Promise<boolean> {
    const content = form === 'attributed' ? attribution(quote, from) : { text: printed }
    const done = await copyToClipboard(content)
    if (!done) {
      this.copied = null
      notices.push('Could not copy the quotation: the clipboard is not available.')
      return false
    }
    clearTimeout(this.#copiedTimer)
    const key = quoteKey(articleId, quote)
    this.copied = key
    this.#copiedTimer = setTimeout(() => {
      if (this.copied === key) this.copied = null
    }, COPIED_MS)
    return true
  }
}

export const quotes = new QuotesState()
