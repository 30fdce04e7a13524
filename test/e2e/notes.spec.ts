import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Download, Locator } from '@playwright/test'
import { expect, test, type App } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  articleBody,
  highlightedText,
  highlights,
  noteEditor,
  noteInput,
  noteItems,
  notebookView,
  noticeTexts,
  openArticle,
  openNotesTab,
  searchAndWait,
  searchHits,
  searchResults,
  selectInArticle,
  selectionToolbar
} from './reader-actions'

const PASSAGE = 'transactional approach to foreign policy'

/**
 * Highlights `from`…`to` with the toolbar's button (or a colour's swatch) and waits until it
 * is drawn; answers the new highlight's id.
 */
async function highlightPassage(
  app: App,
  from: string,
  to = from,
  color?: 'yellow' | 'green' | 'blue' | 'pink' | 'purple'
): Promise<string> {
  const before = await highlightIds(app)
  await selectInArticle(app, from, to)
  if (color) await app.page.getByLabel(`Highlight ${color}`).click()
  else await app.page.getByTestId('highlight-button').click()
  await expect(selectionToolbar(app)).toBeHidden()
  await expect.poll(async () => (await highlightIds(app)).length).toBe(before.length + 1)
  const id = (await highlightIds(app)).find((candidate) => !before.includes(candidate))
  if (!id) throw new Error('no new highlight was drawn')
  return id
}

async function highlightIds(app: App): Promise<string[]> {
  const ids = await highlights(app).evaluateAll((marks) =>
    marks.map((mark) => mark.getAttribute('data-annotation-id') ?? '')
  )
  return [...new Set(ids)]
}

const noteItem = (app: App, id: string): Locator =>
  noteItems(app).and(app.page.locator(`[data-annotation-id="${id}"]`))

/** Writes `text` into the open note editor, key by key, as a person types. */
async function typeNote(app: App, text: string): Promise<void> {
  await expect(noteInput(app)).toBeFocused()
  await noteInput(app).pressSequentially(text, { delay: 10 })
}

async function addTag(app: App, tag: string): Promise<void> {
  await app.page.getByTestId('tag-input').fill(tag)
  await app.page.getByTestId('tag-input').press('Enter')
}

/** Exports with one of the transfer buttons and answers the saved file's content. */
async function exportFrom(app: App, button: 'export-markdown' | 'export-web-annotation') {
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId(button).first().click()
  ])
  return { download, content: readFileSync(await (download as Download).path(), 'utf8') }
}

test('selecting a passage and pressing Highlight keeps it, across a restart', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, PASSAGE)
  await expect(app.page.getByTestId('color-swatch')).toHaveCount(5)
  const id = await highlightPassage(app, PASSAGE)
  expect(await highlightedText(app, id)).toBe(PASSAGE)

  await app.reopen()
  await expect(highlights(app).first()).toBeVisible({ timeout: 10_000 })
  expect(await highlightedText(app, id)).toBe(PASSAGE)
  await openNotesTab(app)
  await expect(noteItem(app, id)).toContainText(PASSAGE)
})

test('a highlight made with H crosses emphasis and paragraphs and sits around search hits', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, 'with the North Korea.', "Trump's transactional")
  await app.page.keyboard.press('h')
  const parts = highlights(app)
  await expect(parts.first()).toBeVisible()
  expect(await parts.count()).toBeGreaterThan(1)
  await expect(articleBody(app).locator('em [data-testid="highlight"]').first()).toBeVisible()

  await searchAndWait(app, 'transactional')
  await searchResults(app).first().click()
  const hit = searchHits(app).first()
  await expect(hit).toBeVisible()
  await expect(hit.locator('xpath=ancestor::*[@data-testid="highlight"]')).toHaveCount(1)
  await expect(hit).toHaveText(/transactional/i)
})

