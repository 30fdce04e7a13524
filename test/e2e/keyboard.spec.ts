/**
 * The reader used from the keyboard alone: every action here is a key press (page.keyboard);
 * the page is only looked at, never clicked.
 */
import type { Locator } from '@playwright/test'
import { expect, test, type App } from './fixtures'
import {
  articleTitle,
  currentHitIndex,
  highlights,
  libraryItems,
  noteInput,
  notebookView,
  readerScrollTop,
  resultTitles,
  searchBox,
  searchResults,
  selectionToolbar,
  voiceQuotes,
  voicesView,
  waitForArticle,
  waitForLibrary
} from './reader-actions'

const reader = (app: App): Locator => app.page.getByTestId('reader')
const palette = (app: App): Locator => app.page.getByTestId('command-palette')
const sheet = (app: App): Locator => app.page.getByTestId('shortcut-sheet')
const heading = (app: App, view: string): Locator =>
  app.page.locator(`[data-view-heading="${view}"]`)

/** The test id of the focused element (or its tag name when it has none). */
const focusedId = (app: App): Promise<string> =>
  app.page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        activeElement: { getAttribute(name: string): string | null; tagName: string } | null
      }
    }
    const active = document.activeElement
    return active?.getAttribute('data-testid') ?? active?.tagName.toLowerCase() ?? ''
  })

