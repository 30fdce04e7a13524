/**
 * The layout holds for people who enlarge text: at 320 CSS px wide (WCAG 1.4.10, the width of
 * a 1280 px window at 400%) and 640 px (200%) nothing needs scrolling sideways; with WCAG
 * 1.4.12's text spacing no control clips its words; reduced motion turns animation off.
 */
import { expect, test, type App } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  openArticle,
  openVoices,
  searchAndWait,
  voiceItems,
  voiceQuotes
} from './reader-actions'

interface Box {
  left: number
  right: number
}
interface LayoutElement {
  tagName: string
  className: unknown
  getAttribute(name: string): string | null
  getBoundingClientRect(): Box
  checkVisibility(): boolean
  closest(selector: string): LayoutElement | null
  scrollWidth: number
  clientWidth: number
  scrollHeight: number
  clientHeight: number
  style: { setProperty(name: string, value: string, priority: string): void }
}
interface LayoutPage {
  innerWidth: number
  getComputedStyle(element: LayoutElement): { webkitLineClamp: string; paddingBottom: string }
  document: {
    documentElement: LayoutElement
    querySelectorAll(selector: string): Iterable<LayoutElement>
  }
}

/** Elements that reach past the window's left or right edge, and the page's own overflow. */
const sidewaysOverflow = (app: App): Promise<string[]> =>
  app.page.evaluate(() => {
    const page = globalThis as unknown as LayoutPage
    const { documentElement } = page.document
    const found: string[] = []
    if (documentElement.scrollWidth > documentElement.clientWidth + 1)
      found.push(`the page is ${documentElement.scrollWidth} px wide`)
    for (const element of page.document.querySelectorAll('body *')) {
      if (!element.checkVisibility() || element.closest('.visually-hidden')) continue
      const box = element.getBoundingClientRect()
      if (box.right > page.innerWidth + 1 || box.left < -1) {
        const id = element.getAttribute('data-testid') ?? String(element.className)
        found.push(
          `${element.tagName.toLowerCase()} ${id}: ${Math.round(box.left)}–${Math.round(box.right)}`
        )
      }
    }
    return found.slice(0, 15)
  })

/** Buttons and labels whose words no longer fit inside them. */
const clippedControls = (app: App): Promise<string[]> =>
  app.page.evaluate(() => {
    const page = globalThis as unknown as LayoutPage
    const found: string[] = []
    for (const element of page.document.querySelectorAll('button, label, [role="tab"]')) {
      // A quotation listed beside the article shows its first lines by design (line-clamp);
      // its whole text is its name, and the article is one click away.
      if (!element.checkVisibility() || page.getComputedStyle(element).webkitLineClamp !== 'none')
        continue
      if (
        element.scrollWidth > element.clientWidth + 1 ||
        element.scrollHeight > element.clientHeight + 1
      )
        found.push(element.getAttribute('data-testid') ?? element.tagName.toLowerCase())
    }
    return found
  })

/**
 * Clamped texts that cut off lines and have bottom padding: the padding shows the top of the
 * first hidden line, a sliver of words under the last whole one.
 */
const slicedClamps = (app: App): Promise<string[]> =>
  app.page.evaluate(() => {
    const page = globalThis as unknown as LayoutPage
    const found: string[] = []
    for (const element of page.document.querySelectorAll('body *')) {
      const style = page.getComputedStyle(element)
      if (style.webkitLineClamp === 'none' || !element.checkVisibility()) continue
      const cut = element.scrollHeight > element.clientHeight + 1
      if (cut && parseFloat(style.paddingBottom) > 0)
        found.push(element.closest('[data-testid]')?.getAttribute('data-testid') ?? element.tagName)
    }
    return found
  })

test('a long quotation listed beside the article shows whole lines, no sliver of the next', async ({
  app
}) => {
  await openArticle(app, RUNNING_OUT_TITLE)
  await expect(app.page.getByTestId('quote-entry').first()).toBeVisible()
  expect(await slicedClamps(app)).toEqual([])
})

for (const width of [320, 640]) {
  test(`nothing scrolls sideways at ${width} CSS px wide`, async ({ app }) => {
    await app.page.setViewportSize({ width, height: 640 })
    await openArticle(app, NDTV_TITLE)
    expect(await sidewaysOverflow(app), 'reader').toEqual([])

    await searchAndWait(app, 'korea')
    expect(await sidewaysOverflow(app), 'search results').toEqual([])

    await openVoices(app)
    await voiceItems(app).first().click()
    await expect(voiceQuotes(app).first()).toBeVisible()
    expect(await sidewaysOverflow(app), 'Voices').toEqual([])

    await app.page.getByTestId('nav-notebook').click()
    expect(await sidewaysOverflow(app), 'Notebook').toEqual([])

    await app.page.getByTestId('palette-button').click()
    expect(await sidewaysOverflow(app), 'command palette').toEqual([])
  })
}

test('WCAG text spacing clips no control and scrolls nothing sideways', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  // Set on every element, as the text-spacing bookmarklet does (the CSP allows no <style>).
  await app.page.evaluate(() => {
    const page = globalThis as unknown as LayoutPage
    for (const element of page.document.querySelectorAll('body, body *')) {
      element.style.setProperty('line-height', '1.5', 'important')
      element.style.setProperty('letter-spacing', '0.12em', 'important')
      element.style.setProperty('word-spacing', '0.16em', 'important')
    }
    for (const element of page.document.querySelectorAll('p'))
      element.style.setProperty('margin-bottom', '2em', 'important')
  })
  expect(await clippedControls(app)).toEqual([])
  expect(await sidewaysOverflow(app)).toEqual([])
})

test('reduced motion turns transitions and smooth scrolling off', async ({ app }) => {
  await app.page.emulateMedia({ reducedMotion: 'reduce' })
  await openArticle(app, NDTV_TITLE)
  const motion = await app.page.getByTestId('search-input').evaluate((input) => {
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle(element: unknown): { transitionDuration: string; scrollBehavior: string }
    }
    const style = getComputedStyle(input)
    return { transitionDuration: style.transitionDuration, scrollBehavior: style.scrollBehavior }
  })
  expect(motion.transitionDuration).toBe('0s')
  expect(motion.scrollBehavior).toBe('auto')
})
