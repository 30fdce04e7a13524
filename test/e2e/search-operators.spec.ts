import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  fuzzyNotice,
  noResultsMessage,
  resultTitles,
  searchAndWait,
  searchResults,
  textOutsideArticles,
  waitForLibrary
} from './reader-actions'

// The two bundled articles: NDTV's (source NDTV, "foreign policy", Singapore, "denuclearization")
// and the other (no source, Hanoi, "foreign" and "policy" but never side by side).
const BOTH = [NDTV_TITLE, RUNNING_OUT_TITLE].toSorted()
const sorted = (titles: string[]) => titles.toSorted()

test.beforeEach(async ({ app }) => {
  await waitForLibrary(app)
})

test('a quoted phrase finds only articles with the words side by side, in order', async ({
  app
}) => {
  await searchAndWait(app, 'foreign policy')
  expect(sorted(await resultTitles(app))).toEqual(BOTH)

  await searchAndWait(app, '"foreign policy"')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])

  await searchAndWait(app, '"North Korea"')
  expect(sorted(await resultTitles(app))).toEqual(BOTH)

  await searchAndWait(app, '"Korea North"')
  await expect(noResultsMessage(app)).toBeVisible()
  await expect(searchResults(app)).toHaveCount(0)
})

test('a word with a minus in front leaves out the articles that have it', async ({ app }) => {
  await searchAndWait(app, 'korea ')
  expect(sorted(await resultTitles(app))).toEqual(BOTH)

  await searchAndWait(app, 'korea -hanoi')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])
})

test('title: looks for a word in titles only', async ({ app }) => {
  // Both articles say "talks"; only NDTV's title does.
  await searchAndWait(app, 'talks ')
  expect(sorted(await resultTitles(app))).toEqual(BOTH)

  await searchAndWait(app, 'title:talks')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])
})

test('source: keeps the articles from one source', async ({ app }) => {
  await searchAndWait(app, 'trump source:ndtv')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])

  await searchAndWait(app, 'source:ndtv')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])
})

test('OR finds articles with either word', async ({ app }) => {
  // Hanoi is in one article and Singapore in the other, so no article has both.
  await searchAndWait(app, 'hanoi singapore')
  await expect(noResultsMessage(app)).toBeVisible()

  await searchAndWait(app, 'hanoi OR singapore')
  expect(sorted(await resultTitles(app))).toEqual(BOTH)
})

test('a misspelt word finds the article by its close spelling, and says so', async ({ app }) => {
  await searchAndWait(app, 'denuclearisation')

  await expect(fuzzyNotice(app)).toHaveText('No exact matches; showing close spellings.')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])

  // Spelt as the article spells it, the match is exact: no notice.
  await searchAndWait(app, 'denuclearization')
  expect(await resultTitles(app)).toEqual([NDTV_TITLE])
  await expect(fuzzyNotice(app)).toHaveCount(0)
})

for (const garbage of ['"', '-', 'OR', 'title:"', 'source: OR -', '"north OR -korea', 'author:']) {
  test(`half-typed operators (${garbage}) never show an error`, async ({ app }) => {
    await searchAndWait(app, garbage)

    expect(await textOutsideArticles(app)).not.toMatch(
      /error|invalid|unexpected|unrecognised|parse|failed/i
    )
  })
}
