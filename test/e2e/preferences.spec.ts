import { expect, test, type App } from './fixtures'
import type { PageGlobals } from './page-dom'
import {
  NDTV_TITLE,
  articleBody,
  articleTitle,
  bodyFontSize,
  chooseTheme,
  fontSizeControl,
  openArticle,
  readerScrollTop,
  savedSettings,
  scrollReaderTo,
  setFontSize,
  themeSelect
} from './reader-actions'

/** Restored scrolling may land a line away from where it was left; a line is under 40 px. */
const SCROLL_TOLERANCE_PX = 40

const pageBackground = (app: App): Promise<string> =>
  app.page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals
    return getComputedStyle(document.body).backgroundColor
  })

test('the dark theme darkens the page', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  await chooseTheme(app, 'light')
  const light = await pageBackground(app)

  await chooseTheme(app, 'dark')

  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => pageBackground(app)).not.toBe(light)
})

test('the text size control changes the size of the article text', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  const before = await bodyFontSize(app)
  const larger = before + 4

  await setFontSize(app, larger)

  await expect.poll(() => bodyFontSize(app)).toBeCloseTo(larger, 0)
})

test('reopening the app restores the theme, text size, article and reading position', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await chooseTheme(app, 'dark')
  await setFontSize(app, 24)
  await expect.poll(() => bodyFontSize(app)).toBeCloseTo(24, 0)
  const scrolled = await scrollReaderTo(app, 0.5)
  expect(scrolled).toBeGreaterThan(100)
  // Settings and the position are saved a moment after the last change; wait until they are on disk.
  await expect
    .poll(() => {
      const saved = savedSettings(app)
      const positions = Object.values(saved.positions ?? {})
      return saved.theme === 'dark' && saved.fontSize === 24 && positions.some((p) => p > 0.3)
    })
    .toBe(true)

  await app.reopen()

  await expect(articleTitle(app)).toHaveText(NDTV_TITLE)
  await expect(themeSelect(app)).toHaveValue('dark')
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(fontSizeControl(app)).toHaveValue('24')
  await expect.poll(() => bodyFontSize(app)).toBeCloseTo(24, 0)
  await expect(articleBody(app)).toBeVisible()
  await expect
    .poll(async () => Math.abs((await readerScrollTop(app)) - scrolled))
    .toBeLessThan(SCROLL_TOLERANCE_PX)
})