test('a note is written, edited, tagged, deleted and brought back', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, PASSAGE)
  await app.page.getByTestId('note-button').click()
  await expect(noteEditor(app)).toBeVisible()
  await typeNote(app, 'Compare with **Hanoi**')
  // Esc closes at once; what was typed is saved first.
  await app.page.keyboard.press('Escape')
  await expect(noteEditor(app)).toBeHidden()
  // Built on each use: app.page is a new page after a restart.
  const item = () => noteItems(app).filter({ hasText: PASSAGE })
  await expect(item().locator('strong')).toHaveText('Hanoi')

  await app.reopen()
  await openNotesTab(app)
  await expect(noteItems(app).filter({ hasText: 'Compare with Hanoi' })).toHaveCount(1)

  // Clicking the highlight in the text opens its note.
  await highlights(app).first().click()
  await expect(noteEditor(app)).toBeVisible()
  await expect(noteInput(app)).toHaveValue('Compare with **Hanoi**')
  await noteInput(app).press('End')
  await typeNote(app, ' and Singapore.')
  await addTag(app, 'diplomacy')
  await noteInput(app).press('ControlOrMeta+Enter')
  await expect(noteEditor(app)).toBeHidden()
  await expect(item()).toContainText('Compare with Hanoi and Singapore.')
  await expect(item()).toContainText('#diplomacy')

  // Delete, then Ctrl/Cmd+Z outside any field brings it back whole.
  await item().getByTestId('note-edit').click()
  await app.page.getByTestId('note-delete').click()
  await expect(noteItems(app)).toHaveCount(0)
  await expect(highlights(app)).toHaveCount(0)
  await expect(noticeTexts(app).filter({ hasText: 'Highlight deleted' })).toBeVisible()
  await app.page.keyboard.press('ControlOrMeta+Z')
  await expect(item()).toContainText('Compare with Hanoi and Singapore.')
  await expect(item()).toContainText('#diplomacy')
  await expect(highlights(app).first()).toBeVisible()

  // The toast's Undo does the same.
  await item().getByTestId('note-edit').click()
  await app.page.getByTestId('note-delete').click()
  await expect(noteItems(app)).toHaveCount(0)
  await app.page.getByTestId('notice-action').filter({ hasText: 'Undo' }).click()
  await expect(item()).toContainText('Compare with Hanoi and Singapore.')

  // And it all survived on disk.
  await app.reopen()
  await openNotesTab(app)
  await expect(noteItems(app).filter({ hasText: 'Singapore' })).toContainText('#diplomacy')
})

test('a note typed and left is saved without pressing anything', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, PASSAGE)
  await app.page.getByTestId('note-button').click()
  await typeNote(app, 'Saved by itself')
  await expect(app.page.getByTestId('note-status')).toHaveText('Saved')
  await app.reopen()
  await openNotesTab(app)
  await expect(noteItems(app).filter({ hasText: 'Saved by itself' })).toHaveCount(1)
})

test('the Notes tab filters by colour and tag; the Notebook finds notes across articles', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await highlightPassage(app, PASSAGE, PASSAGE, 'pink')
  await selectInArticle(app, 'Kim Jong Un may not be buying')
  await app.page.getByTestId('note-button').click()
  await typeNote(app, 'Kim is not buying')
  await addTag(app, 'kim')
  // A new highlight takes the colour last used (pink); this one becomes blue.
  await noteEditor(app).getByLabel('Colour blue').click()
  await expect(noteEditor(app)).toHaveAttribute('data-highlight-color', 'blue')
  await noteInput(app).press('Escape')
  await expect(noteItems(app)).toHaveCount(2)

  await app.page.getByLabel('Show only pink').click()
  await expect(noteItems(app)).toHaveCount(1)
  await expect(noteItems(app)).toContainText(PASSAGE)
  await app.page.getByTestId('note-filter-clear').click()
  await app.page.getByTestId('note-tag-filter').selectOption('kim')
  await expect(noteItems(app)).toHaveCount(1)
  await expect(noteItems(app)).toContainText('Kim is not buying')

  await openArticle(app, RUNNING_OUT_TITLE)
  await app.page.getByTestId('add-article-note').click()
  await typeNote(app, 'Maximalist demands, again')
  await noteInput(app).press('Escape')

  await app.page.getByTestId('nav-notebook').click()
  await expect(notebookView(app)).toBeVisible()
  await expect(app.page.getByTestId('notebook-group')).toHaveCount(2)
  await expect(app.page.getByTestId('notebook-entry')).toHaveCount(3)
  await app.page.getByTestId('notebook-search').fill('maximalist')
  await expect(app.page.getByTestId('notebook-entry')).toHaveCount(1)
  await app.page.getByTestId('notebook-search').fill('buying')
  const entry = app.page.getByTestId('notebook-entry')
  await expect(entry).toHaveCount(1)
  await entry.getByTestId('note-jump').click()
  await expect(app.page.getByTestId('article-title')).toHaveText(NDTV_TITLE)
  await expect(
    highlights(app).filter({ hasText: 'Kim Jong Un may not be buying' }).first()
  ).toBeInViewport()
})

test('search finds a note and opens the article at its passage', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, 'gleaming buildings and bustling streets')
  await app.page.getByTestId('note-button').click()
  await typeNote(app, 'A quixotic promise of hotels')
  await noteInput(app).press('Escape')
  await openArticle(app, RUNNING_OUT_TITLE)

  await searchAndWait(app, 'quixotic')
  const result = searchResults(app).filter({ has: app.page.getByTestId('search-result-kind') })
  await expect(result).toHaveCount(1)
  await expect(result).toContainText('Note')
  await expect(result).toContainText('quixotic')
  await result.click()
  await expect(app.page.getByTestId('article-title')).toHaveText(NDTV_TITLE)
  await expect(highlights(app).filter({ hasText: 'gleaming buildings' }).first()).toBeInViewport()
})

