import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { JSHandle, Locator } from '@playwright/test'
import { expect, test, type App } from './fixtures'
import {
  articleBody,
  articleTitle,
  highlights,
  libraryItem,
  libraryItems,
  noticeTexts,
  searchAndWait,
  searchBox,
  searchResults,
  selectInArticle,
  waitForLibrary
} from './reader-actions'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import')
const fixture = (name: string) => join(FIXTURES, name)

const RIVER = 'The River Keepers'
const ORCHARD = 'Pruning the Old Orchard'
const TIDES = 'Reading the Tide Table'
const DROPPED = 'A Note Dropped on the Window'
const THIN = 'Ferry Timetable Changes'

const importButton = (app: App): Locator => app.page.getByTestId('import-button')
const importReport = (app: App): Locator => app.page.getByTestId('import-report')
const reportRow = (app: App, name: string): Locator =>
  importReport(app).getByTestId('import-row').filter({ hasText: name })

/** Chooses files in the Import… dialog (the page's file input stands for the system's). */
async function importFiles(app: App, names: string[]): Promise<void> {
  await expect(importButton(app)).toBeEnabled()
  await app.page.getByTestId('import-input').setInputFiles(names.map(fixture))
  await expect(importReport(app)).toBeVisible({ timeout: 20_000 })
}

/** Serious or critical axe violations on screen now, one line each. */
async function axeViolations(app: App): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
    )
}

async function closeReport(app: App): Promise<void> {
  await importReport(app).getByRole('button', { name: 'Close' }).click()
  await expect(importReport(app)).toBeHidden()
}

/** Drags a file from the desktop and drops it on the window. */
async function dropFile(app: App, name: string): Promise<void> {
  const bytes = [...readFileSync(fixture(name))]
  const transfer: JSHandle = await app.page.evaluateHandle(
    ([fileName, data]) => {
      interface Page {
        DataTransfer: new () => { items: { add(file: unknown): void } }
        File: new (parts: unknown[], name: string) => unknown
        Uint8Array: typeof Uint8Array
      }
      const page = globalThis as unknown as Page
      const dropped = new page.DataTransfer()
      dropped.items.add(new page.File([new page.Uint8Array(data)], fileName))
      return dropped
    },
    [name, bytes] as const
  )
  const target = app.page.getByTestId('reader')
  await target.dispatchEvent('dragenter', { dataTransfer: transfer })
  await expect(app.page.getByTestId('drop-overlay')).toBeVisible()
  await target.dispatchEvent('dragover', { dataTransfer: transfer })
  await target.dispatchEvent('drop', { dataTransfer: transfer })
  await expect(app.page.getByTestId('drop-overlay')).toBeHidden()
}

test('a batch of mixed files is imported, reported, found, read and highlighted, across a restart', async ({
  app
}) => {
  // Five files through the extraction process, three axe checks and a reopen: up to 26 s of
  // the default 30 s on a two-core machine under a load of 15.
  test.slow()
  await waitForLibrary(app)
  const bundled = await libraryItems(app).count()
  await importFiles(app, [
    'e2e-river-saved.html',
    'e2e-orchard.md',
    'e2e-tide-table.txt',
    'e2e-binary.html',
    'e2e-empty.md',
    'e2e-orchard-again.md',
    'e2e-thin-archive.html'
  ])

  // One row per file, in the order chosen, each with what happened and why.
  const rows = importReport(app).getByTestId('import-row')
  await expect(rows).toHaveCount(7)
  await expect(reportRow(app, 'e2e-river-saved.html')).toHaveAttribute('data-status', 'imported')
  await expect(reportRow(app, 'e2e-orchard.md')).toHaveAttribute('data-status', 'imported')
  await expect(reportRow(app, 'e2e-tide-table.txt')).toHaveAttribute('data-status', 'imported')
  await expect(reportRow(app, 'e2e-binary.html')).toHaveAttribute('data-status', 'failed')
  await expect(reportRow(app, 'e2e-empty.md')).toHaveAttribute('data-status', 'failed')
  await expect(reportRow(app, 'e2e-orchard-again.md')).toHaveAttribute('data-status', 'duplicate')
  await expect(reportRow(app, 'e2e-thin-archive.html')).toHaveAttribute('data-status', 'imported')
  for (const name of ['e2e-binary.html', 'e2e-empty.md', 'e2e-orchard-again.md']) {
    await expect(reportRow(app, name).getByTestId('import-reason')).not.toBeEmpty()
  }
  await expect(reportRow(app, 'e2e-orchard-again.md')).toContainText(ORCHARD)
  expect(await axeViolations(app), 'axe on the import report').toEqual([])
  await closeReport(app)

  // In the library at once, marked as imported, and alone under the Imported filter.
  await expect(libraryItems(app)).toHaveCount(bundled + 4)
  await expect(libraryItem(app, RIVER).getByTestId('imported-badge')).toHaveText('Imported')
  await app.page.getByTestId('library-filter-imported').click()
  await expect(libraryItems(app)).toHaveCount(4)
  await app.page.getByTestId('library-filter-all').click()

  // Found by a sentence of its text, and read with its own structure, page furniture gone.
  await searchAndWait(app, 'kingfishers under the old mill bridge')
  await expect(searchResults(app).first()).toContainText(RIVER)
  await searchResults(app).first().click()
  await expect(articleTitle(app)).toHaveText(RIVER)
  const body = articleBody(app)
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('What the volunteers record')
  await expect(body.locator('ul > li > ul > li').first()).toContainText('grey herons at the weir')
  await expect(body.locator('blockquote')).toContainText('we are here every single day')
  await expect(body.locator('em')).toHaveText('twice')
  await expect(body).not.toContainText('Accept all cookies')
  await expect(body).not.toContainText('Recommended for you')
  await expect(body).not.toContainText('Subscribe')
  await expect(app.page.getByTestId('images-note')).toContainText('1 image')
  await expect(app.page.getByTestId('article-link')).toHaveAttribute(
    'href',
    'https://courier.example/2023/river-keepers'
  )
  expect(await axeViolations(app), 'axe on an imported article').toEqual([])
  await searchBox(app).press('Escape')

  // A Markdown file keeps its front matter's details and its numbered list.
  await libraryItem(app, ORCHARD).click()
  await expect(articleTitle(app)).toHaveText(ORCHARD)
  await expect(app.page.getByTestId('article-meta')).toContainText('Tomas Reyes')
  await expect(articleBody(app).locator('ol > li')).toHaveCount(3)

  // A page that gave up little of its text says so, and shows all of it on request.
  await libraryItem(app, THIN).click()
  await expect(articleTitle(app)).toHaveText(THIN)
  await expect(app.page.getByTestId('thin-notice')).toContainText(
    'Dossier kept only part of this page'
  )
  await app.page.getByRole('button', { name: 'Show the whole page’s text' }).click()
  const pageText = app.page.getByTestId('page-text')
  await expect(pageText).toContainText('Archive page 60')
  // The page's own structure: its heading, and its list as a list.
  await expect(pageText.getByRole('heading', { name: 'Archive' })).toBeVisible()
  await expect(pageText.getByRole('listitem').first()).toHaveText(/^Archive page 1:/)

  // Highlighted like any article, and still there after a restart.
  await libraryItem(app, RIVER).click()
  await expect(articleTitle(app)).toHaveText(RIVER)
  const passage = 'the most complete record of the river'
  await selectInArticle(app, passage)
  await app.page.getByTestId('highlight-button').click()
  await expect(highlights(app)).toHaveText([passage])

  await app.reopen()
  await waitForLibrary(app)
  await expect(libraryItems(app)).toHaveCount(bundled + 4)
  await libraryItem(app, TIDES).click()
  await expect(articleTitle(app)).toHaveText(TIDES)
  await libraryItem(app, RIVER).click()
  await expect(highlights(app)).toHaveText([passage])
})

