/**
 * The app on a library of hostile articles (test/fixtures/library-hostile, plus a generated
 * million-character paragraph and 100,000-word article): script tags, event handlers,
 * javascript: links and remote images, Arabic, CJK, emoji and odd Unicode. As a reader: every
 * article opens and reads, search finds words in every script, highlights stay, nothing runs
 * and nothing is fetched.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { Dialog } from '@playwright/test'
import { startBeacon, type Beacon } from './beacon'
import { expect, test as base, type App } from './fixtures'
import type { PageElement, PageGlobals } from './page-dom'
import {
  articleBody,
  articleTitle,
  findCount,
  highlightedText,
  highlights,
  libraryItems,
  openArticle,
  openFind,
  readerScrollTop,
  resultTitles,
  scrollReaderTo,
  searchAndWait,
  searchFor,
  searchHits,
  searchResults,
  selectInArticle,
  selectionToolbar,
  typeIntoFind
} from './reader-actions'
import {
  HUGE_PARAGRAPH_MARKER,
  HUGE_PARAGRAPH_TITLE,
  LONG_ARTICLE_MARKER,
  LONG_ARTICLE_TITLE,
  makeHostileLibrary
} from '../support/hostile-library'

const MARKUP_TITLE =
  '<script>window.__pwned = "title"; alert("title")</script> Markup That Must Stay Text'
const ARABIC_TITLE = 'محادثات الميناء تتوقف مرة أخرى'
const CJK_TITLE = '東アジアの港湾会議 · 东亚港口会议 · 동아시아 항만 회의'
const EMOJI_TITLE = 'Emoji 🎉 and Odd Unicode in One Story'
const SURROGATES_TITLE = 'Lone Surrogates Do Not Survive UTF-8'

const BUILD_INDEX = resolve(__dirname, '..', '..', 'out', 'main', 'build-index.js')

const test = base.extend<{ dialogs: string[] }, { beacon: Beacon }>({
  beacon: [
    // Playwright reads a fixture's dependencies from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const beacon = await startBeacon()
      await use(beacon)
      await beacon.close()
    },
    { scope: 'worker' }
  ],

  // The hostile library, its remote URLs pointed at the beacon, with its index and parsed
  // cache built once for every test of the worker, as `npm run build` builds the bundled one.
  resourcesDir: [
    async ({ beacon }, use) => {
      const library = makeHostileLibrary({ beaconOrigin: beacon.origin })
      const build = spawnSync(process.execPath, [BUILD_INDEX], {
        env: { ...process.env, DOSSIER_RESOURCES_DIR: library.dir },
        encoding: 'utf8'
      })
      if (build.status !== 0)
        throw new Error(`Could not index the hostile library: ${build.stderr || build.stdout}`)
      await use(library.dir)
      library.remove()
    },
    { scope: 'worker' }
  ],

  // A trap for script: the fixtures' scripts and handlers call alert() and set __pwned.
  dialogs: async ({ app }, use) => {
    const dialogs: string[] = []
    const record = (dialog: Dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    }
    app.page.on('dialog', record)
    await use(dialogs)
    app.page.off('dialog', record)
  }
})

// Every test ends proving nothing reached the beacon: no image, frame, style or link fetched.
test.afterEach(({ beacon }) => {
  expect(beacon.requests, 'requests that reached the beacon').toEqual([])
  expect(beacon.connections, 'connections to the beacon').toBe(0)
})

/** Fails when anything an article carried ran in the page. */
async function expectNothingRan(app: App, dialogs: string[]): Promise<void> {
  expect(dialogs, 'dialogs opened by article script').toEqual([])
  const pwned = await app.page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)
  expect(pwned, 'window.__pwned set by article script').toBeUndefined()
}

/** Elements an article must never become, and attributes it must never set, in the reader. */
async function dangerousMarkup(app: App): Promise<string[]> {
  return articleBody(app).evaluate((body) => {
    const found: string[] = []
    const tags = 'script, img, iframe, frame, object, embed, style, link, svg, form, base, meta'
    for (const element of body.querySelectorAll(tags)) found.push(element.tagName)
    for (const element of [body, ...body.querySelectorAll('*')])
      for (const attribute of element.getAttributeNames())
        if (/^on|^srcdoc$|^style$/i.test(attribute)) found.push(`${element.tagName}[${attribute}]`)
    for (const link of body.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href') ?? ''
      if (!/^(https?:|mailto:)/.test(href)) found.push(`a[href=${href}]`)
    }
    return found
  })
}

