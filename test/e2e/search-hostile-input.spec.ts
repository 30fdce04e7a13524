import { expect, test, type App } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  articleTitle,
  findCount,
  findInput,
  noResultsMessage,
  noticeTexts,
  openArticle,
  openFind,
  resultTitles,
  searchAndWait,
  searchBox,
  searchFor,
  searchHits,
  searchResults,
  typeIntoSearch,
  waitForLibrary
} from './reader-actions'

/** The quiet line under the search box saying only the beginning of the query is searched. */
const limitHint = (app: App) => app.page.getByTestId('search-limit')

/**
 * Waits until what is listed answers what is in the box: results of any kind (articles,
 * quotations, notes), or "no articles match".
 */
async function waitForAnswer(app: App): Promise<void> {
  const list = app.page.getByTestId('search-results')
  await expect(list).toHaveAttribute('aria-busy', 'false')
  await expect(list.getByRole('option').first().or(noResultsMessage(app))).toBeVisible()
}

test.beforeEach(async ({ app }) => {
  await waitForLibrary(app)
})

test('a pasted page of 10,000 characters is searched from its beginning, and the box says so', async ({
  app
}) => {
  // Words both bundled articles hold, over and over: a paste far past what is searched.
  const paste = 'Trump North Korea talks '.repeat(420).slice(0, 10_000)
  await searchFor(app, paste)
  await waitForAnswer(app)

  await expect(searchBox(app)).toHaveValue(paste)
  await expect(limitHint(app)).toHaveText('Searching the first 64 words')
  expect((await resultTitles(app)).toSorted()).toEqual([NDTV_TITLE, RUNNING_OUT_TITLE].toSorted())
  await expect(noticeTexts(app)).toHaveCount(0)

  // Opening a result shows the matches of what was searched, still without a complaint.
  await searchResults(app).first().click()
  await expect(articleTitle(app)).toBeVisible()
  await expect(searchHits(app).first()).toBeVisible()
  await expect(noticeTexts(app)).toHaveCount(0)

  // The app keeps up: the next query is answered and the hint goes.
  await searchAndWait(app, 'hanoi')
  expect(await resultTitles(app)).toEqual([RUNNING_OUT_TITLE])
  await expect(limitHint(app)).toHaveCount(0)
})

test('one 10,000-letter word finds nothing, quietly, and typing on still works', async ({
  app
}) => {
  await searchFor(app, 'k'.repeat(10_000))
  await waitForAnswer(app)

  await expect(limitHint(app)).toHaveText('Searching the first 1,000 characters')
  await expect(noResultsMessage(app)).toBeVisible()
  await expect(noticeTexts(app)).toHaveCount(0)

  await searchFor(app, '')
  await typeIntoSearch(app, 'singapore')
  await waitForAnswer(app)
  expect(await resultTitles(app)).toContain(NDTV_TITLE)
  await expect(limitHint(app)).toHaveCount(0)
})

for (const soup of ['+-~^*:"', 'title: OR -', '"unbalanced', '***', 'speaker:']) {
  test(`typing the operator soup ${soup} shows an answer, never an error`, async ({ app }) => {
    await typeIntoSearch(app, soup)
    await waitForAnswer(app)
    await expect(noticeTexts(app)).toHaveCount(0)
    await expect(limitHint(app)).toHaveCount(0)

    // The box still answers ordinary words afterwards.
    await searchAndWait(app, 'denuclearization')
    expect(await resultTitles(app)).toEqual([NDTV_TITLE])
  })
}

test('the find bar takes a 10,000-character paste and finds again straight after', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await openFind(app)

  await findInput(app).fill('Kim said '.repeat(1200).slice(0, 10_000))
  await expect(findInput(app)).toHaveValue(/^Kim said /)
  await expect(findCount(app)).toHaveText('No matches')
  await expect(noticeTexts(app)).toHaveCount(0)

  await findInput(app).fill('kim')
  await expect(findCount(app)).toHaveText(/^1 of \d+$/)
})