/** Presses Tab (Shift+Tab with `back`) until the element with `testId` has focus. */
async function tabTo(app: App, testId: string, back = false): Promise<void> {
  for (let presses = 0; presses < 25; presses++) {
    if ((await focusedId(app)) === testId) return
    await app.page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  expect(await focusedId(app), `Tab never reached ${testId}`).toBe(testId)
}

/** The text selected in the page. */
const selectedText = (app: App): Promise<string> =>
  app.page.evaluate(() => {
    const { getSelection } = globalThis as unknown as { getSelection(): { toString(): string } }
    return getSelection().toString()
  })

async function searchByKeyboard(app: App, words: string): Promise<void> {
  await app.page.keyboard.press('ControlOrMeta+K')
  await expect(searchBox(app)).toBeFocused()
  await app.page.keyboard.type(words)
  await expect(app.page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false')
  await expect(searchResults(app).first()).toBeVisible()
}

test('search, open a result, read, step through matches and move between articles', async ({
  app
}) => {
  await waitForLibrary(app)
  await searchByKeyboard(app, 'korea ')
  const titles = await resultTitles(app)

  // Enter opens the first result and hands focus to the article.
  await app.page.keyboard.press('Enter')
  await expect(articleTitle(app)).toHaveText(titles[0] as string)
  await expect(reader(app)).toBeFocused()

  // Reading keys scroll it.
  const top = await readerScrollTop(app)
  await app.page.keyboard.press('PageDown')
  await expect.poll(() => readerScrollTop(app)).toBeGreaterThan(top + 200)
  await app.page.keyboard.press('ArrowUp')
  await app.page.keyboard.press('Space')
  // Keys scroll smoothly: the page moves on over a few frames, later still on a busy machine.
  await expect.poll(() => readerScrollTop(app)).toBeGreaterThan(top + 300)

  // Enter and F3 step through the matches.
  await app.page.keyboard.press('Enter')
  await expect.poll(() => currentHitIndex(app)).toBe(1)
  await app.page.keyboard.press('Shift+F3')
  await expect.poll(() => currentHitIndex(app)).toBe(0)

  // Closing the matches from their own bar leaves focus on the page: the keys still read.
  await tabTo(app, 'hit-close', true)
  await app.page.keyboard.press('Enter')
  await expect(app.page.locator('body')).toBeFocused()
  const before = await readerScrollTop(app)
  await app.page.keyboard.press('PageDown')
  await expect.poll(() => readerScrollTop(app)).toBeGreaterThan(before)
  await expect(reader(app)).toBeFocused()

  // j and k move through the results; o opens the chosen one.
  await searchByKeyboard(app, 'korea ')
  await app.page.keyboard.press('Tab')
  await tabTo(app, 'search-result-list')
  await app.page.keyboard.press('j')
  await expect(app.page.locator('#search-results [aria-selected="true"]')).toContainText(
    titles[1] as string
  )
  await app.page.keyboard.press('o')
  await expect(articleTitle(app)).toHaveText(titles[1] as string)
  await expect(reader(app)).toBeFocused()

  // Escape clears the search; j and k then walk the library, and o opens.
  await app.page.keyboard.press('Escape')
  await expect(libraryItems(app).first()).toBeVisible()
  await app.page.keyboard.press('k')
  await expect(libraryItems(app).first()).toBeFocused()
  const chosen = (await libraryItems(app).first().getByTestId('library-title').textContent()) ?? ''
  await app.page.keyboard.press('o')
  await expect(articleTitle(app)).toHaveText(chosen.trim())
  await expect(reader(app)).toBeFocused()
})

test('highlight a passage, write and tag its note, export, and find it from the Notebook', async ({
  app
}) => {
  await waitForArticle(app)
  await app.page.keyboard.press('r')
  await expect(reader(app)).toBeFocused()

  // s selects a paragraph; h highlights it.
  await app.page.keyboard.press('s')
  await expect(selectionToolbar(app)).toBeVisible()
  const paragraph = await selectedText(app)
  expect(paragraph.length).toBeGreaterThan(20)
  await app.page.keyboard.press('h')
  await expect(highlights(app).first()).toBeVisible()
  expect((await highlights(app).allTextContents()).join('')).toContain(paragraph.trim())

  // Shift+arrows select from the first paragraph in view; n highlights it with a note.
  for (let i = 0; i < 12; i++) await app.page.keyboard.press('Shift+ArrowRight')
  await expect(selectionToolbar(app)).toBeVisible()
  expect((await selectedText(app)).length).toBe(12)
  await app.page.keyboard.press('n')
  await expect(noteInput(app)).toBeFocused()
  await app.page.keyboard.type('Worth checking against the briefing')
  await tabTo(app, 'tag-input')
  await app.page.keyboard.type('policy')
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByTestId('tag')).toHaveText(/policy/)
  // Done: focus goes back to the article the note was started from.
  await tabTo(app, 'note-done')
  await app.page.keyboard.press('Enter')
  await expect(reader(app)).toBeFocused()

  // Export from the command palette.
  const download = app.page.waitForEvent('download')
  await app.page.keyboard.press('ControlOrMeta+Shift+P')
  await expect(app.page.getByTestId('palette-input')).toBeFocused()
  await app.page.keyboard.type('export')
  await app.page.keyboard.press('Enter')
  expect((await download).suggestedFilename()).toMatch(/\.md$/)

  // The Notebook: its heading takes focus; Tab reaches the note, Enter goes to its passage.
  await app.page.keyboard.press('ControlOrMeta+3')
  await expect(notebookView(app)).toBeVisible()
  await expect(heading(app, 'notebook')).toBeFocused()
  // The notes are listed once main has answered; Tab before then would walk past them.
  await expect(app.page.getByTestId('notebook-entry').first()).toBeVisible()
  await tabTo(app, 'note-jump')
  await app.page.keyboard.press('Enter')
  await expect(reader(app)).toBeFocused()
  await expect(articleTitle(app)).toBeVisible()
})

test('the Voices view leads into the text; the palette and the shortcut sheet run and list every command', async ({
  app
}) => {
  await waitForLibrary(app)
  await app.page.keyboard.press('ControlOrMeta+Shift+P')
  await app.page.keyboard.type('voices')
  await app.page.keyboard.press('Enter')
  await expect(voicesView(app)).toBeVisible()
  await expect(heading(app, 'voices')).toBeFocused()
  await app.page.keyboard.press('Tab')
  await expect(app.page.getByTestId('voices-filter')).toBeFocused()
  await app.page.keyboard.press('ArrowDown')
  await expect(voiceQuotes(app).first()).toBeVisible()
  await tabTo(app, 'voice-quote-open')
  await app.page.keyboard.press('Enter')
  await expect(articleTitle(app)).toBeVisible()
  await expect(reader(app)).toBeFocused()

  // Escape closes the palette and gives focus back.
  await app.page.keyboard.press('ControlOrMeta+Shift+P')
  await expect(palette(app)).toBeVisible()
  const listed = await app.page
    .getByTestId('palette-command')
    .evaluateAll((options) => options.map((option) => option.getAttribute('data-command')))
  expect(listed).toEqual(expect.arrayContaining(['search', 'highlight', 'export-notes']))
  expect(listed).toEqual(expect.arrayContaining(['show-voices', 'toggle-single-keys']))
  await expect(
    palette(app).getByText('Ctrl+Shift+P').or(palette(app).getByText('Cmd+Shift+P'))
  ).toBeVisible()
  await app.page.keyboard.press('Escape')
  await expect(palette(app)).toBeHidden()
  await expect(reader(app)).toBeFocused()

  // ? shows every shortcut; its setting turns single keys off.
  await app.page.keyboard.press('?')
  await expect(sheet(app)).toBeVisible()
  await expect(sheet(app).getByTestId('shortcut-row').first()).toBeVisible()
  await tabTo(app, 'single-key-setting')
  await app.page.keyboard.press('Space')
  await expect(app.page.getByTestId('single-key-setting')).not.toBeChecked()
  await app.page.keyboard.press('Escape')
  await expect(sheet(app)).toBeHidden()
  await app.page.keyboard.press('?')
  await expect(sheet(app)).toBeHidden()
  await app.page.keyboard.press('j')
  await expect(libraryItems(app).first()).not.toBeFocused()
  // Ctrl and Cmd shortcuts still work.
  await app.page.keyboard.press('ControlOrMeta+K')
  await expect(searchBox(app)).toBeFocused()
})

test('single keys type into a text field instead of acting', async ({ app }) => {
  await waitForLibrary(app)
  await app.page.keyboard.press('ControlOrMeta+K')
  await app.page.keyboard.type('j?h')
  await expect(searchBox(app)).toHaveValue('j?h')
  await expect(sheet(app)).toBeHidden()
})

test('the current find match is never hidden under the find bar (WCAG 2.4.11)', async ({ app }) => {
  await waitForArticle(app)
  await app.page.keyboard.press('r')
  await app.page.keyboard.press('ControlOrMeta+F')
  await app.page.keyboard.type('the')
  for (let step = 0; step < 12; step++) {
    await app.page.keyboard.press('Enter')
    const overlap = await app.page.evaluate(() => {
      interface Rect {
        top: number
        bottom: number
        left: number
        right: number
      }
      const { document } = globalThis as unknown as {
        document: { querySelector(selector: string): { getBoundingClientRect(): Rect } | null }
      }
      const bar = document.querySelector('[data-testid="find-bar"]')?.getBoundingClientRect()
      const match = document
        .querySelector('[data-testid="find-hit"][aria-current="true"]')
        ?.getBoundingClientRect()
      if (!bar || !match) return 'no bar or no current match'
      const apart =
        match.bottom <= bar.top ||
        match.top >= bar.bottom ||
        match.right <= bar.left ||
        match.left >= bar.right
      return apart
        ? null
        : `match ${Math.round(match.top)}–${Math.round(match.bottom)} under the bar`
    })
    expect(overlap, `after ${step + 1} presses of Enter`).toBeNull()
  }
})
