import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  articleBody,
  articleTitle,
  libraryItem,
  libraryItems,
  openArticle,
  waitForLibrary
} from './reader-actions'

test('the sidebar lists both bundled articles with their source and date', async ({ app }) => {
  await waitForLibrary(app)

  await expect(libraryItems(app)).toHaveCount(2)
  await expect(libraryItem(app, NDTV_TITLE)).toHaveCount(1)
  await expect(libraryItem(app, RUNNING_OUT_TITLE)).toHaveCount(1)
  await expect(libraryItem(app, NDTV_TITLE)).toContainText('NDTV')
  await expect(libraryItem(app, NDTV_TITLE)).toContainText('19 Nov 2019')
})

test('opening an article shows its title and its paragraphs', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)

  await expect(articleTitle(app)).toHaveText(NDTV_TITLE)
  const paragraphs = articleBody(app).locator('p')
  expect(await paragraphs.count()).toBeGreaterThan(5)
  await expect(
    paragraphs.filter({ hasText: /transactional approach to foreign policy/ })
  ).toHaveCount(1)
  await expect(
    paragraphs.filter({
      hasText: 'We are no longer interested in such talks that bring nothing to us'
    })
  ).toHaveCount(1)
})

test('a quoted news report is shown as a block quote', async ({ app }) => {
  await openArticle(app, RUNNING_OUT_TITLE)

  const quotes = articleBody(app).locator('blockquote')
  await expect(quotes.first()).toContainText(
    'North Korea said Friday that nuclear negotiations with the United States will never resume'
  )
  await expect(quotes.filter({ hasText: 'We hereby make it clear once again' })).toHaveCount(1)
  // The author's own words are not part of any quotation.
  await expect(
    quotes.filter({ hasText: 'set up to fail because it had unrealistic goals' })
  ).toHaveCount(0)
  await expect(articleBody(app)).toContainText('set up to fail because it had unrealistic goals')
})

test('no page furniture from the original web pages appears in any article', async ({ app }) => {
  for (const title of [NDTV_TITLE, RUNNING_OUT_TITLE]) {
    await openArticle(app, title)
    const text = await app.page.locator('body').innerText()
    for (const furniture of ['Advertisement', 'fbpx', 'Capella_Hotel']) {
      expect(text, `"${furniture}" shown with "${title}"`).not.toContain(furniture)
    }
  }
})
