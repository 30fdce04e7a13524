import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  currentFindIndex,
  findBar,
  findCount,
  findHits,
  findInput,
  openArticle,
  openFind,
  searchFor,
  searchHits,
  searchResults,
  typeIntoFind
} from './reader-actions'

/** "3 of 11" → [3, 11]. */
async function countShown(app: Parameters<typeof findCount>[0]): Promise<[number, number]> {
  const text = (await findCount(app).textContent()) ?? ''
  const match = /^(\d+) of (\d+)$/.exec(text.trim())
  if (!match) throw new Error(`the find count reads "${text}"`)
  return [Number(match[1]), Number(match[2])]
}

test('Ctrl+F finds a word in the article and steps through its matches', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await openFind(app)
  await typeIntoFind(app, 'kim')

  await expect(findCount(app)).toHaveText(/^1 of \d+$/)
  const [, total] = await countShown(app)
  expect(total).toBeGreaterThan(3)
  expect(await currentFindIndex(app)).toBe(0)

  // Enter, the next button and F3 each move on; the current match stays in view.
  await app.page.keyboard.press('Enter')
  await expect(findCount(app)).toHaveText(`2 of ${total}`)
  await app.page.getByTestId('find-next').click()
  await expect(findCount(app)).toHaveText(`3 of ${total}`)
  await app.page.keyboard.press('F3')
  await expect(findCount(app)).toHaveText(`4 of ${total}`)
  expect(await currentFindIndex(app)).toBe(3)
  await expect(findHits(app).and(app.page.locator('[aria-current="true"]'))).toBeInViewport()

  // Shift+Enter and the previous button go back, and wrap round past the first.
  await findInput(app).press('Shift+Enter')
  await expect(findCount(app)).toHaveText(`3 of ${total}`)
  await app.page.getByTestId('find-prev').click()
  await app.page.getByTestId('find-prev').click()
  await app.page.getByTestId('find-prev').click()
  await expect(findCount(app)).toHaveText(`${total} of ${total}`)
  expect(await currentFindIndex(app)).toBe(total - 1)
  await expect(findHits(app).and(app.page.locator('[aria-current="true"]'))).toBeInViewport()
})

test('Escape closes the find bar and clears its marks', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await openFind(app)
  await typeIntoFind(app, 'kim')
  await expect(findHits(app).first()).toBeVisible()

  await app.page.keyboard.press('Escape')

  await expect(findBar(app)).toHaveCount(0)
  await expect(findHits(app)).toHaveCount(0)

  // Opened again, it starts empty.
  await openFind(app)
  await expect(findInput(app)).toHaveValue('')
})

test('find folds case and apostrophes as search does', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await openFind(app)
  await typeIntoFind(app, 'pyongyang')
  await expect(findCount(app)).toHaveText(/^1 of \d+$/)
  for (const text of await findHits(app).allInnerTexts()) expect(text).toBe('Pyongyang')

  // The other article writes Trump’s with a typographic apostrophe, twice.
  await openArticle(app, RUNNING_OUT_TITLE)
  await findInput(app).fill("trump's")
  await expect(findCount(app)).toHaveText('1 of 2')
  expect(await findHits(app).allInnerTexts()).toEqual(['Trump’s', 'Trump’s'])
})

test('a word not in the article says so', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await openFind(app)
  await typeIntoFind(app, 'xylophone')

  await expect(findCount(app)).toHaveText('No matches')
  await expect(findHits(app)).toHaveCount(0)
})

test('find marks sit over search marks without disturbing them', async ({ app }) => {
  await searchFor(app, 'Hanoi ')
  await searchResults(app).filter({ hasText: RUNNING_OUT_TITLE }).click()
  await expect(searchHits(app)).toHaveCount(2)

  await openFind(app)
  await typeIntoFind(app, 'hanoi')

  await expect(findCount(app)).toHaveText('1 of 2')
  await expect(searchHits(app)).toHaveCount(2)
  await expect(searchHits(app).first().getByTestId('find-hit')).toHaveText('Hanoi')
})
