/**
 * What a screen reader is given: landmarks and headings to find its way, names for controls,
 * news through live regions, and the speaker of a quotation. Checked on the accessibility
 * tree's terms (roles, names, descriptions); how a given screen reader speaks them is not.
 */
import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  noteInput,
  openArticle,
  quotesInText,
  searchAndWait,
  selectInArticle
} from './reader-actions'

test('landmarks and headings outline the page', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  const page = app.page
  await expect(page.getByRole('main')).toHaveCount(1)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Library and search' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Quotes and notes' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NDTV_TITLE)
  await expect(page.getByRole('heading', { level: 2, name: /Library/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Commands' })).toHaveAttribute(
    'aria-keyshortcuts',
    /Shift\+P/
  )
})

test('result counts and save status are announced; a quotation names its speaker', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await expect(quotesInText(app).first()).toHaveAccessibleDescription(/^quoting .+/)

  await searchAndWait(app, 'korea')
  await expect(app.page.getByRole('status').filter({ hasText: /\d+ article/ })).toHaveCount(1)
  await searchAndWait(app, 'zzzqqq')
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Search found no articles.' })
  ).toHaveCount(1)
  await app.page.keyboard.press('Escape')

  await selectInArticle(app, 'North Korea')
  await app.page.getByTestId('note-button').click()
  await noteInput(app).fill('Announced once saved')
  const status = app.page.getByTestId('note-status')
  await expect(status).toHaveAttribute('aria-live', 'polite')
  await expect(status).toHaveText(/saved/i)
})
