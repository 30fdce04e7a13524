/**
 * What a reader does and sees, in words specs can read like a story. Everything goes through the
 * stable test ids (and, for the no-results message, the words a person would read).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, test, type App, type AppOptions } from './fixtures'
import type { PageElement, PageGlobals } from './page-dom'

export const NDTV_TITLE = 'Not Interested In Talks "That Bring Nothing": North Korea Snubs Trump'
export const RUNNING_OUT_TITLE = 'Trump Is Running Out of Time on North Korea'

export const libraryItems = (app: App): Locator => app.page.getByTestId('library-item')
export const libraryItem = (app: App, title: string): Locator =>
  libraryItems(app).filter({ hasText: title })
export const articleTitle = (app: App): Locator => app.page.getByTestId('article-title')
export const articleBody = (app: App): Locator => app.page.getByTestId('article-body')
export const searchBox = (app: App): Locator => app.page.getByTestId('search-input')
export const searchResults = (app: App): Locator => app.page.getByTestId('search-result')
export const searchHits = (app: App): Locator => app.page.getByTestId('search-hit')
export const themeSelect = (app: App): Locator => app.page.getByTestId('theme-select')
export const fontSizeControl = (app: App): Locator => app.page.getByTestId('font-size')
export const noResultsMessage = (app: App): Locator =>
  app.page.getByText(/no (results|matches|articles match)|nothing (found|matches)/i)

/** Waits until the library has loaded, as a reader would before doing anything. */
export async function waitForLibrary(app: App): Promise<void> {
  await expect(libraryItems(app).first()).toBeVisible({ timeout: 10_000 })
}

/**
 * Waits until the reader shows the article Dossier opens with (the one last read, else the
 * first): it arrives a moment after the library, and keys meant for it do nothing before then.
 */
export async function waitForArticle(app: App): Promise<void> {
  await waitForLibrary(app)
  await expect(articleTitle(app)).toBeVisible()
}

/** Picks an article in the sidebar and waits for the reader to show it. */
export async function openArticle(app: App, title: string): Promise<void> {
  await waitForLibrary(app)
  await libraryItem(app, title).click()
  await expect(articleTitle(app)).toHaveText(title)
}

/** Replaces whatever is in the search box with `words`, all at once (like a paste). */
export async function searchFor(app: App, words: string): Promise<void> {
  await expect(searchBox(app)).toBeEditable()
  await searchBox(app).fill(words)
}

/** Types into the search box key by key, as a person does. */
export async function typeIntoSearch(app: App, text: string): Promise<void> {
  await searchBox(app).pressSequentially(text, { delay: 40 })
}

/**
 * Which highlighted match is the current one, or -1 if none. The reader marks it with
 * `aria-current` (for assistive technology), so that is what a test can rely on.
 */
export async function currentHitIndex(app: App): Promise<number> {
  return searchHits(app).evaluateAll((marks) =>
    marks.findIndex((mark: PageElement) => {
      const current = mark.getAttribute('aria-current')
      return current !== null && current !== 'false'
    })
  )
}

/**
 * Visible text on screen other than articles' own words (the open article and result
 * excerpts): where an error message would show, and article words would cause false alarms.
 */
export async function textOutsideArticles(app: App): Promise<string> {
  return app.page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals
    const content = '[data-testid="article-body"], [data-testid="search-result"]'
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */)
    const parts: string[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(content) || !parent.checkVisibility()) continue
      parts.push(node.textContent ?? '')
    }
    return parts.join(' ')
  })
}

/** Picks a theme from the theme menu. */
export async function chooseTheme(
  app: App,
  theme: 'system' | 'light' | 'dark' | 'sepia'
): Promise<void> {
  await themeSelect(app).selectOption(theme)
}

/**
 * Sets the text size control to `size`. A range input cannot be typed into, so the value is
 * set and announced with the same events a drag ends with.
 */
export async function setFontSize(app: App, size: number): Promise<void> {
  await fontSizeControl(app).evaluate((input: PageElement, value) => {
    input.value = String(value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }, size)
}

/** The article body's font size in CSS pixels, as the reader sees it. */
export async function bodyFontSize(app: App): Promise<number> {
  return articleBody(app).evaluate((element: PageElement) => {
    const { getComputedStyle } = globalThis as unknown as PageGlobals
    return parseFloat(getComputedStyle(element).fontSize)
  })
}

/**
 * Reads, and with `fraction` (0–1 of the way down) first sets, the scroll offset in pixels of the
 * reader's scrolling area: the nearest ancestor of the article that scrolls. One function, since
 * code passed to the page cannot share helpers (and the page's CSP forbids building them there).
 */
async function readerScroll(app: App, fraction?: number): Promise<number> {
  return articleBody(app).evaluate((element: PageElement, fraction) => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals
    let scroller: PageElement = document.scrollingElement ?? document.documentElement
    for (let node = element.parentElement; node; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowY
      if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) {
        scroller = node
        break
      }
    }
    if (fraction !== undefined) {
      // Setting the offset fires the same scroll event a wheel or scrollbar would.
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight)
    }
    return scroller.scrollTop
  }, fraction)
}

