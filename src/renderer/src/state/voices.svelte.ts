/**
 * The Voices view: every speaker in the library (asked of main once), the filter over them,
 * the speaker picked and all their quotations, and jumping from one into the reader.
 */
import type { VoiceQuote, VoiceSummary } from '@shared/model/quote'
import { filterVoices } from '@shared/voices/voices'
import { call } from '../lib/api'
import { notices } from './notices.svelte'
import { quotes } from './quotes.svelte'
import { view } from './view.svelte'

class VoicesState {
  voices = $state.raw<VoiceSummary[]>([])
  loaded = $state(false)
  filter = $state('')
  /** The speaker whose quotations are shown. */
  selected = $state<string | null>(null)
  /** The selected speaker's quotations, once they have come. */
  quotes = $state.raw<VoiceQuote[]>([])
  loadingQuotes = $state(false)

  readonly visible = $derived(filterVoices(this.voices, this.filter))

  #loading: Promise<void> | null = null
  #selectSeq = 0

  /** Asks main for the library's voices the first time; later calls do nothing. */
  load(): Promise<void> {
    this.#loading ??= this.#load()
    return this.#loading
  }

  setFilter(text: string): void {
    this.filter = text
  }

  /** Shows one speaker's quotations; only the latest of several quick picks lands. */
  async select(speaker: string): Promise<void> {
    const seq = ++this.#selectSeq
    // The list never shows one voice's quotations under another's name, where a click meant for
    // the new voice would land on the old one's.
    if (speaker !== this.selected) this.quotes = []
    this.selected = speaker
    this.loadingQuotes = true
    const result = await call('quotes:by-speaker', { speaker })
    if (seq !== this.#selectSeq) return
    this.loadingQuotes = false
    if (!result.ok) {
      notices.fromError(`Could not show the quotations of ${speaker}`, result.error)
      this.quotes = []
      return
    }
    this.quotes = result.value.quotes
  }

  /** Picks the next (1) or previous (-1) visible speaker, wrapping round. */
  move(step: 1 | -1): void {
    const list = this.visible
    if (list.length === 0) return
    const at = list.findIndex((voice) => voice.speaker === this.selected)
    const next =
      at < 0 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length
    void this.select(list[next]!.speaker)
  }

  /** Opens the article a quotation came from, in the reader, at the quotation. */
  async jump(quote: VoiceQuote): Promise<void> {
    view.show('reader')
    await quotes.showIn(quote.articleId, quote.quote)
  }

  async #load(): Promise<void> {
    const result = await call('quotes:voices')
    if (!result.ok) {
      notices.fromError('Could not list the voices', result.error)
      this.#loading = null
      return
    }
    this.voices = result.value.voices
    this.loaded = true
    // Open on the most quoted voice rather than an empty page.
    const first = this.voices[0]
    if (first && this.selected === null) await this.select(first.speaker)
  }
}

export const voices = new VoicesState()
