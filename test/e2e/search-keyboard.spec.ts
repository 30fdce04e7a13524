import { expect, test } from './fixtures'
import {
  articleTitle,
  resultTitles,
  searchAndWait,
  searchBox,
  searchResults,
  waitForLibrary
} from './reader-actions'

// Any kind of result (an article, a quotation) can be the active option.
const selected = (app: Parameters<typeof searchResults>[0]) =>
  app.page.locator('[role="option"][aria-selected="true"]')

test('ArrowDown, ArrowUp and Enter choose and open a result without the mouse', async ({ app }) => {
  await waitForLibrary(app)
  await searchAndWait(app, 'korea ')
  const titles = await resultTitles(app)
  expect(titles).toHaveLength(2)

  // The first result is the active one to begin with.
  await expect(selected(app)).toHaveCount(1)
  await expect(selected(app)).toContainText(titles[0] as string)

  await app.page.keyboard.press('ArrowDown')
  await expect(selected(app)).toContainText(titles[1] as string)
  await expect(selected(app)).toBeInViewport()
  await app.page.keyboard.press('Enter')
  await expect(articleTitle(app)).toHaveText(titles[1] as string)
  // Focus moves to the article, ready for reading; the list is one shortcut away.
  await expect(app.page.getByTestId('reader')).toBeFocused()

  await app.page.keyboard.press('ControlOrMeta+K')
  await expect(searchBox(app)).toBeFocused()
  await app.page.keyboard.press('ArrowUp')
  await expect(selected(app)).toContainText(titles[0] as string)
  await app.page.keyboard.press('Enter')
  await expect(articleTitle(app)).toHaveText(titles[0] as string)
})

test('the arrow keys wrap round the ends of the list', async ({ app }) => {
  await waitForLibrary(app)
  await searchAndWait(app, 'korea ')
  const titles = await resultTitles(app)

  await app.page.keyboard.press('ArrowUp')
  await expect(selected(app)).toContainText(titles.at(-1) as string)
  await app.page.keyboard.press('ArrowDown')
  await expect(selected(app)).toContainText(titles[0] as string)
})

test('the search box tells assistive technology which result is active', async ({ app }) => {
  await waitForLibrary(app)
  await searchAndWait(app, 'korea ')

  await app.page.keyboard.press('ArrowDown')
  const activeId = await searchBox(app).getAttribute('aria-activedescendant')
  expect(activeId).not.toBeNull()
  await expect(app.page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true')
})
