/**
 * The app shell's moves between its regions: opening an article from the library or the
 * results, stepping through them with j and k, the find bar, view switches and the note editor,
 * each with where focus goes next. App hands over its regions as getters, so this module knows
 * what each part can do, not which component draws it.
 */
import { tick, untrack } from 'svelte'
import { focusAfterOpen } from '../lib/focus-after-open'
import { find } from './find.svelte'
import { notes } from './notes.svelte'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'
import { search } from './search.svelte'
import { settings } from './settings.svelte'
import { view, type View } from './view.svelte'

/** The id of the search results list, which the search box points at as its popup. */
export const RESULTS_ID = 'search-results'

/** A selection longer than this is a passage, not something to find. */
const MAX_FIND_PREFILL = 80

/** The parts of the page the shell moves focus between; each is missing until it is drawn. */
export interface ShellParts {
  sidebar(): HTMLElement | undefined
  readerPane(): HTMLElement | undefined
  searchBox(): { focus(): void; showHelp(): void } | undefined
  findBar(): { focus(): void } | undefined
  highlightLayer(): { highlightSelection(withNote?: boolean): boolean } | undefined
  palette(): { open(): void } | undefined
  sheet(): { open(): void } | undefined
}

export class Shell {
  readonly parts: ShellParts
  /** Whether the next view switch came from the person, so focus goes to the view's heading. */
  #headingWanted = false
  /** What opened the note editor, given focus back when it closes. */
  #noteOpener: HTMLElement | null = null

  /** Made while App is set up: the focus effects live as long as App does. */
  constructor(parts: ShellParts) {
    this.parts = parts
    this.#followViewSwitches()
    this.#followNoteEditor()
  }

  get searching(): boolean {
    return search.query.trim() !== ''
  }

  get hitsShown(): boolean {
    return reader.hits.length > 0
  }

  // A view switch moves focus to the new view's heading; a jump from the Voices or the Notebook
  // into an article moves it to the article, where the passage is.
  #followViewSwitches(): void {
    let shownView: View = view.current
    $effect(() => {
      const current = view.current
      untrack(() => {
        if (current === shownView) return
        shownView = current
        const toHeading = this.#headingWanted || current !== 'reader'
        this.#headingWanted = false
        void tick().then(() =>
          toHeading
            ? document.querySelector<HTMLElement>(`[data-view-heading="${current}"]`)?.focus()
            : this.focusReader()
        )
      })
    })
  }

  // Closing the note editor gives focus back to what opened it, if focus went nowhere.
  #followNoteEditor(): void {
    $effect(() => {
      if (notes.draft !== null || !this.#noteOpener) return
      const opener = this.#noteOpener
      this.#noteOpener = null
      if (document.activeElement === document.body && opener.isConnected) opener.focus()
    })
  }

  showView(next: View): void {
    this.#headingWanted = true
    view.show(next)
  }

  /** The article's scrolling column: where reading keys (Space, Page Down, arrows) go. */
  readerScroller(): HTMLElement | null {
    return this.parts.readerPane()?.querySelector<HTMLElement>('[data-testid="reader"]') ?? null
  }

  focusReader(): void {
    this.readerScroller()?.focus({ preventScroll: true })
  }

  // Focus goes where the next keys belong: reading, and Enter stepping through the matches.
  openThenRead(open: () => Promise<boolean | void>): Promise<void> {
    return focusAfterOpen(open, tick, () => this.focusReader())
  }

  openResult(index: number): Promise<void> {
    if (view.current !== 'reader') view.show('reader')
    return this.openThenRead(() => search.open(index))
  }

  openFromLibrary(id: string): Promise<void> {
    return this.openThenRead(() => reader.open(id))
  }

  /** j and k: the next or previous result when searching, else the next or previous article. */
  stepArticle(step: 1 | -1): void {
    if (this.searching && search.results.length > 0) {
      search.move(step)
      document.getElementById(RESULTS_ID)?.focus()
      return
    }
    const items = [
      ...(this.parts.sidebar()?.querySelectorAll<HTMLElement>('[data-testid="library-item"]') ?? [])
    ]
    const focused = items.indexOf(document.activeElement as HTMLElement)
    const from =
      focused >= 0
        ? focused
        : items.findIndex((item) => item.getAttribute('aria-current') === 'true')
    const next = Math.min(Math.max(from + step, 0), items.length - 1)
    items[next]?.focus()
  }

  /** o: opens the result or library article chosen with j and k. */
  openChosen(): void {
    const focused = document.activeElement
    const id = focused instanceof HTMLElement ? focused.dataset.articleId : undefined
    if (this.searching && search.results.length > 0) void this.openResult(search.activeIndex)
    else if (id && focused?.closest('[data-testid="library-item"]')) void this.openFromLibrary(id)
    else this.focusReader()
  }

  /** Text selected in the article, when short enough to be what the person wants to find. */
  #selectedWords(): string | undefined {
    const selection = window.getSelection()
    const text = selection?.toString().trim() ?? ''
    const inReader = this.parts.readerPane()?.contains(selection?.anchorNode ?? null) ?? false
    if (!inReader || text === '' || text.length > MAX_FIND_PREFILL || /\n/.test(text)) return
    return text
  }

  openFind(): void {
    if (!reader.article) return
    find.show(this.#selectedWords())
    this.parts.findBar()?.focus()
  }

  closeFind(): void {
    find.close()
    this.focusReader()
  }

  /** Whether `target` is in the sidebar, where Esc still clears the search rather than find. */
  isInSidebar(target: EventTarget | null): boolean {
    return target instanceof Node && (this.parts.sidebar()?.contains(target) ?? false)
  }

  /** Opens a note for writing in the Notes tab (a highlight was clicked, or just made). */
  openNote(id: string): void {
    this.#noteOpener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    view.openPanel('notes')
    void notes.edit(id)
  }

  async highlightAndNote(start: number, end: number): Promise<void> {
    const article = reader.article
    const created = article ? await notes.highlight(article.id, start, end) : null
    if (created) this.openNote(created.id)
  }

  setSingleKeys(on: boolean): void {
    settings.update({ singleKeyShortcuts: on })
    notices.push(on ? 'Single-key shortcuts are on' : 'Single-key shortcuts are off')
  }
}