/** The writing direction the reader gives the paragraph holding `words`. */
async function directionOf(app: App, words: string): Promise<string> {
  return articleBody(app)
    .locator('p', { hasText: words })
    .evaluate((p: PageElement) => {
      const { getComputedStyle } = globalThis as unknown as PageGlobals
      return getComputedStyle(p).direction
    })
}

/** Highlights a passage with the toolbar's button; answers the new highlight's id. */
async function highlightPassage(app: App, passage: string): Promise<string> {
  const before = await highlights(app).count()
  await selectInArticle(app, passage)
  await app.page.getByTestId('highlight-button').click()
  await expect(selectionToolbar(app)).toBeHidden()
  await expect.poll(() => highlights(app).count()).toBeGreaterThan(before)
  const ids = await highlights(app).evaluateAll((marks) =>
    marks.map((mark) => mark.getAttribute('data-annotation-id') ?? '')
  )
  const id = ids.find(Boolean)
  if (!id) throw new Error('no highlight was drawn')
  return id
}

test('an article made of script tags, handlers and javascript: links shows them as words, and nothing runs', async ({
  app,
  dialogs
}, testInfo) => {
  await openArticle(app, MARKUP_TITLE)

  // The title is the characters it was written with, in the list and in the reader.
  await expect(articleTitle(app)).toHaveText(MARKUP_TITLE)
  await expect(libraryItems(app).filter({ hasText: '<script>' })).toHaveCount(1)
  await expect(articleBody(app)).toContainText(
    'Entities stay characters: <script>alert(1)</script>'
  )
  await expect(articleBody(app)).toContainText('An image with a handler sits in this sentence.')

  // Web and mail links stay links; a javascript:, data: or file: target is plain words.
  expect(await dangerousMarkup(app)).toEqual([])
  const links = articleBody(app).locator('a')
  await expect(links).toHaveText([
    'to the harbour report',
    'mail link',
    'to the archive',
    /^http:\/\/127\.0\.0\.1:\d+\/autolink$/
  ])
  await expect(articleBody(app)).toContainText('a Markdown link that runs script too')

  await app.page.screenshot({ path: testInfo.outputPath('markup-injection.png') })
  await expectNothingRan(app, dialogs)
})

test('every hostile article opens and reads, each block in its own direction', async ({
  app,
  dialogs
}, testInfo) => {
  for (const [title, shot] of [
    [ARABIC_TITLE, 'arabic'],
    [CJK_TITLE, 'cjk'],
    [EMOJI_TITLE, 'emoji'],
    [SURROGATES_TITLE, 'lone-surrogates'],
    [LONG_ARTICLE_TITLE, 'hundred-thousand-words']
  ] as const) {
    await openArticle(app, title)
    expect(await dangerousMarkup(app)).toEqual([])
    await app.page.screenshot({ path: testInfo.outputPath(`${shot}.png`) })
  }

  // Arabic paragraphs read right to left inside the app's left-to-right page; the English
  // paragraph that follows them stays left to right.
  await openArticle(app, ARABIC_TITLE)
  expect(await directionOf(app, 'اجتمع المفاوضون')).toBe('rtl')
  expect(await directionOf(app, 'The minister')).toBe('ltr')
  await expect(articleTitle(app)).toHaveCSS('direction', 'rtl')

  // A right-to-left override stays inside its paragraph: the next one reads normally.
  await openArticle(app, EMOJI_TITLE)
  expect(await directionOf(app, 'The last paragraph is plain again')).toBe('ltr')
  await expect(articleBody(app)).toContainText('👩‍👩‍👧‍👦')
  await expectNothingRan(app, dialogs)
})