/** Scrolls the reader `fraction` (0–1) of the way down the article; returns the offset in pixels. */
export const scrollReaderTo = (app: App, fraction: number): Promise<number> =>
  readerScroll(app, fraction)

/** How far down the reader is scrolled, in pixels. */
export const readerScrollTop = (app: App): Promise<number> => readerScroll(app)

/**
 * The settings the app has written to its data folder, whatever the file is called: any JSON
 * file there holding reading `positions`. Empty until something has been saved.
 */
export function savedSettings(app: App): {
  positions?: Record<string, number>
  [key: string]: unknown
} {
  for (const name of readdirSync(app.dataDir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.json')) continue
    try {
      const data: unknown = JSON.parse(readFileSync(join(app.dataDir, name), 'utf8'))
      if (typeof data === 'object' && data !== null && 'positions' in data) {
        return data as { positions?: Record<string, number> }
      }
    } catch {
      // A file being written right now reads as broken JSON; the next poll sees it whole.
    }
  }
  return {}
}

export const searchHelpButton = (app: App): Locator => app.page.getByTestId('search-help-button')
export const searchHelp = (app: App): Locator => app.page.getByTestId('search-help')
export const fuzzyNotice = (app: App): Locator => app.page.getByTestId('search-fuzzy-notice')
export const searchProgress = (app: App): Locator => app.page.getByTestId('search-progress')
export const findBar = (app: App): Locator => app.page.getByTestId('find-bar')
export const findInput = (app: App): Locator => app.page.getByTestId('find-input')
export const findCount = (app: App): Locator => app.page.getByTestId('find-count')
export const findHits = (app: App): Locator => app.page.getByTestId('find-hit')

/** The titles of the results listed, best first. */
export const resultTitles = (app: App): Promise<string[]> =>
  app.page.getByTestId('search-result-title').allInnerTexts()

/**
 * Searches for `query` and waits until what is listed answers it: the results list says it is
 * busy (`aria-busy`) while an older query's results are still on screen.
 */
export async function searchAndWait(app: App, query: string): Promise<void> {
  await searchFor(app, query)
  await expect(app.page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false')
  await expect(searchResults(app).first().or(noResultsMessage(app))).toBeVisible()
}

/** Opens find in the article with the keyboard shortcut a person uses (Ctrl+F; Cmd+F on a Mac). */
export async function openFind(app: App): Promise<void> {
  await app.page.keyboard.press('ControlOrMeta+F')
  await expect(findInput(app)).toBeFocused()
}

/** Types `text` into the find field, key by key. */
export async function typeIntoFind(app: App, text: string): Promise<void> {
  await findInput(app).pressSequentially(text, { delay: 20 })
}

/**
 * Which find match is the current one, or -1 if none. A match may be drawn as several marks
 * (when it crosses emphasis or a search hit), so this counts matches, not marks.
 */
export async function currentFindIndex(app: App): Promise<number> {
  return findHits(app).evaluateAll((marks) => {
    const current = marks.find((mark: PageElement) => mark.getAttribute('aria-current') === 'true')
    return current ? Number(current.getAttribute('data-find-index')) : -1
  })
}

// Highlights and notes.
export const highlights = (app: App): Locator => app.page.getByTestId('highlight')
export const selectionToolbar = (app: App): Locator => app.page.getByTestId('selection-toolbar')
export const noteItems = (app: App): Locator => app.page.getByTestId('note-item')
export const noteEditor = (app: App): Locator => app.page.getByTestId('note-editor')
export const noteInput = (app: App): Locator => app.page.getByTestId('note-input')
export const notesPanel = (app: App): Locator => app.page.getByTestId('notes-panel')
export const notebookView = (app: App): Locator => app.page.getByTestId('notebook-view')
export const noticeTexts = (app: App): Locator => app.page.getByTestId('notice')

/**
 * Selects the article's text from the start of `from` to the end of `to` (the same phrase, or
 * one further on, in another paragraph) the way a drag leaves it: a DOM selection, then the
 * mouse let go. Each phrase must occur once in the article.
 */
export async function selectInArticle(app: App, from: string, to: string = from): Promise<void> {
  await articleBody(app).evaluate(
    (body: PageElement, [first, last]) => {
      interface TextNode {
        textContent: string | null
      }
      interface Page {
        document: {
          createTreeWalker(root: PageElement, show: number): { nextNode(): TextNode | null }
          createRange(): {
            setStart(node: TextNode, offset: number): void
            setEnd(node: TextNode, offset: number): void
          }
          dispatchEvent(event: Event): boolean
        }
        getSelection(): { removeAllRanges(): void; addRange(range: unknown): void }
        MouseEvent: new (type: string, init: { bubbles: boolean }) => Event
      }
      const page = globalThis as unknown as Page
      const walker = page.document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */)
      const nodes: { node: TextNode; start: number }[] = []
      let text = ''
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length })
        text += node.textContent ?? ''
      }
      const start = text.indexOf(first)
      const end = text.indexOf(last, start) + last.length
      if (start < 0 || end < start + last.length) throw new Error(`"${first}…${last}" not found`)
      const at = (offset: number, edge: 'start' | 'end') => {
        const index = nodes.findIndex(({ node, start: from }) =>
          edge === 'start'
            ? offset < from + (node.textContent?.length ?? 0)
            : offset <= from + (node.textContent?.length ?? 0)
        )
        const found = nodes[index]!
        return [found.node, offset - found.start] as const
      }
      const range = page.document.createRange()
      range.setStart(...at(start, 'start'))
      range.setEnd(...at(end, 'end'))
      const selection = page.getSelection()
      selection.removeAllRanges()
      selection.addRange(range)
      page.document.dispatchEvent(new page.MouseEvent('mouseup', { bubbles: true }))
    },
    [from, to] as const
  )
  await expect(selectionToolbar(app)).toBeVisible()
}

