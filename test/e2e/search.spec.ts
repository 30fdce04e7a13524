import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  articleTitle,
  currentHitIndex,
  noResultsMessage,
  searchBox,
  searchFor,
  searchHits,
  searchResults,
  textOutsideArticles,
  typeIntoSearch,
  waitForLibrary
} from './reader-actions'

test('Ctrl+K and / both put the cursor in the search box', async ({ app }) => {
  await waitForLibrary(app)

  await app.page.keyboard.press('Control+K')
  await expect(searchBox(app)).toBeFocused()

  await searchBox(app).blur()
  await expect(searchBox(app)).not.toBeFocused()
  await app.page.keyboard.press('/')
  await expect(searchBox(app)).toBeFocused()
  // The slash that summoned the box is not typed into it.
  await expect(searchBox(app)).toHaveValue('')
})

test('results appear while a word is still being typed, with the match marked', async ({ app }) => {
  await waitForLibrary(app)
  await searchBox(app).click()

  await typeIntoSearch(app, 'denucl')

  await expect(searchResults(app)).toHaveCount(1)
  await expect(searchResults(app).first()).toContainText(NDTV_TITLE)
  const marked = searchResults(app).first().getByTestId('search-snippet').locator('mark')
  await expect(marked.first()).toHaveText(/^denucl/i)
})

test('a search finds other forms of the same word', async ({ app }) => {
  // The NDTV article says "talks" and "talk", never "talking".
  await searchFor(app, 'talking ')

  await expect(searchResults(app).filter({ hasText: NDTV_TITLE })).toHaveCount(1)
  await expect(
    searchResults(app)
      .filter({ hasText: NDTV_TITLE })
      .getByTestId('search-snippet')
      .locator('mark')
      .first()
  ).toHaveText(/^talks?$/i)
})

test('a straight apostrophe finds a curly one', async ({ app }) => {
  // Only the second article writes "Trump’s", with a typographic apostrophe, twice.
  await searchFor(app, "Trump's ")

  const result = searchResults(app).filter({ hasText: RUNNING_OUT_TITLE })
  await expect(result).toHaveCount(1)
  await result.click()
  await expect(articleTitle(app)).toHaveText(RUNNING_OUT_TITLE)
  await expect(searchHits(app).filter({ hasText: /^Trump’s$/ })).toHaveCount(2)
})

test('choosing a result opens the article with its matches marked and the first in view', async ({
  app
}) => {
  await searchFor(app, 'Hanoi ')

  await searchResults(app).filter({ hasText: RUNNING_OUT_TITLE }).click()

  await expect(articleTitle(app)).toHaveText(RUNNING_OUT_TITLE)
  await expect(searchHits(app)).toHaveCount(2)
  await expect(searchHits(app).first()).toHaveText('Hanoi')
  await expect(searchHits(app).first()).toBeInViewport()
})

test('Enter and Shift+Enter walk through the matches in the article', async ({ app }) => {
  await searchFor(app, 'sanctions ')
  await searchResults(app).filter({ hasText: NDTV_TITLE }).click()
  await expect.poll(() => currentHitIndex(app)).toBe(0)
  const count = await searchHits(app).count()
  expect(count).toBeGreaterThan(2)

  // Choosing the result left the reader focused: Enter there moves on...
  await app.page.keyboard.press('Enter')
  await expect.poll(() => currentHitIndex(app)).toBe(1)
  await expect(searchHits(app).nth(1)).toBeInViewport()

  // ...and so does Enter back in the search box, once its result is open.
  await searchBox(app).focus()
  await app.page.keyboard.press('Enter')
  await expect.poll(() => currentHitIndex(app)).toBe(2)
  await expect(searchHits(app).nth(2)).toBeInViewport()

  await app.page.keyboard.press('Shift+Enter')
  await expect.poll(() => currentHitIndex(app)).toBe(1)

  // Walking back past the first match wraps round to the last.
  await app.page.keyboard.press('Shift+Enter')
  await app.page.keyboard.press('Shift+Enter')
  await expect.poll(() => currentHitIndex(app)).toBe(count - 1)
})

test('Escape clears the search and its marks', async ({ app }) => {
  await searchFor(app, 'Hanoi ')
  await searchResults(app).first().click()
  await expect(searchHits(app).first()).toBeVisible()

  await searchBox(app).focus()
  await app.page.keyboard.press('Escape')

  await expect(searchBox(app)).toHaveValue('')
  await expect(searchHits(app)).toHaveCount(0)
  await expect(searchResults(app)).toHaveCount(0)
})

test('a word in no article says plainly that nothing matched', async ({ app }) => {
  await searchFor(app, 'xylophone ')

  await expect(noResultsMessage(app)).toBeVisible()
  await expect(searchResults(app)).toHaveCount(0)
})

for (const garbage of ['title:', '+', '~~', '"unbalanced', 'korea~2 +-title:*']) {
  test(`search syntax in the box (${garbage}) never shows an error`, async ({ app }) => {
    await searchFor(app, garbage)

    await expect(searchResults(app).first().or(noResultsMessage(app))).toBeVisible()
    expect(await textOutsideArticles(app)).not.toMatch(
      /error|invalid|unexpected|unrecognised|parse/i
    )
  })
}

test('an article whose title has the word ranks first', async ({ app }) => {
  // "talks" is in the NDTV title, and the other article uses the word more often in its text.
  await searchFor(app, 'talks ')

  await expect(searchResults(app)).toHaveCount(2)
  await expect(searchResults(app).first()).toContainText(NDTV_TITLE)
})
