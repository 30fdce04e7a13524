import type { Page } from '@playwright/test'
import { BRIDGE_PATH } from '../../src/shared/ipc/http-bridge'
import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  articleTitle,
  noResultsMessage,
  openArticle,
  searchFor,
  searchProgress,
  searchResults
} from './reader-actions'

/**
 * Makes main report a large index still loading until `finish()` is called: the bundled library
 * is far too small to catch it loading for real. Everything else goes to main untouched.
 */
async function holdIndexLoading(page: Page): Promise<{ finish: () => void }> {
  let loading = true
  await page.route(`**${BRIDGE_PATH}`, async (route) => {
    const call = route.request().postDataJSON() as { channel?: string }
    if (!loading || call.channel !== 'search:status') return route.fallback()
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: { state: 'loading', progress: 0.42, articles: 1000 }
      })
    })
  })
  await page.reload()
  return { finish: () => (loading = false) }
}

test('while the index loads the search field shows progress and the reader works', async ({
  app
}) => {
  const index = await holdIndexLoading(app.page)

  await expect(searchProgress(app)).toContainText('Indexing')
  await expect(searchProgress(app)).toContainText('42%')
  await openArticle(app, NDTV_TITLE)
  await expect(articleTitle(app)).toHaveText(NDTV_TITLE)

  index.finish()
  await expect(searchProgress(app)).toHaveCount(0)
})

test('a query typed while the index loads waits for it instead of finding nothing', async ({
  app
}) => {
  const index = await holdIndexLoading(app.page)
  await expect(searchProgress(app)).toBeVisible()

  await searchFor(app, 'xylophone')
  await expect(app.page.getByText('Search is still indexing…')).toBeVisible()
  await expect(noResultsMessage(app)).toHaveCount(0)

  await searchFor(app, 'hanoi')
  index.finish()
  // Once ready, the query typed meanwhile is answered without typing it again.
  await expect(searchResults(app)).toHaveCount(1)
})