/** Opens the Notes tab beside the reader. */
export async function openNotesTab(app: App): Promise<void> {
  await app.page.getByTestId('panel-tab-notes').click()
  await expect(notesPanel(app)).toBeVisible()
}

/** The words of a highlight as drawn in the article (all its parts). */
export async function highlightedText(app: App, annotationId: string): Promise<string> {
  const parts = await app.page
    .locator(`[data-testid="highlight"][data-annotation-id="${annotationId}"]`)
    .allTextContents()
  return parts.join('')
}

// Quotations and voices.
export const quotesPanel = (app: App): Locator => app.page.getByTestId('quotes-panel')
export const quoteGroups = (app: App): Locator => app.page.getByTestId('quote-group')
export const quoteGroup = (app: App, speaker: string): Locator =>
  quoteGroups(app).and(app.page.locator(`[data-speaker="${speaker}"]`))
/** The quotations drawn in the article, one element each (its first part). */
export const quotesInText = (app: App): Locator => articleBody(app).getByTestId('quote')
/** A quotation in the article by `speaker` that begins with (or holds in its first part) `words`. */
export const quoteInText = (app: App, speaker: string, words: string): Locator =>
  quotesInText(app)
    .and(app.page.locator(`[data-speaker="${speaker}"]`))
    .filter({ hasText: words })
export const quoteTooltip = (app: App): Locator => app.page.getByTestId('quote-tooltip')
export const quoteResults = (app: App): Locator => app.page.getByTestId('search-quote-result')
export const voicesView = (app: App): Locator => app.page.getByTestId('voices-view')
export const voiceItems = (app: App): Locator => app.page.getByTestId('voice')
export const voiceItem = (app: App, speaker: string): Locator =>
  voiceItems(app).and(app.page.locator(`[data-speaker="${speaker}"]`))
export const voiceQuotes = (app: App): Locator => app.page.getByTestId('voice-quote')

/** Opens the Voices view from the view switcher and waits for its list. */
export async function openVoices(app: App): Promise<void> {
  await app.page.getByTestId('nav-voices').click()
  await expect(voicesView(app)).toBeVisible()
  await expect(voiceItems(app).first()).toBeVisible()
}

/**
 * Lets the page read and write the clipboard, as a person pasting elsewhere would see it. Skips
 * the test in Electron, where Dossier denies the page clipboard reads (and so the check).
 */
export async function allowClipboard(app: App, appKind: AppOptions['appKind']): Promise<void> {
  test.skip(appKind === 'electron', 'Dossier denies the page clipboard reads in Electron')
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin
  })
}

/** What is on the clipboard now, as plain text. */
export async function clipboardText(app: App): Promise<string> {
  return app.page.evaluate(() => {
    const { navigator } = globalThis as unknown as {
      navigator: { clipboard: { readText(): Promise<string> } }
    }
    return navigator.clipboard.readText()
  })
}