test('notes exported from one profile are restored exactly in a fresh one', async ({
  app,
  anotherApp
}) => {
  await openArticle(app, NDTV_TITLE)
  await selectInArticle(app, PASSAGE)
  await app.page.getByTestId('note-button').click()
  await typeNote(app, 'First *thought* — with “quotes” and émoji 🙂')
  await addTag(app, 'style')
  await noteInput(app).press('Escape')
  await highlightPassage(app, 'Kim Jong Un may not be buying')
  await app.page.getByTestId('add-article-note').click()
  await typeNote(app, 'The whole piece, in one line')
  await noteInput(app).press('Escape')
  await expect(noteItems(app)).toHaveCount(3)

  const markdown = await exportFrom(app, 'export-markdown')
  expect(markdown.download.suggestedFilename()).toMatch(/\.md$/)
  expect(markdown.content).toContain(PASSAGE)
  expect(markdown.content).toContain('First *thought*')
  const exported = await exportFrom(app, 'export-web-annotation')
  expect(exported.download.suggestedFilename()).toMatch(/\.jsonld$/)

  const fresh = await anotherApp()
  await fresh.page.getByTestId('nav-notebook').click()
  await expect(fresh.page.getByTestId('notebook-count')).toHaveText(/^0 notes/)
  await fresh.page.getByTestId('import-file').setInputFiles({
    name: exported.download.suggestedFilename(),
    mimeType: 'application/ld+json',
    buffer: Buffer.from(exported.content)
  })
  await expect(
    fresh.page.getByTestId('notice').filter({ hasText: 'Imported 3 notes' })
  ).toBeVisible()
  await expect(fresh.page.getByTestId('notebook-entry')).toHaveCount(3)
  await expect(fresh.page.getByTestId('notebook-view')).toContainText('First thought')

  const again = await exportFrom(fresh, 'export-web-annotation')
  const items = (content: string) => JSON.parse(content).first.items as unknown[]
  expect(items(again.content)).toEqual(items(exported.content))

  // A file that is not Web Annotation is refused with the reason, and nothing changes.
  await fresh.page.getByTestId('import-file').setInputFiles({
    name: 'not-notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}')
  })
  await expect(fresh.page.getByTestId('notice').last()).not.toContainText('Imported')
  await expect(fresh.page.getByTestId('notebook-entry')).toHaveCount(3)
})

test('a note whose passage is no longer in the text is kept, flagged at the end of the list', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await highlightPassage(app, PASSAGE)
  await openNotesTab(app)
  const exported = await exportFrom(app, 'export-web-annotation')
  // The same note as if taken from an older text of the article: its words are gone now.
  const file = JSON.parse(exported.content)
  const item = file.first.items[0]
  item.id = 'urn:uuid:0b9e7c1a-5d6f-4e2b-9a3c-7d8e9f0a1b2c'
  item.body = [
    { type: 'TextualBody', value: 'Written about a lost sentence', purpose: 'commenting' }
  ]
  item.target.selector = [
    {
      type: 'TextQuoteSelector',
      exact: 'a sentence the editors have since removed entirely',
      prefix: 'Zebras ',
      suffix: ' quietly.'
    },
    { type: 'TextPositionSelector', start: 40, end: 91 }
  ]
  await app.page.getByTestId('import-file').setInputFiles({
    name: 'older.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(JSON.stringify(file))
  })
  await expect(noteItems(app)).toHaveCount(2)
  const last = noteItems(app).last()
  await expect(last.getByTestId('note-orphan')).toBeVisible()
  await expect(last).toContainText('a sentence the editors have since removed entirely')
  await expect(last).toContainText('Written about a lost sentence')
  await expect(app.page.getByTestId('orphans-heading')).toBeVisible()
  // Nothing is drawn for it in the text.
  expect(await highlightIds(app)).toHaveLength(1)
})

test('notes come back whole after notes.json is damaged, and the reader is told', async ({
  app
}) => {
  // Two restarts, each a new preview server and index worker: 25 s of the default 30 s on a
  // two-core machine under a load of 16.
  test.slow()
  await openArticle(app, NDTV_TITLE)
  for (const [passage, note] of [
    [PASSAGE, 'The first note.'],
    ['Kim Jong Un may not be buying', 'The second note.']
  ] as const) {
    await selectInArticle(app, passage)
    await app.page.getByTestId('note-button').click()
    await typeNote(app, note)
    await app.page.keyboard.press('Escape')
    await expect(noteEditor(app)).toBeHidden()
  }
  await expect(highlights(app)).toHaveCount(2)

  await app.restart()
  // A disk error, a sync tool or a hand edit: the file is cut short.
  const file = join(app.dataDir, 'notes.json')
  writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200))
  await app.restart()

  await expect(
    noticeTexts(app).filter({ hasText: /notes\.json was damaged .* restored 2 notes/ })
  ).toBeVisible({ timeout: 10_000 })
  await openArticle(app, NDTV_TITLE)
  await expect(highlights(app).first()).toBeVisible({ timeout: 10_000 })
  expect(await highlightIds(app)).toHaveLength(2)
  await openNotesTab(app)
  await expect(noteItems(app).filter({ hasText: 'The first note.' })).toContainText(PASSAGE)
  await expect(noteItems(app).filter({ hasText: 'The second note.' })).toContainText(
    'Kim Jong Un may not be buying'
  )
})