test('search finds an Arabic word, Chinese, Japanese and Korean words, and a word in 100,000', async ({
  app,
  dialogs
}) => {
  await searchAndWait(app, 'الدبلوماسية')
  expect(await resultTitles(app)).toContain(ARABIC_TITLE)
  await searchResults(app).filter({ hasText: ARABIC_TITLE }).click()
  await expect(articleTitle(app)).toHaveText(ARABIC_TITLE)
  await expect(searchHits(app).first()).toHaveText('الدبلوماسية')

  for (const word of ['外交部', '東京', '서울']) {
    await searchAndWait(app, word)
    expect(await resultTitles(app)).toContain(CJK_TITLE)
  }
  await searchResults(app).filter({ hasText: CJK_TITLE }).click()
  await expect(articleTitle(app)).toHaveText(CJK_TITLE)
  await expect(searchHits(app)).toHaveText(['서울', '서울'])

  // In-article find reads the characters the same way.
  await openFind(app)
  await typeIntoFind(app, '外交部')
  await expect(findCount(app)).toHaveText('1 of 1')
  await app.page.keyboard.press('Escape')

  await searchAndWait(app, LONG_ARTICLE_MARKER)
  expect(await resultTitles(app)).toEqual([LONG_ARTICLE_TITLE])
  await searchResults(app).first().click()
  await expect(articleTitle(app)).toHaveText(LONG_ARTICLE_TITLE)
  await expect(searchHits(app)).toHaveText([LONG_ARTICLE_MARKER])
  await expect(searchHits(app).first()).toBeInViewport()
  await expectNothingRan(app, dialogs)
})

test('highlights on Arabic with emoji and on an emoji family stay after a restart', async ({
  app,
  dialogs
}) => {
  const arabic = '«نحن ننتظر منذ سنوات» 🙏'
  const family = 'family 👩‍👩‍👧‍👦 arrived'
  await openArticle(app, ARABIC_TITLE)
  const arabicId = await highlightPassage(app, arabic)
  expect(await highlightedText(app, arabicId)).toBe(arabic)
  await openArticle(app, EMOJI_TITLE)
  const familyId = await highlightPassage(app, family)
  expect(await highlightedText(app, familyId)).toBe(family)

  await app.reopen()
  await openArticle(app, ARABIC_TITLE)
  await expect.poll(() => highlightedText(app, arabicId)).toBe(arabic)
  await openArticle(app, EMOJI_TITLE)
  await expect.poll(() => highlightedText(app, familyId)).toBe(family)
  await expectNothingRan(app, dialogs)
})

/**
 * Drawing the million-character paragraph, with its thousands of quotation buttons, is the
 * heaviest work the reader does: opening it took 9–19 s on a two-core machine under a load of
 * 16. The test draws it twice (on opening, then again with the search hit).
 */
const HUGE_DRAW_MS = 30_000

test('a paragraph of a million characters opens, scrolls and finds its one rare word', async ({
  app,
  dialogs
}, testInfo) => {
  test.setTimeout(3 * HUGE_DRAW_MS)
  await openArticle(app, EMOJI_TITLE)
  const started = Date.now()
  await libraryItems(app).filter({ hasText: HUGE_PARAGRAPH_TITLE }).click()
  await expect(articleTitle(app)).toHaveText(HUGE_PARAGRAPH_TITLE, { timeout: HUGE_DRAW_MS })
  const paragraph = articleBody(app).locator('.body p').first()
  await expect(paragraph).toBeVisible()
  // The page answers again: whatever opening cost is over.
  await app.page.evaluate(() => true)
  const openMs = Date.now() - started
  testInfo.annotations.push({ type: 'open 1 MB paragraph (ms)', description: String(openMs) })
  await app.page.screenshot({ path: testInfo.outputPath('huge-paragraph.png') })

  expect(await scrollReaderTo(app, 0.5)).toBeGreaterThan(0)
  const middle = await readerScrollTop(app)
  await scrollReaderTo(app, 1)
  expect(await readerScrollTop(app)).toBeGreaterThan(middle)
  await app.page.screenshot({ path: testInfo.outputPath('huge-paragraph-end.png') })

  // A failed wait on a hidden element makes Playwright describe the whole page's accessibility
  // tree, which over this paragraph's thousands of quotation buttons outlasts the test: the
  // results are polled as plain text instead.
  await searchFor(app, HUGE_PARAGRAPH_MARKER)
  await expect.poll(() => resultTitles(app)).toEqual([HUGE_PARAGRAPH_TITLE])
  await searchResults(app).first().click()
  await expect(searchHits(app)).toHaveText([HUGE_PARAGRAPH_MARKER], { timeout: HUGE_DRAW_MS })
  await expect(searchHits(app).first()).toBeInViewport()
  await expectNothingRan(app, dialogs)
})