test('files dropped on the window are imported; a removed article comes back with Undo or Ctrl+Z', async ({
  app
}) => {
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await waitForLibrary(app)
  const bundled = await libraryItems(app).count()
  await dropFile(app, 'e2e-dropped-note.md')
  await expect(importReport(app)).toBeVisible({ timeout: 20_000 })
  await expect(reportRow(app, 'e2e-dropped-note.md')).toHaveAttribute('data-status', 'imported')
  await importReport(app).getByRole('button', { name: DROPPED }).click()
  await expect(importReport(app)).toBeHidden()
  await expect(articleTitle(app)).toHaveText(DROPPED)

  // Its details corrected, with a clear word about a date that is not one.
  await app.page.getByTestId('edit-details').click()
  const form = app.page.getByTestId('edit-details-dialog')
  await form.getByLabel('Date').fill('2021-02-30')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByTestId('details-error')).toHaveText(/year-month-day/)
  expect(await axeViolations(app), 'axe on the details form, dark theme').toEqual([])
  await form.getByLabel('Date').fill('2021-02-03')
  await form.getByLabel('Author').fill('Rosa Quint')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeHidden()
  await expect(app.page.getByTestId('article-meta')).toContainText('Rosa Quint')
  await expect(app.page.getByTestId('article-meta')).toContainText('3 Feb 2021')

  // Highlighted, then removed: its note stays in the Notebook, marked as from a removed article.
  const passage = 'dragging its file onto the window'
  await selectInArticle(app, passage)
  await app.page.getByTestId('highlight-button').click()
  await expect(highlights(app)).toHaveText([passage])
  await app.page.getByTestId('remove-article').click()
  await expect(libraryItems(app)).toHaveCount(bundled)
  await expect(noticeTexts(app).filter({ hasText: 'Removed' })).toContainText(
    `Removed “${DROPPED}” (1 note kept)`
  )
  await app.page.getByTestId('nav-notebook').click()
  await expect(app.page.getByTestId('notebook-removed-article')).toHaveText(DROPPED)
  await expect(app.page.getByTestId('notebook-entry')).toContainText(passage)

  // Brought back with Ctrl+Z, its highlight with it.
  await app.page.getByTestId('nav-library').click()
  await app.page.getByTestId('reader').focus()
  await app.page.keyboard.press('Control+z')
  await expect(libraryItems(app)).toHaveCount(bundled + 1)
  await expect(articleTitle(app)).toHaveText(DROPPED)
  await expect(highlights(app)).toHaveText([passage])

  // Removed again, and brought back from the notice's Undo.
  await app.page.getByTestId('remove-article').click()
  await expect(libraryItem(app, DROPPED)).toHaveCount(0)
  await noticeTexts(app)
    .filter({ hasText: 'Removed' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(libraryItem(app, DROPPED)).toHaveCount(1)
  await expect(articleTitle(app)).toHaveText(DROPPED)

  // Removed once more and the app reopened: the Notebook still names it and brings it back.
  await app.page.getByTestId('remove-article').click()
  await expect(libraryItem(app, DROPPED)).toHaveCount(0)
  await app.reopen()
  await waitForLibrary(app)
  await app.page.getByTestId('nav-notebook').click()
  await expect(app.page.getByTestId('notebook-removed-article')).toHaveText(DROPPED)
  await app.page.getByRole('button', { name: 'Restore the article' }).click()
  await expect(libraryItem(app, DROPPED)).toHaveCount(1)
  await expect(app.page.getByTestId('notebook-entry')).toContainText(passage)
})
